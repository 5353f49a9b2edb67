import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { startServer } from '../../src/server/serve.js';
import type { Store } from '../../src/store/store.js';
import { calendarFile, weeklyWithPriya } from '../support/calendar.js';
import { describeEachDatabase } from '../support/databases.js';
import { fixturePath } from '../support/fixtures.js';

/** A JSON request to the app, and its status and body (null for 204). */
async function sendJson(app: Hono, method: string, path: string, body?: unknown) {
  const res = await app.request(`http://127.0.0.1:4321${path}`, {
    method,
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as unknown) };
}

describeEachDatabase('HTTP API: imports', (db) => {
  let store: Store;
  let app: Hono;
  const send = (method: string, path: string, body?: unknown) =>
    sendJson(app, method, path, body) as Promise<{
      status: number;
      body: Record<string, unknown>;
    }>;
  beforeEach(async () => {
    store = await db().newStore();
    app = createApp(store, { version: 'test', log: () => undefined });
  });

  it('previews, imports, lists and undoes an import sent as base64', async () => {
    const content = readFileSync(fixturePath('linkedin/Connections.csv')).toString('base64');
    const preview = await send('POST', '/api/imports', {
      fileName: 'Connections.csv',
      content,
      dryRun: true,
    });
    expect(preview).toMatchObject({ status: 200, body: { status: 'preview', counts: { new: 4 } } });
    expect((await store.counts()).people).toBe(0);
    const done = await send('POST', '/api/imports', { fileName: 'Connections.csv', content });
    expect(done.body).toMatchObject({ status: 'imported', counts: { new: 4 } });
    const runs = (await send('GET', '/api/imports')).body as unknown as { id: string }[];
    expect(runs).toHaveLength(1);
    const undone = await send('POST', `/api/imports/${runs[0]?.id ?? ''}/undo`);
    expect(undone.body).toMatchObject({ archived: 4, restored: 0 });
    expect((await send('POST', `/api/imports/${runs[0]?.id ?? ''}/undo`)).status).toBe(409);
  });

  it("takes a calendar's recurring events between two days, and names a day it cannot read", async () => {
    const content = Buffer.from(calendarFile(weeklyWithPriya())).toString('base64');
    const request = { fileName: 'weekly.ics', content, dryRun: true };
    const january = await send('POST', '/api/imports', {
      ...request,
      recurringFrom: '2020-01-01',
      recurringTo: '2020-01-27',
    });
    expect(january).toMatchObject({
      status: 200,
      body: { activities: { counts: { new: 0, skipped: 4 } } },
    });
    const notADay = await send('POST', '/api/imports', { ...request, recurringFrom: '2020-02-30' });
    expect(notADay).toMatchObject({ status: 400, body: { error: { field: 'recurringFrom' } } });
    const backwards = await send('POST', '/api/imports', {
      ...request,
      recurringFrom: '2020-02-01',
      recurringTo: '2020-01-31',
    });
    expect(backwards).toMatchObject({ status: 400, body: { error: { field: 'recurringTo' } } });
  });

  it('streams an import: progress lines, then the report; an error as the last line', async () => {
    const content = readFileSync(fixturePath('linkedin/Connections.csv')).toString('base64');
    const res = await app.request('http://127.0.0.1:4321/api/imports/stream', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'Connections.csv', content }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const progress = lines.slice(0, -1);
    expect(progress[0]).toEqual({ phase: 'reading', done: 0, total: 0 });
    expect(progress).toContainEqual({ phase: 'people', done: 4, total: 4 });
    expect(progress.at(-1)).toEqual({ phase: 'saving', done: 0, total: 0 });
    expect(lines.at(-1)).toMatchObject({ result: { status: 'imported', counts: { new: 4 } } });
    const again = await app.request('http://127.0.0.1:4321/api/imports/stream', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        fileName: 'backup.json',
        content: Buffer.from(
          '{"format":"kith-backup","version":1,"workspace":{"name":"x"},"tables":{}}',
        ).toString('base64'),
      }),
    });
    expect(JSON.parse((await again.text()).trim())).toMatchObject({
      error: { code: 'conflict', message: expect.stringContaining('empty workspace only') },
    });
  });

  it('sends progress while a large import runs, and answers other requests meanwhile', async () => {
    // Over a real socket: SQLite answers synchronously, so without turns of the event loop
    // between batches every line would leave at the commit, and without a connection of its
    // own for reading no other request would be answered until then.
    const server = await startServer(store, { host: '127.0.0.1', port: 0, version: 'test' });
    try {
      const rows = Array.from(
        { length: 12_000 },
        (_, i) => `Given${i},Family${i},https://www.linkedin.com/in/p-${i},,Co,Role,01 Jan 2020`,
      );
      const csv = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows];
      const res = await fetch(`${server.url}/api/imports/stream`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          fileName: 'Connections.csv',
          content: Buffer.from(csv.join('\n')).toString('base64'),
        }),
      });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      /** What had arrived when the other request was answered, and the people lines as they came. */
      let arrivedWhenAnswered: string | null = null;
      let other: Promise<void> | null = null;
      const peopleLinesPerRead: number[] = [];
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const chunk = decoder.decode(value, { stream: true });
        text += chunk;
        peopleLinesPerRead.push(chunk.split('"phase":"people"').length - 1);
        if (!other && text.includes('"phase":"people"') && !text.includes('"result"')) {
          // A page reading the database: it sees the last commit, without this import.
          other = fetch(`${server.url}/api/imports`).then(async (r) => {
            expect(r.status).toBe(200);
            expect(await r.json()).toEqual([]);
            arrivedWhenAnswered = text;
          });
        }
      }
      await other;
      const lines = text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.at(-1)).toMatchObject({
        result: { status: 'imported', counts: { new: 12_000 } },
      });
      const people = lines.filter((l) => l.phase === 'people');
      expect(people.length).toBeGreaterThanOrEqual(8);
      // The people's progress came in several pieces, not all at once at the end...
      expect(peopleLinesPerRead.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
      // ...and the other request was answered before the import's report was sent.
      expect(arrivedWhenAnswered).not.toBeNull();
      expect(arrivedWhenAnswered).not.toContain('"result"');
    } finally {
      await server.close();
    }
  });

  it('takes an export larger than other requests may be (a LinkedIn archive of years)', async () => {
    const rows = Array.from(
      { length: 90_000 },
      (_, i) => `Given${i},Family${i},https://www.linkedin.com/in/p-${i},,Company,Role,01 Jan 2020`,
    );
    const csv = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows];
    const content = Buffer.from(csv.join('\n')).toString('base64');
    expect(content.length).toBeGreaterThan(9 * 1024 * 1024);
    const res = await send('POST', '/api/imports', {
      fileName: 'Connections.csv',
      content,
      dryRun: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'preview', counts: { new: 90_000 } });
  });

  it('refuses content that is not base64, and reports the bad row of a file', async () => {
    const bad = await send('POST', '/api/imports', { fileName: 'x.csv', content: 'not base64!' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('content');
    const csv =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,31 Feb 2023\n';
    const refused = await send('POST', '/api/imports', {
      fileName: 'bad.csv',
      content: Buffer.from(csv).toString('base64'),
    });
    expect(refused.body).toMatchObject({
      status: 'refused',
      errors: [{ file: 'bad.csv', line: 2, field: 'metOn' }],
    });
  });
});

