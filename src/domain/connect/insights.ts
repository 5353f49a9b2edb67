// Vantage points: what the network is made of (organizations, units, roles, places), how
// spread the user's chats are (a diversity figure and plain hints), who brought them the
// most people, and which people alone hold parts of the network together (bridges).
import type { Role } from '../person.js';

export interface InsightPerson {
  id: string;
  name: string;
  organization: string | null;
  unit: string | null;
  location: string | null;
  roles: readonly Role[];
  /** Chats (interactions) with them in the last 365 days. */
  chatsThisYear: number;
}

export interface Share {
  name: string;
  people: number;
  chats: number;
  /** On the last row only, when there are more groups than are named: how many it sums. */
  others?: number;
}

export interface Diversity {
  /** Gini–Simpson index of the year's chats over organization + unit: 0 = all in one team. */
  score: number;
  /** As many equally busy teams as would give the same spread (1 / Σ p²). */
  equivalentTeams: number;
  explanation: string;
}

export interface Bridge {
  personId: string;
  name: string;
  /** People who would be cut off from the rest of the network without them. */
  holdsTogether: number;
}

/**
 * A connector: someone who introduced the user to others, or whom the user counts as one (the
 * role); the most introductions first.
 */
export interface Connector {
  personId: string;
  name: string;
  introductions: number;
  byRole: boolean;
}

/** How many bridges are named, the most important first (Insights and the map alike). */
export const BRIDGES_SHOWN = 50;

export function connectorsOf(
  introducers: readonly { personId: string; name: string; introductions: number }[],
  byRole: readonly { personId: string; name: string }[],
): Connector[] {
  const all = new Map<string, Connector>();
  for (const i of introducers) all.set(i.personId, { ...i, byRole: false });
  for (const r of byRole) {
    const known = all.get(r.personId);
    all.set(
      r.personId,
      known ? { ...known, byRole: true } : { ...r, introductions: 0, byRole: true },
    );
  }
  return [...all.values()].sort(
    (a, b) =>
      b.introductions - a.introductions ||
      a.name.localeCompare(b.name) ||
      a.personId.localeCompare(b.personId),
  );
}

export interface NetworkInsights {
  people: number;
  chatsThisYear: number;
  byOrganization: Share[];
  byUnit: Share[];
  byRole: Share[];
  byLocation: Share[];
  diversity: Diversity;
  hints: string[];
  connectors: Connector[];
  bridges: Bridge[];
}

const TOP = 8;

function shares(
  people: readonly InsightPerson[],
  keysOf: (p: InsightPerson) => (string | null)[],
): Share[] {
  const by = new Map<string, Share>();
  for (const p of people) {
    const keys = keysOf(p);
    for (const key of keys.length ? keys : [null]) {
      const name = key ?? 'not set';
      const s = by.get(name) ?? { name, people: 0, chats: 0 };
      s.people += 1;
      s.chats += p.chatsThisYear;
      by.set(name, s);
    }
  }
  const sorted = [...by.values()].sort(
    (a, b) => b.chats - a.chats || b.people - a.people || a.name.localeCompare(b.name),
  );
  if (sorted.length <= TOP) return sorted;
  const rest = sorted.slice(TOP - 1).reduce(
    (o, s) => ({
      name: 'all others',
      people: o.people + s.people,
      chats: o.chats + s.chats,
      others: (o.others ?? 0) + 1,
    }),
    { name: 'all others', people: 0, chats: 0, others: 0 } as Share,
  );
  return [...sorted.slice(0, TOP - 1), rest];
}

const teamOf = (p: InsightPerson) =>
  p.organization ? (p.unit ? `${p.unit} at ${p.organization}` : p.organization) : null;

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** How spread the year's chats were, in words: how many teams, and the busiest one's share. */
function spreadExplained(chats: number, teams: ReadonlyMap<string, number>): string {
  const [busiest, most] = [...teams].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [
    '',
    0,
  ];
  const count = `${chats.toLocaleString('en')} ${chats === 1 ? 'chat' : 'chats'}`;
  if (teams.size === 1) return `All your ${count} this year were with ${busiest}.`;
  return `Your ${count} this year were with ${teams.size.toLocaleString('en')} different teams; the busiest, ${busiest}, had ${percent(most / chats)} of them.`;
}

