import { beforeEach, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';

const HOST = 'http://127.0.0.1:4321';

describeEachDatabase('HTTP API: connectors', (db) => {
  let store: Store;
  let app: Hono;
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(`${HOST}${path}`, {
      method,
      headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    };
  };

  beforeEach(async () => {
    store = await db().newStore();
    app = createApp(store, { version: 'test', log: () => undefined });
  });

  it('records introductions both ways, walks one through double opt-in, and refuses a skipped step', async () => {
    const priya = await store.people.create({ displayName: 'Priya Raman' });
    const sam = await store.people.create({ displayName: 'Sam Okafor' });
    const received = await send('POST', '/api/introductions/received', {
      introducerId: priya.id,
      newPerson: { displayName: 'Tom Berg', tags: ['taxes'] },
    });
    expect(received.status).toBe(201);
    expect(received.body).toMatchObject({ kind: 'received', personBName: 'Tom Berg' });
    const tomId = String(received.body?.personB);
    const ties = await send('GET', `/api/people/${tomId}/knows`);
    expect(ties.body).toEqual([expect.objectContaining({ source: 'introduction' })]);

    const made = await send('POST', '/api/introductions', {
      personA: sam.id,
      personB: tomId,
      reason: 'both price fixed-fee work',
    });
    expect(made.status).toBe(201);
    const id = String(made.body?.id);
    const before = await snapshot(store);
    const skipped = await send('POST', `/api/introductions/${id}/actions`, { type: 'make' });
    expect(skipped.status).toBe(409);
    expect(JSON.stringify(skipped.body)).toContain('cannot take \\"make\\"');
    expect(await snapshot(store)).toEqual(before);
    // A draft never goes out with a hole: the user's name is needed first.
    const noName = await send('GET', `/api/introductions/${id}/draft`);
    expect(noName).toMatchObject({ status: 400, body: { error: { field: 'my_name' } } });
    await store.settings.update({ myName: 'Alex' });
    const draft = await send('GET', `/api/introductions/${id}/draft`);
    expect(draft.body).toMatchObject({ message: 'ask-a', to: [sam.id] });
    const bad = await send('POST', `/api/introductions/${id}/actions`, { type: 'decline' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('by');
    for (const type of ['ask-a', 'accept-a', 'ask-b', 'accept-b', 'make']) {
      expect((await send('POST', `/api/introductions/${id}/actions`, { type })).status).toBe(200);
    }
    const list = await send('GET', '/api/introductions?kind=made');
    expect((list.body as unknown as { state: string }[]).map((i) => i.state)).toEqual(['made']);
    const ledger = await send('GET', `/api/people/${sam.id}/ledger`);
    expect(ledger.body).toMatchObject({ asked: 0, gave: 1 });
  });

  it('answers who can help, records ties, and describes the network; documented in OpenAPI', async () => {
    const priya = await store.people.create({ displayName: 'Priya Raman' });
    const tom = await store.people.create({ displayName: 'Tom Berg', tags: ['taxes'] });
    await store.interactions.create({
      occurredAt: new Date().toISOString(),
      kind: 'coffee',
      summary: 'Coffee',
      participantIds: [priya.id],
    });
    const tie = await send('POST', '/api/knows', {
      personA: tom.id,
      personB: priya.id,
      context: 'same board',
      strength: 'strong',
    });
    expect(tie.status).toBe(201);
    const who = await send('GET', '/api/who?q=taxes');
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({
      direct: [],
      paths: [
        expect.objectContaining({
          explanation:
            'ask Priya to introduce you to Tom Berg, who works on taxes (Priya Raman — Tom Berg: same board)',
        }),
      ],
    });
    expect((await send('GET', '/api/who?q=')).status).toBe(400);
    expect((await send('GET', '/api/insights')).body).toMatchObject({
      people: 2,
      chatsThisYear: 1,
    });
    // The tie to each person asked for, explained.
    const ties = (await send('GET', `/api/ties?ids=${priya.id},${tom.id}`)).body as Record<
      string,
      { label: string; explanation: string }
    >;
    expect(ties[priya.id]?.explanation).toMatch(/^good — you spoke once, today$/);
    expect(ties[tom.id]).toEqual({ score: 0, label: 'none', explanation: 'no interactions yet' });
    expect((await send('GET', '/api/ties?ids=nope')).status).toBe(400);
    // The map: people closest first, ties as positions in the node list.
    const map = (await send('GET', '/api/network?limit=10')).body as unknown as {
      total: number;
      nodes: { id: string; name: string; tie: number; connector: boolean }[];
      edges: [number, number, number][];
    };
    expect(map.total).toBe(2);
    expect(map.nodes.map((n) => n.name)).toEqual(['Priya Raman', 'Tom Berg']);
    expect(map.edges).toEqual([[0, 1, 0.9]]);
    expect((await send('GET', '/api/network?limit=5')).status).toBe(400);
    expect((await send('DELETE', `/api/knows/${String(tie.body?.id)}`)).status).toBe(204);
    expect((await send('GET', '/api/who?q=taxes')).body).toMatchObject({ paths: [] });
    const doc = (await send('GET', '/api/openapi.json')).body as { paths: Record<string, unknown> };
    for (const path of [
      '/api/who',
      '/api/introductions/{id}/actions',
      '/api/knows',
      '/api/insights',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});
