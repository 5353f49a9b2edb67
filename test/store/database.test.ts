import { expect, it } from 'vitest';
import { generateNetwork } from '../../src/demo/generate-network.js';
import { openStore } from '../../src/store/open-store.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';

describeEachDatabase('database', (db) => {
  it('runs the migrations once: opening the database again changes nothing', async () => {
    const store = await db().newStore();
    await store.people.create({ displayName: 'Ada Lovelace' });
    const again = await openStore(db().target, { workspace: 'another' });
    await again.close();
    const before = await snapshot(store);
    const third = await openStore(db().target, { workspace: 'another' });
    expect(third.workspaceId).toBe(again.workspaceId);
    await third.close();
    expect(await snapshot(store)).toEqual(before);
  });

  it('bulk-loads a demo network in one go, searchable at once', async () => {
    const store = await db().newStore();
    const network = generateNetwork({
      size: 150,
      seed: 7,
      today: new Date('2026-11-28T00:00:00Z'),
    });
    const progress: string[] = [];
    const result = await store.bulkLoad(network, (phase, done, total) =>
      progress.push(`${phase} ${done}/${total}`),
    );
    expect(result.people).toBe(150);
    expect(result.interactions).toBe(network.interactions.length);
    expect(progress.at(-1)).toBe(
      `interactions ${network.interactions.length}/${network.interactions.length}`,
    );
    const counts = await store.counts();
    expect(counts).toMatchObject({
      people: 150,
      interactions: network.interactions.length,
      insights: result.insights,
    });
    expect((await store.search({ q: 'finance' })).people.length).toBeGreaterThan(0);
    const withInsights = (await store.search({ q: 'buffer' })).interactions;
    expect(withInsights.length).toBeGreaterThan(0);
    expect(withInsights[0]?.matchedInsights[0]).toMatch(/buffer/);
  });

  it('loads nothing when one row of a bulk load is bad, and names the row', async () => {
    const store = await db().newStore();
    const network = generateNetwork({ size: 20, seed: 1, today: new Date('2026-11-28T00:00:00Z') });
    network.people[13] = { key: 'bad', person: { displayName: 'Bad', emails: ['nope'] } };
    await expect(store.bulkLoad(network)).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'people.13.emails.0',
    });
    expect((await store.counts()).people).toBe(0);
  });

  it('rolls back a transaction that fails half-way', async () => {
    const store = await db().newStore();
    await expect(
      store.transaction(async (tx) => {
        await tx.people.create({ displayName: 'Half Done' });
        await tx.people.create({ displayName: ' ' });
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await store.counts()).people).toBe(0);
  });
});
