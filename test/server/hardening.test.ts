// What an attacker or a careless client sends: a web page of another site posting forms, ids
// that are LIKE patterns, text Kith cannot keep, broken addresses, foreign Host headers, an
// archive that is refused in two places at once. Each is answered in words and changes nothing.
import { zipSync } from 'fflate';
import type { Hono } from 'hono';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { allowedHostsFor } from '../../src/server/serve.js';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';
import { fixture } from '../support/fixtures.js';

const ORIGIN = 'http://127.0.0.1:4321';
const JSON_TYPE = { 'content-type': 'application/json' };

describeEachDatabase('HTTP API under attack', (db) => {
  let store: Store;
  let app: Hono;
  const send = (
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string } = {},
  ) => app.request(`${ORIGIN}${path}`, { method, headers: init.headers ?? {}, body: init.body });
  const json = (method: string, path: string, body?: unknown) =>
    send(method, path, {
      headers: JSON_TYPE,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const importLinkedIn = async () => {
    const content = Buffer.from(fixture('linkedin/Connections.csv')).toString('base64');
    const res = await json('POST', '/api/imports', { fileName: 'Connections.csv', content });
    expect(res.status).toBe(200);
    return ((await res.json()) as { runId: string }).runId;
  };

  beforeEach(async () => {
    store = await db().newStore();
    app = createApp(store, { version: 'test', log: () => undefined });
  });

  it('refuses a form posted by another site’s page: no import is undone, no feed renewed', async () => {
    await importLinkedIn();
    const feed = await store.feed.renew();
    const before = await snapshot(store);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    // As a browser sends it from http://evil.example: the page's origin, a form's type.
    for (const path of ['/api/imports/%25/undo', '/api/calendar-feed']) {
      const crossSite = await send('POST', path, {
        headers: { ...form, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
        body: 'a=1',
      });
      expect(crossSite.status).toBe(403);
      expect(await crossSite.json()).toMatchObject({
        error: { code: 'forbidden', message: expect.stringContaining('http://evil.example') },
      });
    }
    // A sandboxed page sends "Origin: null"; a JSON request from another origin is refused too.
    expect(
      (await send('POST', '/api/calendar-feed', { headers: { ...JSON_TYPE, origin: 'null' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await send('DELETE', '/api/calendar-feed', {
          headers: { ...JSON_TYPE, origin: 'http://127.0.0.1:9999' },
        })
      ).status,
    ).toBe(403);
    // A write without a JSON content type (a form, plain text, nothing) is refused, body or not.
    for (const headers of [form, { 'content-type': 'text/plain' }, {}]) {
      const res = await send('POST', '/api/calendar-feed', { headers });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: { field: 'Content-Type' } });
    }
    expect(await store.feed.token()).toBe(feed);
    expect(await snapshot(store)).toEqual(before);
    // Kith's own page (same origin) and a script (no origin) still change things.
    const own = await send('POST', '/api/calendar-feed', {
      headers: { ...JSON_TYPE, origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(200);
    expect((await json('DELETE', '/api/calendar-feed')).status).toBe(204);
  });

  it('never reads an id as a LIKE pattern: "%" and "_" undo nothing', async () => {
    const runId = await importLinkedIn();
    const before = await snapshot(store);
    for (const id of ['%25', '%25%25', '_', '________', `%25${runId.slice(-4)}`]) {
      const res = await json('POST', `/api/imports/${id}/undo`);
      expect(res.status, id).toBe(404);
    }
    for (const path of ['/api/asks/%25', '/api/introductions/%25']) {
      expect([400, 404], path).toContain((await send('GET', path)).status);
    }
    expect(await snapshot(store)).toEqual(before);
    // The short id lists show still works.
    expect((await json('POST', `/api/imports/${runId.slice(-8)}/undo`)).status).toBe(200);
  });

  it('refuses text Kith cannot keep (NUL, half a character) by its field, on every database', async () => {
    const ada = await store.people.create({ displayName: 'Ada Lovelace' });
    const before = await snapshot(store);
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/people', { displayName: 'A\u0000da' }, 'displayName'],
      ['PATCH', `/api/people/${ada.id}`, { notes: 'a\u0000b' }, 'notes'],
      ['POST', '/api/people', { displayName: 'Ada \ud800' }, 'displayName'],
      [
        'POST',
        '/api/interactions',
        {
          participantIds: [ada.id],
          kind: 'call',
          summary: 'Call',
          occurredAt: '2026-01-01T10:00:00Z',
          notes: 'a\u0000b',
        },
        'notes',
      ],
      ['GET', '/api/people?tag=%00', undefined, 'tag'],
      ['GET', '/api/people?organization=%00', undefined, 'organization'],
      ['GET', '/api/people?unit=a%00', undefined, 'unit'],
      ['GET', '/api/search?q=%00', undefined, 'q'],
      ['POST', '/api/imports/%00/undo', undefined, 'id'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = method === 'GET' ? await send('GET', path) : await json(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(await res.json(), `${method} ${path}`).toMatchObject({ error: { field } });
    }
    expect(await snapshot(store)).toEqual(before);
  });

  it('drops NUL characters a file holds, and imports the rest', async () => {
    await store.people.create({ displayName: 'Ada Lovelace', emails: ['ada@example.org'] });
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:nul',
      'DTSTART:20240105T100000Z',
      'SUMMARY:Coffee\u0000 with Ada',
      'ATTENDEE;CN=Ada\u0000 Lovelace:mailto:ada@example.org',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const content = Buffer.from(ics).toString('base64');
    const res = await json('POST', '/api/imports', { fileName: 'nul.ics', content });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'imported' });
    const { items } = await store.interactions.list({ limit: 5 });
    expect(items.map((i) => i.summary)).toEqual(['Coffee with Ada']);
  });

  it('answers a broken %-escape in a page address with 400, not 500', async () => {
    for (const path of ['/%ff', '/people/%E0%A4%A', '/assets/%c3']) {
      const res = await send('GET', path);
      expect(res.status, path).toBeLessThan(500);
    }
    expect((await send('GET', '/%ff')).status).toBe(400);
  });

  it('refuses an archive whose connections and messages are both bad, and keeps serving', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const zip = zipSync({
        'messages.csv': new TextEncoder().encode(
          'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL\n"a"b,,,\n',
        ),
        'Connections.csv': new TextEncoder().encode('not,a,connections,file\n1,2,3,4\n'),
      });
      const content = Buffer.from(zip).toString('base64');
      for (const dryRun of [true, false]) {
        const res = await json('POST', '/api/imports', { fileName: 'export.zip', content, dryRun });
        expect(res.status).toBe(400);
      }
      // The messages were read on their way; their failure must not surface later, unhandled.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
      expect((await send('GET', '/healthz')).status).toBe(200);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('reports two rows that match one person for review instead of failing the import', async () => {
    const known = await store.people.create({
      displayName: 'Maria Silva',
      emails: ['maria@bank.example', 'm.silva@bank.example'],
    });
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Maria,Silva,,maria@bank.example,Bank,Analyst,01 Jan 2020',
      'Maria,Silva,,m.silva@bank.example,Bank,Director,02 Jan 2020',
    ].join('\n');
    const content = Buffer.from(csv).toString('base64');
    for (const dryRun of [true, false]) {
      const res = await json('POST', '/api/imports', {
        fileName: 'Connections.csv',
        content,
        dryRun,
      });
      expect(res.status).toBe(200);
      const report = (await res.json()) as {
        counts: Record<string, number>;
        rows: {
          line: number;
          action: string;
          personId: string | null;
          review: unknown;
          changes: string[];
        }[];
      };
      expect(report.counts).toMatchObject({ new: 1, review: 1, errors: 0 });
      expect(report.rows[0]).toMatchObject({ personId: known.id });
      expect(report.rows[0]?.changes).toContain('line 3 matched this person too');
      expect(report.rows[1]).toMatchObject({
        action: 'new',
        review: { personId: known.id, name: 'Maria Silva' },
        changes: ['matched the same person as line 2'],
      });
    }
    expect((await store.people.list({ limit: 10 })).total).toBe(2);
  });
});

describeEachDatabase('HTTP API behind a Host check', (db) => {
  let store: Store;
  beforeEach(async () => {
    store = await db().newStore();
  });

  it('answers only local names on every loopback address, and the names it is given elsewhere', async () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '127.1.2.3', '::1', 'localhost']) {
      const allowed = allowedHostsFor(host);
      expect(allowed, host).not.toBe('any');
      const app = createApp(store, { allowedHosts: allowed, log: () => undefined });
      const bound = host.includes(':') ? `[${host}]` : host;
      const evil = await app.request(`http://${bound}:4321/healthz`, {
        headers: { host: 'evil.com' },
      });
      expect(evil.status, host).toBe(403);
      const own = await app.request(`http://${bound}:4321/healthz`, {
        headers: { host: `${bound}:4321` },
      });
      expect(own.status, host).toBe(200);
    }
    const lan = allowedHostsFor('192.168.1.20', ['kith.example.org']);
    expect(lan).toEqual(expect.arrayContaining(['192.168.1.20', 'kith.example.org']));
    expect(lan).not.toContain('evil.com');
    expect(allowedHostsFor('0.0.0.0', ['kith.example.org'])).not.toContain('0.0.0.0');
  });
});
