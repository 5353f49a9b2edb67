// Generated from the OpenAPI document, so a new route is covered the day it is declared: on a
// server with accounts, every route and method answers 401 to a request with no credentials, and
// user B naming any of user A's ids — in the path or in the body — gets 404 (never 403, so ids
// cannot be probed) and changes nothing of A's; what B can read never holds A's data.
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.js';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/store.js';
import { client, invite, signedUp, type Client } from '../support/accounts.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';
import { fixture } from '../support/fixtures.js';

type Schema = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  security: Schema[];
  body: Schema | null;
}

const MARKER = 'Zqxmarker';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;

function operationsOf(document: Schema): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths as Record<string, Schema>))
    for (const [method, spec] of Object.entries(methods as Record<string, Schema>)) {
      const content = (spec.requestBody as Schema | undefined)?.content as Schema | undefined;
      const json = content?.['application/json'] as { schema: Schema } | undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        security: spec.security as Schema[],
        body: json?.schema ?? null,
      });
    }
  return operations;
}

/** A property that names a record: personId, ids, knowsId, fromPersonId… */
const namesAnId = (name: string) => /(^id$|Ids?$|^ids$|^person[AB]$)/.test(name);

/**
 * A request body the schema accepts, its required fields filled plainly and every field that
 * names a record given `id` (one of A's). Enough to pass validation, so the answer shows what
 * the lookup did.
 */
function sampleOf(
  schema: Schema,
  id: string,
  other: string,
  root: Schema = schema,
  name = '',
  used = { ids: 0 },
): unknown {
  if (typeof schema.$ref === 'string') {
    const key = schema.$ref.split('/').at(-1) ?? '';
    return sampleOf(
      ((root.$defs ?? {}) as Record<string, Schema>)[key] ?? {},
      id,
      other,
      root,
      name,
      used,
    );
  }
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (options) {
    const usable = options.filter((o) => o.type !== 'null');
    return sampleOf(usable[0] ?? {}, id, other, root, name, used);
  }
  if ('const' in schema) return schema.const;
  // The last choice: the first ones are often those that need a companion field (add-tag).
  if (Array.isArray(schema.enum)) return schema.enum.at(-1);
  if (Array.isArray(schema.examples) && !namesAnId(name)) return schema.examples[0];
  if (schema.default !== undefined && !namesAnId(name)) return schema.default;
  const type = Array.isArray(schema.type)
    ? (schema.type as string[]).find((t) => t !== 'null')
    : schema.type;
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(props))
        if (required.has(key) || namesAnId(key))
          out[key] = sampleOf(sub, id, other, root, key, used);
      return out;
    }
    case 'array': {
      const items = (schema.items ?? {}) as Schema;
      const n = Math.max(Number(schema.minItems ?? 0), namesAnId(name) ? 1 : 0);
      // Two different records where a pair is asked for (a merge, "these two are different").
      return Array.from({ length: n }, () => sampleOf(items, id, other, root, name, used));
    }
    case 'string': {
      // The first field that names a record gets A's id; a second (a pair) another record.
      if (namesAnId(name)) return used.ids++ === 0 ? id : other;
      if (schema.format === 'date' || /(At|On|^until|^date)$/.test(name)) return '2026-12-01';
      if (schema.format === 'date-time') return '2026-12-01T10:00:00.000Z';
      if (schema.format === 'email' || /email$/i.test(name)) return 'someone@example.org';
      if (schema.format === 'uri') return 'https://example.org/';
      return 'x'.repeat(Math.max(1, Number(schema.minLength ?? 1)));
    }
    case 'integer':
    case 'number':
      return Number(schema.minimum ?? 1);
    case 'boolean':
      return false;
    default:
      return namesAnId(name) ? (used.ids++ === 0 ? id : other) : 'x';
  }
}

const fill = (path: string, id: string) => path.replace(/\{\w+\}/g, encodeURIComponent(id));
const isPublic = (op: Operation) => op.security.length === 0;
const hasBodyIds = (op: Operation, id: string) =>
  op.body !== null && JSON.stringify(sampleOf(op.body, id, id)).includes(id);

