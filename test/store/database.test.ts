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

  it('answers reads during a long import with the last commit; a write made meanwhile is kept', async (context) => {
    const store = await db().newStore();
    await store.people.create({ displayName: 'Already Here' });
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      ...Array.from({ length: 6000 }, (_, i) => `Given${i},Family${i},,,Co,Role,01 Jan 2020`),
    ].join('\n');
    const events: string[] = [];
    let during: Promise<void> | null = null;
    const imported = store.imports
      .contacts(new TextEncoder().encode(csv), 'Connections.csv', {
        onProgress: (p) => {
          if (during || p.phase !== 'people') return;
          // Halfway through the import's transaction: a read and a write from elsewhere.
          during = Promise.all([
            store.counts().then((c) => events.push(`read: ${c.people} people`)),
            store.people
              .create({ displayName: 'Added Meanwhile' })
              .then(() => events.push('written')),
          ]).then(() => undefined);
        },
      })
      .then(() => events.push('imported'));
    await imported;
    await during;
    // The read did not wait for the import, and saw the workspace as it was before it.
    expect(events[0]).toBe('read: 1 people');
    expect(events.indexOf('read: 1 people')).toBeLessThan(events.indexOf('imported'));
    // SQLite has one writer: the write waited for the import's commit (PostgreSQL need not).
    if (context.task.suite?.name.includes('[sqlite]'))
      expect(events.slice(1)).toEqual(['imported', 'written']);
    expect((await store.counts()).people).toBe(6002);
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
    // Chats are found by the names of the people in them.
    const someone = (await store.interactions.list({ limit: 1 })).items[0]?.participants[0];
    if (!someone) throw new Error('a chat with someone expected');
    const theirs = (await store.interactions.list({ personId: someone.id, limit: 100 })).items;
    expect(theirs.length).toBeGreaterThan(0);
    const byName = await store.search({ q: someone.displayName, in: 'interactions', limit: 100 });
    expect(byName.interactions.map((i) => i.id)).toEqual(
      expect.arrayContaining(theirs.map((i) => i.id)),
    );
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

  it('bulk-loads campaigns and asks with their whole story, replayed through the lifecycle', async () => {
    const store = await db().newStore({ now: () => new Date('2026-11-20T09:00:00Z') });
    const network = {
      people: [
        { key: 'dana', person: { displayName: 'Dana Finch', tags: ['taxes'] } },
        { key: 'lee', person: { displayName: 'Lee Park' } },
      ],
      interactions: [],
      campaigns: [{ key: 'c', campaign: { name: 'Going independent', tags: ['taxes'] } }],
      asks: [
        {
          person: 'dana',
          campaign: 'c',
          ask: { question: 'How did you price your first project?', at: '2026-11-01T10:00:00Z' },
          steps: [
            { type: 'send', at: '2026-11-01T10:05:00Z' },
            { type: 'reply', at: '2026-11-03T08:00:00Z' },
            { type: 'schedule', for: '2026-11-10T15:00:00Z', at: '2026-11-03T08:10:00Z' },
            { type: 'meet', at: '2026-11-10T16:00:00Z' },
          ],
        },
        {
          person: 'lee',
          ask: { question: 'Could I get your view on my plan?', at: '2026-11-02T10:00:00Z' },
          steps: [{ type: 'send', at: '2026-11-02T10:00:00Z' }],
        },
      ],
    };
    expect(await store.bulkLoad(network)).toMatchObject({ people: 2, campaigns: 1, asks: 2 });
    const [lees, danas] = await store.asks.list();
    expect(danas).toMatchObject({
      personName: 'Dana Finch',
      state: 'met',
      repliedAt: '2026-11-03T08:00:00.000Z',
    });
    expect(danas?.history.map((e) => e.to)).toEqual([
      'draft',
      'sent',
      'replied',
      'scheduled',
      'met',
    ]);
    expect(lees).toMatchObject({ personName: 'Lee Park', state: 'sent', campaignId: null });
    const [campaign] = await store.campaigns.list();
    expect(campaign?.progress).toMatchObject({ asked: 1, replied: 1, met: 1 });
    const thank = (await store.today('2026-11-20T09:00:00Z', 'UTC')).items[0];
    expect(thank).toMatchObject({ kind: 'thank', personName: 'Dana Finch' });
  });

  it('refuses a bulk-loaded ask whose story cannot happen, naming the row and step', async () => {
    const store = await db().newStore();
    const ask = (steps: unknown[]) => ({
      people: [{ key: 'dana', person: { displayName: 'Dana Finch' } }],
      interactions: [],
      asks: [{ person: 'dana', ask: { question: 'How?', at: '2026-11-01T10:00:00Z' }, steps }],
    });
    await expect(
      store.bulkLoad(
        ask([
          { type: 'send', at: '2026-11-01T10:00:00Z' },
          { type: 'thank', at: '2026-11-02T10:00:00Z' },
        ]),
      ),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'asks.0.steps.1',
      message: expect.stringMatching(
        /^asks\[0\]\.steps\[1\]: An ask that is sent cannot be marked "thank"/,
      ),
    });
    await expect(store.bulkLoad(ask([{ type: 'send' }]))).rejects.toMatchObject({
      field: 'asks.0.steps.0.at',
      message: expect.stringContaining('each step needs its date-time'),
    });
    await expect(
      store.bulkLoad({
        ...ask([]),
        asks: [{ person: 'zoe', ask: { question: 'How?', at: '2026-11-01T10:00:00Z' } }],
      }),
    ).rejects.toMatchObject({ field: 'asks.0.person' });
    expect((await store.counts()).people).toBe(0);
    expect(await store.asks.list()).toEqual([]);
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
