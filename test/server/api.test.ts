import { beforeEach, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app.js';
import { routes } from '../../src/server/routes.js';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';

const HOST = 'http://127.0.0.1:4321';

describeEachDatabase('HTTP API', (db) => {
  let store: Store;
  let app: Hono;
  const send = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.request(`${HOST}${path}`, {
      method,
      headers: method === 'GET' ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeEach(async () => {
    store = await db().newStore();
    app = createApp(store, { version: 'test', log: () => undefined });
  });

  it('answers /healthz with the database kind', async () => {
    const res = await send('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: db().target.kind });
  });

  it('creates, reads, lists, patches, archives and restores a person', async () => {
    const created = await send('POST', '/api/people', {
      displayName: 'Ada Lovelace',
      roles: ['mentor'],
      organization: 'Analytical Engines',
    });
    expect(created.status).toBe(201);
    const ada = (await created.json()) as { id: string };
    expect((await send('GET', `/api/people/${ada.id}`)).status).toBe(200);
    const list = (await (await send('GET', '/api/people?role=mentor')).json()) as { total: number };
    expect(list.total).toBe(1);
    const patched = await send('PATCH', `/api/people/${ada.id}`, { title: 'CTO' });
    expect(await patched.json()).toMatchObject({ title: 'CTO', roles: ['mentor'] });
    const archived = await send('DELETE', `/api/people/${ada.id}`);
    expect(((await archived.json()) as { archivedAt: string | null }).archivedAt).not.toBeNull();
    expect(((await (await send('GET', '/api/people')).json()) as { total: number }).total).toBe(0);
    const trash = (await (await send('GET', '/api/people?archived=true')).json()) as {
      items: { id: string }[];
    };
    expect(trash.items.map((p) => p.id)).toEqual([ada.id]);
    const restored = await send('POST', `/api/people/${ada.id}/restore`);
    expect(await restored.json()).toMatchObject({ archivedAt: null });
  });

  it('tags, untags, archives and restores many people at once, all or none', async () => {
    const ids: string[] = [];
    for (const name of ['Ada', 'Grace', 'Katherine']) {
      ids.push(
        (
          (await (await send('POST', '/api/people', { displayName: name })).json()) as {
            id: string;
          }
        ).id,
      );
    }
    const tagged = await send('POST', '/api/people/bulk', {
      ids,
      action: 'add-tag',
      tag: ' Finance ',
    });
    expect(await tagged.json()).toEqual({ action: 'add-tag', changed: 3, unchanged: 0 });
    const again = await send('POST', '/api/people/bulk', {
      ids,
      action: 'add-tag',
      tag: 'finance',
    });
    expect(await again.json()).toEqual({ action: 'add-tag', changed: 0, unchanged: 3 });
    const listed = (await (await send('GET', '/api/people?tag=finance')).json()) as {
      total: number;
    };
    expect(listed.total).toBe(3);

    // One unknown id: nothing at all changes, and the error names it.
    const before = await snapshot(store);
    const bad = await send('POST', '/api/people/bulk', {
      ids: [...ids, '0190f0f0-0000-7000-8000-000000000000'],
      action: 'archive',
    });
    expect(bad.status).toBe(404);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(
      '0190f0f0-0000-7000-8000-000000000000',
    );
    expect(await snapshot(store)).toEqual(before);

    const noTag = await send('POST', '/api/people/bulk', { ids, action: 'add-tag' });
    expect(noTag.status).toBe(400);
    expect(((await noTag.json()) as { error: { field: string } }).error.field).toBe('tag');

    const archived = await send('POST', '/api/people/bulk', {
      ids: ids.slice(0, 2),
      action: 'archive',
    });
    expect(await archived.json()).toMatchObject({ changed: 2 });
    expect(((await (await send('GET', '/api/people')).json()) as { total: number }).total).toBe(1);
    const restored = await send('POST', '/api/people/bulk', { ids, action: 'restore' });
    expect(await restored.json()).toEqual({ action: 'restore', changed: 2, unchanged: 1 });
    const untagged = await send('POST', '/api/people/bulk', {
      ids,
      action: 'remove-tag',
      tag: 'finance',
    });
    expect(await untagged.json()).toMatchObject({ changed: 3 });
  });

  it('loads the sample network into an empty workspace only', async () => {
    const loaded = await send('POST', '/api/demo', { size: 30 });
    expect(loaded.status).toBe(201);
    const result = (await loaded.json()) as { people: number; asks: number };
    expect(result.people).toBe(30);
    expect(result.asks).toBeGreaterThan(0);
    const before = await snapshot(store);
    const twice = await send('POST', '/api/demo', {});
    expect(twice.status).toBe(409);
    expect(await snapshot(store)).toEqual(before);
    const tooBig = await send('POST', '/api/demo', { size: 1_000_000 });
    expect(tooBig.status).toBe(400);
  });

  it('logs an interaction and finds it by an insight word', async () => {
    const ada = (await (await send('POST', '/api/people', { displayName: 'Ada' })).json()) as {
      id: string;
    };
    const res = await send('POST', '/api/interactions', {
      occurredAt: '2026-11-20',
      kind: 'coffee',
      summary: 'Coffee',
      insights: ['Keep receipts for every invoice'],
      participantIds: [ada.id],
    });
    expect(res.status).toBe(201);
    const found = (await (await send('GET', '/api/search?q=receip')).json()) as {
      interactions: { matchedInsights: string[] }[];
    };
    expect(found.interactions[0]?.matchedInsights).toEqual(['Keep receipts for every invoice']);
    const timeline = (await (await send('GET', `/api/people/${ada.id}/interactions`)).json()) as {
      items: unknown[];
    };
    expect(timeline.items).toHaveLength(1);
  });

  it.each([
    ['a body that is not JSON', '{"displayName": ', 400, 'invalid_input', 'body'],
    ['a name with only spaces', { displayName: '  ' }, 400, 'invalid_input', 'displayName'],
    [
      'an email that is not one',
      { displayName: 'A', emails: ['x'] },
      400,
      'invalid_input',
      'emails.0',
    ],
    [
      'a 5 MB note',
      { displayName: 'A', notes: 'n'.repeat(5 * 1024 * 1024) },
      400,
      'invalid_input',
      'notes',
    ],
    [
      'a 9 MB body',
      { displayName: 'A', notes: 'n'.repeat(9 * 1024 * 1024) },
      413,
      'payload_too_large',
      'body',
    ],
    ['an unknown field', { displayName: 'A', admin: true }, 400, 'invalid_input', 'input'],
  ])(
    'answers %s with a JSON error naming the field, and writes nothing',
    async (_what, body, status, code, field) => {
      const before = await snapshot(store);
      const res = await send('POST', '/api/people', body);
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({
        error: { code, field, message: expect.any(String) },
      });
      expect(await snapshot(store)).toEqual(before);
    },
  );

  it('answers 415 to a body that is not sent as JSON', async () => {
    const res = await send('POST', '/api/people', 'displayName=A', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect((await store.counts()).people).toBe(0);
  });

  it('answers 400 to a malformed id, 404 to an unknown one or an unknown route', async () => {
    expect(await (await send('GET', '/api/people/nope')).json()).toMatchObject({
      error: { code: 'invalid_input', field: 'id' },
    });
    expect((await send('GET', '/api/people/01900000-0000-7000-8000-000000000000')).status).toBe(
      404,
    );
    const res = await send('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers 400 to an unknown or bad query parameter', async () => {
    expect(await (await send('GET', '/api/people?colour=red')).json()).toMatchObject({
      error: { field: 'input' },
    });
    expect(await (await send('GET', '/api/people?limit=0')).json()).toMatchObject({
      error: { field: 'limit' },
    });
    expect(await (await send('GET', '/api/search')).json()).toMatchObject({
      error: { field: 'q' },
    });
  });

  it('answers 409 to a second organization with the same name', async () => {
    expect((await send('POST', '/api/organizations', { name: 'Acme' })).status).toBe(201);
    const res = await send('POST', '/api/organizations', { name: 'ACME' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'conflict', field: 'name' } });
  });

  it('drafts and marks asks; a step the ask does not allow is a 409 that changes nothing', async () => {
    const dana = (await (await send('POST', '/api/people', { displayName: 'Dana' })).json()) as {
      id: string;
    };
    const created = await send('POST', '/api/asks', {
      personId: dana.id,
      question: 'How did you start?',
    });
    expect(created.status).toBe(201);
    const ask = (await created.json()) as { id: string; state: string };
    expect(ask.state).toBe('draft');
    const refused = await send('POST', `/api/asks/${ask.id}/actions`, { type: 'thank' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: { code: 'invalid_state', field: 'state' },
    });
    const sent = await send('POST', `/api/asks/${ask.id}/actions`, {
      type: 'send',
      at: '2026-11-02T10:00:00Z',
    });
    expect(await sent.json()).toMatchObject({ state: 'sent', sentAt: '2026-11-02T10:00:00.000Z' });
    const bad = await send('POST', `/api/asks/${ask.id}/actions`, {
      type: 'schedule',
      for: 'friday',
    });
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_input', field: 'for' } });
    const today = await send('GET', '/api/today?date=2026-11-09&timeZone=Europe/Lisbon');
    expect(await today.json()).toMatchObject({ date: '2026-11-09', items: [{ kind: 'nudge' }] });
    expect((await send('GET', '/api/today?timeZone=Mars/Base')).status).toBe(400);
  });

  it('notes an ask made of the user, lists it by direction, and puts it on Today', async () => {
    const lee = (await (await send('POST', '/api/people', { displayName: 'Lee Park' })).json()) as {
      id: string;
    };
    const created = await send('POST', '/api/asks', {
      personId: lee.id,
      question: 'Could you look at my portfolio?',
      direction: 'incoming',
      askedAt: '2026-11-05T09:00:00Z',
    });
    expect(created.status).toBe(201);
    const ask = (await created.json()) as { id: string };
    expect(ask).toMatchObject({ direction: 'incoming', state: 'sent' });
    const incoming = await send('GET', '/api/asks?direction=incoming');
    expect(((await incoming.json()) as { id: string }[]).map((a) => a.id)).toEqual([ask.id]);
    expect(await (await send('GET', '/api/asks?direction=outgoing')).json()).toEqual([]);
    expect((await send('GET', '/api/asks?direction=up')).status).toBe(400);
    const today = await send('GET', '/api/today?date=2026-11-09&timeZone=Europe/Lisbon');
    expect(await today.json()).toMatchObject({
      items: [
        {
          kind: 'answer',
          askId: ask.id,
          reason: 'Lee Park asked you 4 days ago: Could you look at my portfolio?',
        },
      ],
    });
    const nudge = await send('POST', `/api/asks/${ask.id}/actions`, { type: 'nudge' });
    expect(nudge.status).toBe(409);
    const draft = await send('GET', `/api/asks/${ask.id}/draft`);
    expect(draft.status).toBe(409);
    const replied = await send('POST', `/api/asks/${ask.id}/actions`, { type: 'reply' });
    expect(await replied.json()).toMatchObject({ state: 'replied', direction: 'incoming' });
  });

  it('patches settings without resetting the rest, and drafts an ask from them', async () => {
    expect(
      await (await send('PATCH', '/api/settings', { nudgeAfterDays: 3 })).json(),
    ).toMatchObject({ nudgeAfterDays: 3 });
    const after = await (
      await send('PATCH', '/api/settings', { myName: 'Sam', myIntro: 'I run data at Bluefin.' })
    ).json();
    expect(after).toMatchObject({ nudgeAfterDays: 3, myName: 'Sam' });
    const bad = await send('PATCH', '/api/settings', { templates: { path: '{oops}' } });
    expect(await bad.json()).toMatchObject({ error: { field: 'templates.path' } });
    const dana = (await (
      await send('POST', '/api/people', { displayName: 'Dana Finch', organization: 'Meridian' })
    ).json()) as { id: string };
    const ask = (await (
      await send('POST', '/api/asks', { personId: dana.id, question: 'How?' })
    ).json()) as { id: string };
    const draft = (await (await send('GET', `/api/asks/${ask.id}/draft`)).json()) as {
      text: string;
    };
    expect(draft.text).toMatch(/^Hi Dana,\n\nI run data at Bluefin\./);
  });

  it('refuses requests for other host names (DNS rebinding)', async () => {
    const res = await app.request('http://evil.example/api/people', {
      headers: { host: 'evil.example' },
    });
    expect(res.status).toBe(403);
  });

  it('describes every route in an OpenAPI 3.1 document built from the schemas', async () => {
    const doc = (await (await send('GET', '/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: {
                'application/json': {
                  schema: { required?: string[]; properties: Record<string, unknown> };
                };
              };
            };
            responses: Record<string, unknown>;
          }
        >
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of routes) expect(doc.paths[route.path]?.[route.method]).toBeDefined();
    const create = doc.paths['/api/people']?.post?.requestBody?.content['application/json'].schema;
    expect(create?.required).toEqual(['displayName']);
    expect(Object.keys(create?.properties ?? {})).toEqual(
      expect.arrayContaining(['emails', 'roles', 'linkedin', 'cadence']),
    );
    // A write may find the database held by another process; a read never waits for one.
    expect(doc.paths['/api/people']?.post?.responses['503']).toEqual({
      $ref: '#/components/responses/Busy',
    });
    expect(doc.paths['/api/people']?.get?.responses['503']).toBeUndefined();
  });
});
