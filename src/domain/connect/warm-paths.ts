// Warm paths: how to reach someone you don't know well through people who know them. The
// user's own tie to each person, then who-knows-whom, are edges with a strength in (0, 1]. A
// path is as warm as the product of its ties, so the best paths are the cheapest under
// cost = Σ −ln(strength).
//
// The search runs backwards, from the people to reach towards the user: there are few of
// them (the answers to a question) and many people the user knows, so starting from the
// targets keeps the work proportional to their neighbourhoods, not to the whole network. It
// is a best-first search over simple paths (no person twice) in which stepping from a person
// to the user costs −ln(the user's tie to them); paths come out warmest first. Each person is
// expanded at most k × perTarget times (the usual bound for k best paths), and a hop limit
// keeps introductions to chains people will follow.
import { firstName } from './who.js';

export interface Tie {
  to: string;
  /** (0, 1]: how well the two know each other. */
  strength: number;
}

export interface WarmPath {
  /** The people after the user, the last one being the person to reach. */
  people: string[];
  /** The product of the ties' strengths along the path. */
  strength: number;
}

export interface WarmPathOptions {
  /** How many paths (default 3). */
  k?: number;
  /** The most people on a path, the target included (default 3: two connectors). */
  maxHops?: number;
  /** The fewest (default 2: at least one connector; 1 allows people the user knows). */
  minHops?: number;
  /** How many paths may end at the same person (default 1: k different people). */
  perTarget?: number;
  /** The weakest tie of the user's a path may start with (default: any tie above 0). */
  minFirstTie?: number;
}

/** The network as the search sees it. */
export interface TieGraph {
  /** The user's tie to a person: 0 when they have never been in touch. */
  myTie(person: string): number;
  /** Who knows this person, and how well (the graph is undirected). */
  neighbours(person: string): readonly Tie[];
}

interface State {
  cost: number;
  /** Tie-break for equal costs, so results never depend on insertion order. */
  key: string;
  /** Backwards: the target first, the first connector last. */
  path: string[];
  strength: number;
  /** The step to the user is taken: popping it yields a path. */
  complete: boolean;
}

/** A binary heap ordered by (cost, key). */
class Queue {
  private items: State[] = [];
  get size(): number {
    return this.items.length;
  }
  private less(a: State, b: State): boolean {
    return a.cost < b.cost || (a.cost === b.cost && a.key < b.key);
  }
  push(state: State): void {
    const items = this.items;
    items.push(state);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent];
      if (!p || !this.less(state, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = state;
  }
  pop(): State | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (!top || !last || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = last;
      let at = -1;
      const l = items[left];
      const r = items[right];
      if (l && this.less(l, best)) {
        best = l;
        at = left;
      }
      if (r && this.less(r, best)) {
        best = r;
        at = right;
      }
      if (at < 0) break;
      items[i] = best;
      i = at;
    }
    items[i] = last;
    return top;
  }
}

const costOf = (strength: number) => -Math.log(Math.min(1, Math.max(strength, 1e-9)));

/** The k warmest paths from the user to any of `targets`. */
export function warmPaths(
  graph: TieGraph,
  targets: Iterable<string>,
  options: WarmPathOptions = {},
): WarmPath[] {
  const k = options.k ?? 3;
  const maxHops = options.maxHops ?? 3;
  const minHops = options.minHops ?? 2;
  const perTarget = options.perTarget ?? 1;
  const minFirstTie = options.minFirstTie ?? 0;
  const found: WarmPath[] = [];
  const endedAt = new Map<string, number>();
  const expanded = new Map<string, number>();
  const queue = new Queue();
  const keyOf = (backwards: string[]) => [...backwards].reverse().join('>');
  for (const target of new Set(targets)) {
    queue.push({ cost: 0, key: target, path: [target], strength: 1, complete: false });
  }
  while (queue.size > 0 && found.length < k) {
    const state = queue.pop();
    if (!state) break;
    const target = state.path[0] ?? '';
    const ended = endedAt.get(target) ?? 0;
    if (ended >= perTarget) continue;
    if (state.complete) {
      endedAt.set(target, ended + 1);
      found.push({ people: [...state.path].reverse(), strength: state.strength });
      continue;
    }
    const here = state.path[state.path.length - 1] ?? '';
    const times = expanded.get(here) ?? 0;
    if (times >= k * perTarget) continue;
    expanded.set(here, times + 1);
    const mine = graph.myTie(here);
    if (state.path.length >= minHops && mine > 0 && mine >= minFirstTie) {
      queue.push({
        cost: state.cost + costOf(mine),
        key: keyOf(state.path),
        path: state.path,
        strength: state.strength * mine,
        complete: true,
      });
    }
    if (state.path.length >= maxHops) continue;
    for (const tie of graph.neighbours(here)) {
      if (tie.strength <= 0 || state.path.includes(tie.to)) continue;
      const path = [...state.path, tie.to];
      queue.push({
        cost: state.cost + costOf(tie.strength),
        key: keyOf(path),
        path,
        strength: state.strength * tie.strength,
        complete: false,
      });
    }
  }
  return found;
}

/** "ask Priya to introduce you to Tom"; with two connectors, "ask Priya to ask Sam to …". */
export function describePath(path: WarmPath, nameOf: (id: string) => string): string {
  const names = path.people.map(nameOf);
  const target = names[names.length - 1] ?? 'them';
  if (names.length === 1) return `talk to ${target} directly`;
  // Connectors are people the user knows: called by their first name.
  const connectors = names.slice(0, -1).map(firstName);
  const first = connectors[0] ?? '';
  const chain = connectors
    .slice(1)
    .map((n) => `ask ${n} to `)
    .join('');
  return `ask ${first} to ${chain}introduce you to ${target}`;
}
