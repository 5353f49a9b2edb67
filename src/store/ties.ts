// The network graph in memory: the user's tie to each person (from their interactions and
// the reciprocity ledger) and who knows whom (the knows edges, plus colleagues inferred from
// a small shared team). Reading it from the database takes seconds at 100k people and 1M
// edges, so it is built once per workspace and kept; every write that changes a tie bumps
// workspace.ties_version, and the next reader that sees a new version builds it again. The
// counter lives in the database, so several app servers sharing one PostgreSQL stay right.
// Ties also fade with time: a graph older than an hour is rebuilt even if nothing changed.
import type { Kysely } from 'kysely';
import { interactionWeight, strengthScore } from '../domain/connect/strength.js';
import type { Tie, TieGraph } from '../domain/connect/warm-paths.js';
import { INFERRED_STRENGTH, MAX_INFERRED_TEAM } from '../domain/connect/schemas.js';
import type { DbContext } from './context.js';
import type { Database } from './schema.js';
import { GIVEN_STATES } from '../domain/connect/introduction.js';

const REBUILD_AFTER_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** A knows edge is stored once per pair, the smaller id first. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Tell every reader of the graph that it must be read again. */
export async function bumpTies(ctx: DbContext): Promise<void> {
  await ctx.db
    .updateTable('workspace')
    .set((eb) => ({ ties_version: eb('ties_version', '+', 1) }))
    .where('id', '=', ctx.workspaceId)
    .execute();
}

export interface Neighbour {
  index: number;
  strength: number;
  inferred: boolean;
}

export class NetworkGraph {
  readonly index: Map<string, number>;
  /** How long reading it took: a slow one is read again in the background. */
  buildMs = 0;

  constructor(
    readonly version: number,
    readonly builtAt: number,
    /** Person ids by position; archived people are left out. */
    readonly ids: string[],
    /** The user's tie to each person, 0 to 1. */
    readonly mine: Float32Array,
    /** Knows edges, both directions, as compressed rows: start[i]..start[i+1] in adjacent. */
    private readonly start: Int32Array,
    private readonly adjacent: Int32Array,
    private readonly weight: Float32Array,
    /** Each person's small team (organization + unit) or -1, and the teams' members. */
    private readonly teamOf: Int32Array,
    private readonly teamStart: Int32Array,
    private readonly teamMembers: Int32Array,
  ) {
    this.index = new Map(ids.map((id, i) => [id, i]));
  }

  get people(): number {
    return this.ids.length;
  }

  get edges(): number {
    return this.adjacent.length / 2;
  }

  /** Bytes held in typed arrays (the id strings and their index come on top). */
  get arrayBytes(): number {
    return [
      this.mine,
      this.start,
      this.adjacent,
      this.weight,
      this.teamOf,
      this.teamStart,
      this.teamMembers,
    ].reduce((n, a) => n + a.byteLength, 0);
  }

  myTie(id: string): number {
    const i = this.index.get(id);
    return i === undefined ? 0 : (this.mine[i] ?? 0);
  }

  /** Who knows person i: recorded edges, then inferred colleagues not already among them. */
  neighbours(i: number): Neighbour[] {
    const out: Neighbour[] = [];
    const from = this.start[i] ?? 0;
    const to = this.start[i + 1] ?? 0;
    for (let e = from; e < to; e += 1) {
      out.push({ index: this.adjacent[e] ?? 0, strength: this.weight[e] ?? 0, inferred: false });
    }
    const team = this.teamOf[i] ?? -1;
    if (team >= 0) {
      const recorded = new Set(out.map((n) => n.index));
      for (let m = this.teamStart[team] ?? 0; m < (this.teamStart[team + 1] ?? 0); m += 1) {
        const j = this.teamMembers[m] ?? 0;
        if (j !== i && !recorded.has(j))
          out.push({ index: j, strength: INFERRED_STRENGTH, inferred: true });
      }
    }
    return out;
  }

  /** Each recorded edge once, as positions (inferred colleagues left out). */
  edgeList(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.ids.length; i += 1) {
      for (let e = this.start[i] ?? 0; e < (this.start[i + 1] ?? 0); e += 1) {
        const j = this.adjacent[e] ?? 0;
        if (i < j) out.push([i, j]);
      }
    }
    return out;
  }

  /** The search's view of the graph, by person id. */
  asTieGraph(): TieGraph {
    return {
      myTie: (id) => this.myTie(id),
      neighbours: (id): Tie[] => {
        const i = this.index.get(id);
        if (i === undefined) return [];
        return this.neighbours(i).map((n) => ({
          to: this.ids[n.index] ?? '',
          strength: n.strength,
        }));
      },
    };
  }
}

