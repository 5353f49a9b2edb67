import { describe, expect, it } from 'vitest';
import { findBridges, networkInsights, type InsightPerson } from './insights.js';

const person = (id: string, extra: Partial<InsightPerson> = {}): InsightPerson => ({
  id,
  name: id,
  organization: 'Acme',
  unit: 'Finance',
  location: 'Lisbon',
  roles: [],
  chatsThisYear: 1,
  ...extra,
});

describe('bridges', () => {
  it('finds the people who alone hold parts together, the most important first', () => {
    // Two triangles joined through 2–3, and a tail 5–6–7 hanging off 5.
    //   0–1–2 (triangle), 2–3, 3–4–5 (triangle), 5–6, 6–7
    const edges: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 3],
      [5, 6],
      [6, 7],
    ];
    expect(findBridges(8, edges)).toEqual([
      // Without 3: {0,1,2} on one side, {4,5,6,7} on the other: 3 cut off from the larger.
      { node: 3, holdsTogether: 3 },
      { node: 2, holdsTogether: 2 },
      { node: 5, holdsTogether: 2 },
      { node: 6, holdsTogether: 1 },
    ]);
  });

  it('finds none in a cycle, and handles separate parts, self-loops and isolated people', () => {
    expect(
      findBridges(4, [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 0],
      ]),
    ).toEqual([]);
    expect(
      findBridges(7, [
        [0, 1],
        [1, 2],
        [3, 3],
        [4, 5],
      ]),
    ).toEqual([{ node: 1, holdsTogether: 1 }]);
  });

  it('stays linear on a long chain (no recursion limit)', () => {
    const n = 200_000;
    const chain = Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]);
    const [top] = findBridges(n, chain, 1);
    expect(top?.holdsTogether).toBe(n / 2 - 1);
  });
});

describe('network insights', () => {
  it('shows the composition, a diversity figure and plain hints', () => {
    const people = [
      ...Array.from({ length: 8 }, (_, i) => person(`f${i}`, { chatsThisYear: 1 })),
      person('m', { organization: 'Globex', unit: 'Sales', roles: ['mentor'], chatsThisYear: 2 }),
      person('z', { organization: null, unit: null, location: null, chatsThisYear: 0 }),
    ];
    const insights = networkInsights(people, { organization: 'Acme', unit: 'Finance' });
    expect(insights.chatsThisYear).toBe(10);
    expect(insights.byOrganization[0]).toEqual({ name: 'Acme', people: 8, chats: 8 });
    expect(insights.byOrganization.at(-1)).toEqual({ name: 'not set', people: 1, chats: 0 });
    expect(insights.byRole.find((r) => r.name === 'mentor')).toEqual({
      name: 'mentor',
      people: 1,
      chats: 2,
    });
    // 80% in one team, 20% in another: 1 − (0.64 + 0.04).
    expect(insights.diversity.score).toBeCloseTo(0.32, 5);
    // Said in words a reader can check (#25.12), not "spread like 1.5 equally busy teams".
    expect(insights.diversity.equivalentTeams).toBe(1.5);
    expect(insights.diversity.explanation).toBe(
      'Your 10 chats this year were with 2 different teams; the busiest, Finance at Acme, had 80% of them.',
    );
    expect(insights.hints).toEqual([
      '80% of your chats this year were with your own unit: try someone from another team.',
      '80% of your chats were inside Acme: people outside it see your field differently.',
      'No chat with a connector this year: they are how a network grows.',
    ]);
  });

  it('says so when there were no chats yet', () => {
    const insights = networkInsights([person('a', { chatsThisYear: 0 })], {
      organization: null,
      unit: null,
    });
    expect(insights.diversity).toMatchObject({
      score: 0,
      explanation: 'No chats in the last year yet.',
    });
    expect(insights.hints).toEqual([]);
  });
});