describeEachDatabase('authorization, for every route in the OpenAPI document', (db) => {
  let store: Store;
  let app: Hono;
  let operations: Operation[];
  let alice: Client;
  let bob: Client;
  /** Ids of A's records, by the list they were read from (a few of each kind). */
  let aliceIds: string[];

  beforeAll(async () => {
    store = await db().newDatabase();
    app = createApp(store, {
      version: 'test',
      log: () => undefined,
      auth: { accounts: true, publicUrl: null },
    });
    alice = await signedUp(app, 'alice@example.org');
    bob = await signedUp(app, 'bob@example.org', await invite(alice));
    await seed(alice);
    operations = operationsOf(await alice.json<Schema>('GET', '/api/openapi.json'));
    aliceIds = await idsReadable(alice, operations);
  }, 120_000);

  it('knows enough of A’s records to probe every route with them', () => {
    expect(operations.length).toBeGreaterThan(80);
    expect(aliceIds.length).toBeGreaterThan(15);
  });

  it('answers 401 to every route but the public ones without credentials', async () => {
    const anyone = client(app);
    const wrong: string[] = [];
    for (const op of operations.filter((o) => !isPublic(o))) {
      const res = await anyone.request(
        op.method,
        fill(op.path, aliceIds[0] ?? 'x'),
        op.body ? {} : undefined,
      );
      if (res.status !== 401) wrong.push(`${op.method} ${op.path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
    // The public ones are few, and known.
    expect(
      operations
        .filter(isPublic)
        .map((o) => `${o.method} ${o.path}`)
        .sort(),
    ).toEqual([
      'GET /api/auth/invitation',
      'GET /api/auth/session',
      'GET /feeds/{file}',
      'POST /api/auth/passkeys/authentication',
      'POST /api/auth/passkeys/sign-in',
      'POST /api/auth/sign-in',
      'POST /api/auth/sign-out',
      'POST /api/auth/sign-up',
    ]);
  });

  it('answers 404 to B naming any of A’s ids, in the path or the body, and changes nothing of A’s', async () => {
    const account = await store.accounts.byEmail('alice@example.org');
    const aliceStore = store.forWorkspace(account?.workspaceId ?? '');
    const before = await snapshot(aliceStore);
    const wrong: string[] = [];
    let probes = 0;
    for (const op of operations.filter((o) => !isPublic(o))) {
      const inPath = op.path.includes('{');
      for (const [n, id] of aliceIds.entries()) {
        const other = aliceIds[(n + 1) % aliceIds.length] ?? id;
        if (!inPath && !hasBodyIds(op, id)) continue;
        probes++;
        const path = fill(op.path, id);
        const res = await bob.request(
          op.method,
          path,
          op.body ? sampleOf(op.body, id, other) : undefined,
        );
        const text = await res.text();
        if (inPath) {
          if (res.status !== 404)
            wrong.push(`${op.method} ${path}: ${res.status} ${text.slice(0, 160)}`);
          continue;
        }
        // An id in the body is a field of the request: the answer may be a 400 naming the
        // field, but it must be the very answer ids that exist nowhere get.
        const [fresh, freshOther] = [newId(), newId()];
        const control = await bob.request(
          op.method,
          op.path,
          sampleOf(op.body ?? {}, fresh, freshOther),
        );
        // Which of two ids an error names may follow their order: ids are compared as ids.
        const controlText = (await control.text()).replace(UUID, '<id>');
        const probeText = text.replace(UUID, '<id>');
        if (
          res.status < 400 ||
          res.status >= 500 ||
          res.status !== control.status ||
          probeText !== controlText
        )
          wrong.push(
            `${op.method} ${op.path}, A's ids in the body: ${res.status} ${text.slice(0, 160)}; ids of nobody's: ${control.status} ${controlText.slice(0, 160)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(probes).toBeGreaterThan(500);
    expect(await snapshot(aliceStore)).toEqual(before);
  }, 300_000);

  it('lets A reach each route with one of those ids, so the 404s mean something', async () => {
    const unreachable: string[] = [];
    for (const op of operations.filter(
      (o) => o.method === 'GET' && o.path.includes('{') && !isPublic(o),
    )) {
      let reached = false;
      for (const id of aliceIds) {
        const res = await alice.request('GET', fill(op.path, id));
        // Found: a 200, or a refusal about the record itself (a draft that needs Settings).
        if (res.status !== 404 && res.status < 500) {
          reached = true;
          break;
        }
      }
      if (!reached) unreachable.push(op.path);
    }
    expect(unreachable).toEqual([]);
  }, 120_000);

  it('shows B nothing of A’s on any route B can read', async () => {
    const leaks: string[] = [];
    for (const op of operations.filter(
      (o) => o.method === 'GET' && !o.path.includes('{') && !isPublic(o),
    )) {
      const path =
        op.path === '/api/search'
          ? `/api/search?q=${MARKER}`
          : op.path === '/api/who'
            ? `/api/who?q=${MARKER}`
            : op.path;
      const res = await bob.request('GET', path);
      // The answer without the echo of what was asked.
      const text = (await res.text()).replace(/"(query|terms)":("[^"]*"|\[[^\]]*\])/g, '');
      if (text.includes(MARKER) || aliceIds.some((id) => text.includes(id)))
        leaks.push(`${op.path}: ${text.slice(0, 200)}`);
    }
    for (const format of ['json', 'csv', 'vcf', 'ics']) {
      const text = await (await bob.request('GET', `/api/export?format=${format}`)).text();
      if (text.includes(MARKER)) leaks.push(`export ${format}`);
    }
    expect(leaks).toEqual([]);
    // …while A's own answers hold them, so the search for the marker is a real one.
    expect(await (await alice.request('GET', `/api/search?q=${MARKER}`)).text()).toContain(MARKER);
  });
});

/** A's network: the sample one, people and notes carrying the marker, an import with a photo, a feed. */
async function seed(alice: Client) {
  await alice.json('POST', '/api/demo', { size: 40 });
  const person = await alice.json<{ id: string }>('POST', '/api/people', {
    displayName: `Dana ${MARKER}`,
    notes: `private note ${MARKER}`,
    emails: ['dana@example.org'],
  });
  await alice.json('POST', '/api/interactions', {
    kind: 'call',
    occurredAt: '2026-11-20T10:00:00.000Z',
    participantIds: [person.id],
    summary: `call ${MARKER}`,
  });
  const content = Buffer.from(fixture('vcard/iphone-3.0.vcf')).toString('base64');
  await alice.json('POST', '/api/imports', { fileName: 'iphone.vcf', content, keepPhotos: true });
  await alice.json('POST', '/api/calendar-feed');
  await alice.json('POST', '/api/tokens', { name: `token ${MARKER}` });
  await alice.json('POST', '/api/invitations', { email: 'carol@example.org' });
  await alice.json('POST', '/api/teams', { name: `team ${MARKER}` });
}

/** Ids found in everything A can read without an id: a few from each list. */
async function idsReadable(alice: Client, operations: Operation[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const op of operations.filter(
    (o) => o.method === 'GET' && !o.path.includes('{') && !isPublic(o),
  )) {
    const res = await alice.request(
      'GET',
      op.path === '/api/search'
        ? '/api/search?q=a'
        : op.path === '/api/who'
          ? '/api/who?q=a'
          : op.path,
    );
    const found = [...new Set((await res.text()).match(UUID) ?? [])];
    for (const id of found.slice(0, 3)) ids.add(id);
  }
  // People with a photo (their photo route answers only for them).
  const people = await alice.json<{ items: { id: string }[] }>('GET', '/api/people?limit=200');
  for (const { id } of people.items) {
    const provenance = await alice.json<{ photo: unknown }>('GET', `/api/people/${id}/provenance`);
    if (provenance.photo) ids.add(id);
  }
  return [...ids];
}