type Key = Kysely<Database>;
interface Held {
  current: Promise<NetworkGraph>;
  /** A rebuild running in the background while `current` still answers. */
  next?: Promise<NetworkGraph> | undefined;
}
const graphs = new WeakMap<Key, Map<string, Held>>();

/** A graph that takes longer than this to read is read again in the background. */
const BACKGROUND_REBUILD_AFTER_MS = 500;

/**
 * The workspace's graph: kept while its version holds and it is under an hour old. A small
 * graph out of date is read again before answering (milliseconds); a large one (seconds) is
 * read again in the background while the one held keeps answering, at most one read behind.
 */
export async function networkGraph(ctx: DbContext, now: Date): Promise<NetworkGraph> {
  const row = await ctx.db
    .selectFrom('workspace')
    .select('ties_version')
    .where('id', '=', ctx.workspaceId)
    .executeTakeFirst();
  const version = Number(row?.ties_version ?? 0);
  // Inside a transaction the graph is built for that transaction alone (it may see writes
  // nobody else sees yet); outside, it is shared by every request on this database.
  if (ctx.db.isTransaction) return buildGraph(ctx, version, now);
  let byWorkspace = graphs.get(ctx.db);
  if (!byWorkspace) {
    byWorkspace = new Map();
    graphs.set(ctx.db, byWorkspace);
  }
  const ws = ctx.workspaceId;
  const held = byWorkspace.get(ws);
  if (held) {
    const graph = await held.current.catch(() => null);
    if (graph && graph.version >= version && now.getTime() - graph.builtAt < REBUILD_AFTER_MS)
      return graph;
    if (graph && graph.buildMs > BACKGROUND_REBUILD_AFTER_MS) {
      if (!held.next) {
        const next = buildGraph(ctx, version, now);
        held.next = next;
        next.then(
          () => {
            held.current = next;
            held.next = undefined;
          },
          () => {
            held.next = undefined;
          },
        );
      }
      return graph;
    }
    // While this request waited, another may have started the rebuild: share it.
    const current = byWorkspace.get(ws);
    if (current && current !== held) return current.current;
  }
  const building = buildGraph(ctx, version, now);
  const entry: Held = { current: building };
  byWorkspace.set(ws, entry);
  building.catch(() => {
    if (byWorkspace.get(ws) === entry) byWorkspace.delete(ws);
  });
  return building;
}

async function buildGraph(ctx: DbContext, version: number, now: Date): Promise<NetworkGraph> {
  const started = performance.now();
  const graph = await readGraph(ctx, version, now);
  graph.buildMs = performance.now() - started;
  return graph;
}