export function networkInsights(
  people: readonly InsightPerson[],
  me: { organization: string | null; unit: string | null },
  connectors: NetworkInsights['connectors'] = [],
  bridges: Bridge[] = [],
): NetworkInsights {
  const chats = people.reduce((n, p) => n + p.chatsThisYear, 0);
  const teams = new Map<string, number>();
  for (const p of people) {
    if (p.chatsThisYear === 0) continue;
    const team = teamOf(p) ?? `${p.name} (no organization)`;
    teams.set(team, (teams.get(team) ?? 0) + p.chatsThisYear);
  }
  const sumSquares = [...teams.values()].reduce((s, n) => s + (n / chats) ** 2, 0);
  const diversity: Diversity =
    chats === 0
      ? { score: 0, equivalentTeams: 0, explanation: 'No chats in the last year yet.' }
      : {
          score: 1 - sumSquares,
          equivalentTeams: Math.round(10 / sumSquares) / 10,
          explanation: spreadExplained(chats, teams),
        };
  const hints: string[] = [];
  if (chats > 0) {
    const [topTeam, topChats] = [...teams].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const share = topChats / chats;
    const mine =
      me.organization && me.unit ? `${me.unit} at ${me.organization}` : (me.organization ?? null);
    if (share >= 0.5) {
      hints.push(
        topTeam === mine
          ? `${percent(share)} of your chats this year were with your own unit: try someone from another team.`
          : `${percent(share)} of your chats this year were with ${topTeam}: one perspective dominates.`,
      );
    }
    if (me.organization) {
      const inside = people
        .filter((p) => p.organization === me.organization)
        .reduce((n, p) => n + p.chatsThisYear, 0);
      if (inside / chats >= 0.8)
        hints.push(
          `${percent(inside / chats)} of your chats were inside ${me.organization}: people outside it see your field differently.`,
        );
    }
    const roles = new Set(people.filter((p) => p.chatsThisYear > 0).flatMap((p) => p.roles));
    if (!roles.has('mentor')) hints.push('No chat with a mentor this year.');
    if (!roles.has('connector'))
      hints.push('No chat with a connector this year: they are how a network grows.');
  }
  return {
    people: people.length,
    chatsThisYear: chats,
    byOrganization: shares(people, (p) => [p.organization]),
    byUnit: shares(people, (p) => [teamOf(p)]),
    byRole: shares(people, (p) => [...p.roles]),
    byLocation: shares(people, (p) => [p.location]),
    diversity,
    hints,
    connectors,
    bridges,
  };
}

/**
 * People who alone connect parts of the who-knows-whom graph (articulation points), with how
 * many people would be cut off from the largest remaining part without them; the most
 * important first. An iterative depth-first search (Tarjan), linear in nodes + edges.
 */
export function findBridges(
  nodeCount: number,
  edges: readonly (readonly [number, number])[],
  limit = 10,
): { node: number; holdsTogether: number }[] {
  // Typed arrays read as 0 past their end; `at` says so to the type checker.
  const at = (a: Int32Array, i: number): number => a[i] ?? 0;
  const start = new Int32Array(nodeCount + 1);
  for (const [a, b] of edges) {
    if (a === b) continue;
    start[a + 1] = at(start, a + 1) + 1;
    start[b + 1] = at(start, b + 1) + 1;
  }
  for (let i = 0; i < nodeCount; i += 1) start[i + 1] = at(start, i + 1) + at(start, i);
  const fill = start.slice(0, nodeCount);
  const adjacent = new Int32Array(at(start, nodeCount));
  const link = (from: number, to: number) => {
    adjacent[at(fill, from)] = to;
    fill[from] = at(fill, from) + 1;
  };
  for (const [a, b] of edges) {
    if (a === b) continue;
    link(a, b);
    link(b, a);
  }
  const disc = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const size = new Int32Array(nodeCount);
  const parent = new Int32Array(nodeCount).fill(-1);
  const next = new Int32Array(nodeCount);
  // Per node: the sizes of the child subtrees it alone connects, their sum and the largest.
  const cutSum = new Int32Array(nodeCount);
  const cutMax = new Int32Array(nodeCount);
  const isCut = new Uint8Array(nodeCount);
  const componentOf = new Int32Array(nodeCount);
  const componentSize: number[] = [];
  let time = 0;
  const stack: number[] = [];
  for (let root = 0; root < nodeCount; root += 1) {
    if (at(disc, root) !== -1) continue;
    const component = componentSize.length;
    let members = 0;
    let rootChildren = 0;
    disc[root] = time;
    low[root] = time;
    time += 1;
    next[root] = at(start, root);
    stack.push(root);
    while (stack.length > 0) {
      const v = stack[stack.length - 1] ?? 0;
      if (at(next, v) < at(start, v + 1)) {
        const w = at(adjacent, at(next, v));
        next[v] = at(next, v) + 1;
        if (at(disc, w) === -1) {
          parent[w] = v;
          disc[w] = time;
          low[w] = time;
          time += 1;
          next[w] = at(start, w);
          stack.push(w);
          if (v === root) rootChildren += 1;
        } else if (w !== at(parent, v)) {
          low[v] = Math.min(at(low, v), at(disc, w));
        }
        continue;
      }
      stack.pop();
      size[v] = at(size, v) + 1;
      members += 1;
      componentOf[v] = component;
      const p = at(parent, v);
      if (p !== -1) {
        size[p] = at(size, p) + at(size, v);
        low[p] = Math.min(at(low, p), at(low, v));
        if (at(low, v) >= at(disc, p)) {
          if (p !== root || rootChildren > 1) isCut[p] = 1;
          cutSum[p] = at(cutSum, p) + at(size, v);
          cutMax[p] = Math.max(at(cutMax, p), at(size, v));
        }
      }
    }
    componentSize.push(members);
  }
  const found: { node: number; holdsTogether: number }[] = [];
  for (let v = 0; v < nodeCount; v += 1) {
    if (!isCut[v]) continue;
    const total = (componentSize[at(componentOf, v)] ?? 1) - 1;
    const largest = Math.max(total - at(cutSum, v), at(cutMax, v));
    found.push({ node: v, holdsTogether: total - largest });
  }
  return found
    .filter((b) => b.holdsTogether > 0)
    .sort((a, b) => b.holdsTogether - a.holdsTogether || a.node - b.node)
    .slice(0, limit);
}
