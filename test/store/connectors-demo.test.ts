import { expect, it } from 'vitest';
import { DEMO_DEFAULTS, loadDemo } from '../../src/demo/load-demo.js';
import { describeEachDatabase } from '../support/databases.js';

// The scenario, on the sample network a new user sees first.
describeEachDatabase('who can help, on the demo network', (db) => {
  it('answers "who can help with taxes" with a direct contact and a two-hop warm path, both explained', async () => {
    const now = new Date('2026-11-29T10:00:00Z');
    const store = await db().newStore({ now: () => now });
    const loaded = await loadDemo(store, { ...DEMO_DEFAULTS, now });
    expect(loaded.knows).toBeGreaterThan(200);

    const answer = await store.who({ q: 'taxes' });
    expect(answer.direct.length).toBeGreaterThan(0);
    for (const d of answer.direct) {
      expect(d.explanation).toMatch(
        /^ask \S+, who works on taxes; (strong|good) — \d+ interactions? in the last year, /,
      );
      expect(d.strength.score).toBeGreaterThanOrEqual(0.3);
    }
    const twoHop = answer.paths.find((p) => p.people.length === 2);
    expect(twoHop).toBeDefined();
    const [connector, target] = twoHop?.people ?? [];
    expect(twoHop?.explanation).toMatch(
      new RegExp(
        `^ask ${connector?.name.split(' ')[0]} to introduce you to ${target?.name}, who .*tax`,
      ),
    );
    expect(twoHop?.links).toHaveLength(1);
    expect(twoHop?.links[0]?.context).toBeTruthy();
    // The target is someone the user does not know well yet; the connector is someone they do.
    const graph = await store.graph();
    expect(graph.myTie(target?.id ?? '')).toBeLessThan(0.3);
    expect(graph.myTie(connector?.id ?? '')).toBeGreaterThanOrEqual(0.3);
    // And the path turns into an ask to the connector.
    const ask = await store.asks.create(twoHop?.ask);
    expect(ask).toMatchObject({ personId: connector?.id, purpose: 'intro' });
  });
});