const JSON_TYPE = { 'content-type': 'application/json' };

describeEachDatabase('HTTP API: exports and the calendar feed', (db) => {
  let store: Store;
  let app: Hono;
  const get = (path: string, init: RequestInit = {}) =>
    app.request(`http://127.0.0.1:4321${path}`, init);
  beforeEach(async () => {
    store = await db().newStore();
    app = createApp(store, { version: 'test', log: () => undefined });
  });

  it('downloads every export format with its type and a file name', async () => {
    await store.people.create({ displayName: 'Ada Lovelace', emails: ['ada@example.com'] });
    for (const [format, type, ext, start] of [
      ['json', 'application/json', 'json', '{\n  "format": "kith-backup"'],
      ['csv', 'text/csv', 'csv', '\ufeffName,'], // with the byte-order mark Excel needs
      ['vcard', 'text/vcard', 'vcf', 'BEGIN:VCARD\r\n'],
      ['ics', 'text/calendar', 'ics', 'BEGIN:VCALENDAR\r\n'],
    ] as const) {
      const res = await get(`/api/export?format=${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="kith-\\d{4}-\\d{2}-\\d{2}\\.${ext}"$`),
      );
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).startsWith(start)).toBe(
        true,
      );
    }
    const bad = await get('/api/export?format=pdf');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('format');
  });

  it('gives the feed a secret address, serves it, and stops when renewed or revoked', async () => {
    expect(await (await get('/api/calendar-feed')).json()).toEqual({ path: null });
    const { path } = (await (
      await get('/api/calendar-feed', { method: 'POST', headers: JSON_TYPE })
    ).json()) as {
      path: string;
    };
    expect(path).toMatch(/^\/feeds\/[\w-]{32}\.ics$/);
    const feed = await get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(feed.headers.get('content-disposition')).toBeNull();
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);
    // Another token (its last character changed; never to itself, or this would find it).
    const other = path.replace(/(.)\.ics$/, (_, last: string) => `${last === 'x' ? 'y' : 'x'}.ics`);
    expect(other).not.toBe(path);
    expect((await get(other)).status).toBe(404);
    await get('/api/calendar-feed', { method: 'DELETE', headers: JSON_TYPE });
    expect((await get(path)).status).toBe(404);
    expect(await (await get('/api/calendar-feed')).json()).toEqual({ path: null });
  });
});

describeEachDatabase('HTTP API: duplicates', (db) => {
  let store: Store;
  let app: Hono;
  const send = (method: string, path: string, body?: unknown) => sendJson(app, method, path, body);
  beforeEach(async () => {
    store = await db().newStore();
    app = createApp(store, { version: 'test', log: () => undefined });
  });

  it('lists suggested pairs, merges one, dismisses another, and refuses bad input', async () => {
    const a = await store.people.create({ displayName: 'Priya Raman', emails: ['p@example.com'] });
    const b = await store.people.create({ displayName: 'Priya R.', emails: ['p@example.com'] });
    const c = await store.people.create({ displayName: 'Tom Becker' });
    const d = await store.people.create({ displayName: 'Tom Becker' });
    const list = await send('GET', '/api/merge-suggestions');
    expect(list.status).toBe(200);
    expect((list.body as { reasons: string[] }[]).map((s) => s.reasons[0])).toEqual([
      'the same email, p@example.com',
      'the same name',
    ]);
    const merged = await send('POST', `/api/people/${a.id}/merge`, { otherId: b.id });
    expect(merged).toMatchObject({ status: 200, body: { id: a.id, displayName: 'Priya Raman' } });
    expect(
      (await send('POST', '/api/merge-suggestions/dismiss', { personA: c.id, personB: d.id }))
        .status,
    ).toBe(204);
    expect((await send('GET', '/api/merge-suggestions')).body).toEqual([]);
    const self = await send('POST', `/api/people/${a.id}/merge`, { otherId: a.id });
    expect(self.status).toBe(400);
    expect(JSON.stringify(self.body)).toContain('otherId');
    expect((await send('POST', `/api/people/${a.id}/merge`, { other: c.id })).status).toBe(400);
  });
});