async function readGraph(ctx: DbContext, version: number, now: Date): Promise<NetworkGraph> {
  const ws = ctx.workspaceId;
  const [people, touches, asked, given, knows] = await Promise.all([
    ctx.db
      .selectFrom('person')
      .select(['id', 'organization_id', 'unit'])
      .where('workspace_id', '=', ws)
      .where('archived_at', 'is', null)
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('interaction_participant as p')
      .innerJoin('interaction as i', 'i.id', 'p.interaction_id')
      .select(['p.person_id', 'i.occurred_at', 'i.kind'])
      .where('p.workspace_id', '=', ws)
      .execute(),
    askedCounts(ctx),
    givenCounts(ctx),
    ctx.db
      .selectFrom('knows')
      .select(['person_a', 'person_b', 'strength'])
      .where('workspace_id', '=', ws)
      .execute(),
  ]);
  const ids = people.map((p) => p.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const nowMs = now.getTime();

  // The user's ties: the same formula as relationshipStrength, summed in one pass.
  const raw = new Float64Array(ids.length);
  for (const t of touches) {
    const i = index.get(t.person_id);
    if (i === undefined) continue;
    raw[i] =
      (raw[i] ?? 0) + interactionWeight(t.kind, (nowMs - Date.parse(t.occurred_at)) / DAY_MS);
  }
  const mine = new Float32Array(ids.length);
  for (let i = 0; i < ids.length; i += 1) {
    const id = ids[i] ?? '';
    mine[i] = strengthScore(raw[i] ?? 0, asked.get(id) ?? 0, given.get(id) ?? 0);
  }

  // Knows edges into compressed rows, both directions.
  const degree = new Int32Array(ids.length + 1);
  const ends: [number, number, number][] = [];
  for (const k of knows) {
    const a = index.get(k.person_a);
    const b = index.get(k.person_b);
    if (a === undefined || b === undefined) continue;
    ends.push([a, b, k.strength]);
    degree[a + 1] = (degree[a + 1] ?? 0) + 1;
    degree[b + 1] = (degree[b + 1] ?? 0) + 1;
  }
  const start = new Int32Array(ids.length + 1);
  for (let i = 0; i < ids.length; i += 1) start[i + 1] = (start[i] ?? 0) + (degree[i + 1] ?? 0);
  const fill = start.slice(0, ids.length);
  const adjacent = new Int32Array(ends.length * 2);
  const weight = new Float32Array(ends.length * 2);
  const link = (from: number, to: number, strength: number) => {
    const at = fill[from] ?? 0;
    adjacent[at] = to;
    weight[at] = strength;
    fill[from] = at + 1;
  };
  for (const [a, b, s] of ends) {
    link(a, b, s);
    link(b, a, s);
  }

  // Small teams: people sharing an organization and a unit.
  const teams = new Map<string, number[]>();
  people.forEach((p, i) => {
    if (!p.organization_id || !p.unit) return;
    const key = `${p.organization_id}\u0000${p.unit}`;
    const members = teams.get(key);
    if (members) members.push(i);
    else teams.set(key, [i]);
  });
  const small = [...teams.values()].filter((m) => m.length > 1 && m.length <= MAX_INFERRED_TEAM);
  const teamOf = new Int32Array(ids.length).fill(-1);
  const teamStart = new Int32Array(small.length + 1);
  const teamMembers = new Int32Array(small.reduce((n, m) => n + m.length, 0));
  let at = 0;
  small.forEach((members, t) => {
    teamStart[t] = at;
    for (const i of members) {
      teamOf[i] = t;
      teamMembers[at] = i;
      at += 1;
    }
  });
  teamStart[small.length] = at;

  return new NetworkGraph(
    version,
    nowMs,
    ids,
    mine,
    start,
    adjacent,
    weight,
    teamOf,
    teamStart,
    teamMembers,
  );
}

/**
 * What the user asked of each person: asks sent to them, and introductions they made for the
 * user (received). PostgreSQL returns counts as text.
 */
export async function askedCounts(ctx: DbContext, ids?: string[]): Promise<Map<string, number>> {
  let asks = ctx.db
    .selectFrom('ask')
    .select((eb) => ['person_id', eb.fn.count<number | string>('sent_at').as('n')])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('direction', '=', 'outgoing')
    .where('sent_at', 'is not', null)
    .groupBy('person_id');
  let intros = ctx.db
    .selectFrom('introduction')
    .select((eb) => ['person_a as person_id', eb.fn.countAll<number | string>().as('n')])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('kind', '=', 'received')
    .groupBy('person_a');
  if (ids) {
    if (ids.length === 0) return new Map();
    asks = asks.where('person_id', 'in', ids);
    intros = intros.where('person_a', 'in', ids);
  }
  const counts = new Map<string, number>();
  for (const r of [...(await asks.execute()), ...(await intros.execute())]) {
    counts.set(r.person_id, (counts.get(r.person_id) ?? 0) + Number(r.n));
  }
  return counts;
}

/** Asks made of the user that the user answered and did not decline (domain `answered`). */
export function answeredAsks(ctx: DbContext) {
  return ctx.db
    .selectFrom('ask')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('direction', '=', 'incoming')
    .where('replied_at', 'is not', null)
    .where('state', '!=', 'declined');
}

/**
 * What the user gave each person: introductions made for them (made or closed with an
 * outcome), and answers to what they asked of the user (not declined).
 */
export async function givenCounts(ctx: DbContext, ids?: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (ids && ids.length === 0) return counts;
  let answers = answeredAsks(ctx)
    .select((eb) => ['person_id', eb.fn.countAll<number | string>().as('n')])
    .groupBy('person_id');
  if (ids) answers = answers.where('person_id', 'in', ids);
  for (const r of await answers.execute()) counts.set(r.person_id, Number(r.n));
  for (const side of ['person_a', 'person_b'] as const) {
    let query = ctx.db
      .selectFrom('introduction')
      .select((eb) => [`${side} as person_id`, eb.fn.countAll<number | string>().as('n')])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('kind', '=', 'made')
      .where('state', 'in', GIVEN_STATES)
      .groupBy(side);
    if (ids) {
      if (ids.length === 0) return counts;
      query = query.where(side, 'in', ids);
    }
    for (const r of await query.execute()) {
      counts.set(r.person_id, (counts.get(r.person_id) ?? 0) + Number(r.n));
    }
  }
  return counts;
}

/** The recorded ties of person i, as positions and strengths (inferred colleagues left out). */
export function recordedTies(graph: NetworkGraph, i: number): Neighbour[] {
  return graph.neighbours(i).filter((n) => !n.inferred);
}
