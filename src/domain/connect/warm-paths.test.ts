import { describe, expect, it } from 'vitest';
import { describePath, warmPaths, type Tie, type TieGraph } from './warm-paths.js';

/** An undirected graph from "a-b:0.8" lines. */
function graph(edges: string[]): (id: string) => Tie[] {
  const adj = new Map<string, Tie[]>();
  for (const e of edges) {
    const [pair = '', s = '1'] = e.split(':');
    const [a = '', b = ''] = pair.split('-');
    adj.set(a, [...(adj.get(a) ?? []), { to: b, strength: Number(s) }]);
    adj.set(b, [...(adj.get(b) ?? []), { to: a, strength: Number(s) }]);
  }
  return (id) => adj.get(id) ?? [];
}
const ids = (paths: { people: string[] }[]) => paths.map((p) => p.people.join('>'));

/** The search's view: the user's ties, then who-knows-whom. */
function network(mine: Tie[], knows: (id: string) => Tie[]): TieGraph {
  const tie = new Map(mine.map((t) => [t.to, t.strength]));
  return { myTie: (id) => tie.get(id) ?? 0, neighbours: knows };
}

describe('warm paths', () => {
  const me: Tie[] = [
    { to: 'priya', strength: 0.9 },
    { to: 'sam', strength: 0.5 },
    { to: 'lee', strength: 0.2 },
  ];
  const knows = graph([
    'priya-tom:0.8',
    'sam-tom:0.9',
    'lee-tom:1',
    'priya-ana:0.3',
    'ana-zoe:0.9',
    'sam-zoe:0.2',
  ]);

  it('finds the k best paths to a person, warmest first, with their strength', () => {
    const paths = warmPaths(network(me, knows), ['tom'], { k: 3, perTarget: 3 });
    expect(ids(paths)).toEqual(['priya>tom', 'sam>tom', 'lee>tom']);
    expect(paths[0]?.strength).toBeCloseTo(0.72, 10);
    expect(paths[1]?.strength).toBeCloseTo(0.45, 10);
  });

  it('reaches different people by default, and goes two connectors deep', () => {
    const paths = warmPaths(network(me, knows), ['tom', 'zoe']);
    expect(ids(paths)).toEqual(['priya>tom', 'priya>ana>zoe']);
    expect(paths[1]?.strength).toBeCloseTo(0.9 * 0.3 * 0.9, 10);
  });

  it('respects the hop limit and the need for a connector', () => {
    expect(ids(warmPaths(network(me, knows), ['zoe'], { maxHops: 2 }))).toEqual(['sam>zoe']);
    // Priya is someone the user knows: by default a path must still go through a connector.
    expect(ids(warmPaths(network(me, knows), ['priya']))).toEqual(['sam>tom>priya']);
    expect(ids(warmPaths(network(me, knows), ['priya'], { minHops: 1 }))).toEqual(['priya']);
  });

  it('breaks ties the same way every time', () => {
    const even = graph(['b-t:0.5', 'a-t:0.5']);
    const mine: Tie[] = [
      { to: 'b', strength: 1 },
      { to: 'a', strength: 1 },
    ];
    const once = ids(warmPaths(network(mine, even), ['t'], { perTarget: 2 }));
    expect(once).toEqual(['a>t', 'b>t']);
    expect(ids(warmPaths(network([...mine].reverse(), even), ['t'], { perTarget: 2 }))).toEqual(
      once,
    );
  });

  it('never walks a cycle, and ends when nothing is reachable', () => {
    const ring = graph(['a-b:0.9', 'b-c:0.9', 'c-a:0.9', 'x-y:1']);
    const fromA = network([{ to: 'a', strength: 1 }], ring);
    const paths = warmPaths(fromA, ['a', 'b', 'c'], {
      k: 10,
      maxHops: 6,
      perTarget: 10,
      minHops: 1,
    });
    for (const p of paths) expect(new Set(p.people).size).toBe(p.people.length);
    // a; a>b; a>c; a>b>c; a>c>b: every simple path from the user, and no more.
    expect(ids(paths).sort()).toEqual(['a', 'a>b', 'a>b>c', 'a>c', 'a>c>b']);
    expect(warmPaths(fromA, ['y'])).toEqual([]);
    expect(warmPaths(fromA, [])).toEqual([]);
    expect(warmPaths(network([], ring), ['a', 'b', 'c'], { minHops: 1 })).toEqual([]);
  });

  it('starts only from ties at least as strong as asked', () => {
    const paths = warmPaths(network(me, knows), ['tom'], { k: 3, perTarget: 3, minFirstTie: 0.3 });
    expect(ids(paths)).toEqual(['priya>tom', 'sam>tom']);
  });

  it('finds the same paths whichever order the targets come in', () => {
    const a = warmPaths(network(me, knows), ['tom', 'zoe', 'ana'], { k: 5 });
    const b = warmPaths(network(me, knows), ['ana', 'zoe', 'tom'], { k: 5 });
    expect(ids(b)).toEqual(ids(a));
    // Ana is reached through Priya; Ana is not the user's tie, so not a connector to Zoë.
    expect(ids(a)).toEqual(['priya>tom', 'priya>ana', 'priya>ana>zoe']);
  });

  it('spells a path out', () => {
    const names: Record<string, string> = { priya: 'Priya', ana: 'Ana', zoe: 'Zoë', tom: 'Tom' };
    const name = (id: string) => names[id] ?? id;
    expect(describePath({ people: ['priya', 'tom'], strength: 0.7 }, name)).toBe(
      'ask Priya to introduce you to Tom',
    );
    expect(describePath({ people: ['priya', 'ana', 'zoe'], strength: 0.2 }, name)).toBe(
      'ask Priya to ask Ana to introduce you to Zoë',
    );
  });
});
