// Migrations after the first run on databases that already hold a network: each must keep
// every row and leave the store working as before.
import Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/config.js';
import { expect, it } from 'vitest';
import { BACKUP_TABLES } from '../../src/store/backup.js';
import { openStore } from '../../src/store/open-store.js';
import { describeEachDatabase, prepare, snapshot } from '../support/databases.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const ME = 'Alex Doe,https://www.linkedin.com/in/alexdoe';
const PRIYA = 'Priya Raman,https://www.linkedin.com/in/priya-raman';
const TOM = 'Tom Becker,https://www.linkedin.com/in/tombecker';
const linkedinExport = zipSync({
  'Export/Connections.csv': utf8(
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
      'Priya,Raman,https://www.linkedin.com/in/priya-raman,,Northwind,Data Scientist,04 Sep 2023\r\n' +
      'Tom,Becker,https://www.linkedin.com/in/tombecker,,Contoso,Tax Advisor,12 Jan 2022\r\n',
  ),
  'Export/messages.csv': utf8(
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n' +
      `c1,,${PRIYA},${ME},2024-03-05 09:12:44 UTC,,Happy to talk about Zürich and careers.,INBOX\r\n` +
      `c1,,${ME},${PRIYA},2024-03-05 10:01:02 UTC,,Thank you! Thursday?,INBOX\r\n` +
      `c2,,${TOM},${ME},2024-04-01 12:30:00 UTC,,Ask me anything about taxes,INBOX\r\n`,
  ),
});

describeEachDatabase('migration 012 (leaner import storage)', (_db, dialect) => {
  it('keeps every row, finds the same conversations, and undoes the earlier import', async () => {
    const { target, cleanup } = await prepare(dialect);
    const now = () => new Date('2026-11-29T10:00:00Z');
    try {
      const upgrades: string[][] = [];
      const onUpgrade = (migrations: string[]) => upgrades.push(migrations);
      // A new database is made, not upgraded: nothing to announce.
      const old = await openStore(target, { now, schemaVersion: '011-photo-runs', onUpgrade });
      expect(upgrades).toEqual([]);
      const run = await old.imports.contacts(linkedinExport, 'export.zip');
      expect(run.activities.counts.new).toBe(2);
      await old.interactions.create({
        occurredAt: '2024-05-01T08:00:00Z',
        kind: 'coffee',
        summary: 'Coffee about tax returns',
        participantIds: [(await old.people.resolve('Tom Becker')).id],
      });
      const before = {
        snapshot: await snapshot(old),
        rows: await rowsOf(target),
        zurich: await old.search({ q: 'zurich' }),
        tax: await old.search({ q: 'tax' }),
      };
      await old.close();

      const store = await openStore(target, { now, onUpgrade });
      expect(upgrades).toEqual([
        [
          '012-leaner-import-storage',
          '013-interaction-words-without-positions',
          '014-asks-made-of-you',
          '015-interactions-found-by-their-people',
          '016-people-ranked-alike',
          '017-asks-by-direction',
          '018-people-by-last-contact',
          '019-accounts',
          '020-teams',
          '021-thank-yous',
          '022-person-keys',
          '023-person-dates',
        ],
      ]);
      await (await openStore(target, { now, onUpgrade })).close();
      expect(upgrades).toHaveLength(1);
      expect(await snapshot(store)).toEqual(before.snapshot);
      expect(asBefore(await rowsOf(target), before.rows)).toEqual(before.rows);
      expect(await store.search({ q: 'zurich' })).toEqual(before.zurich);
      expect((await store.search({ q: 'zurich' })).interactions).toHaveLength(1);
      expect(await store.search({ q: 'tax' })).toEqual(before.tax);
      if (target.kind === 'sqlite') {
        const file = new Database(target.file, { readonly: true });
        const tables = file
          .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
          .all() as { name: string; sql: string }[];
        file.close();
        const ddl = new Map(tables.map((t) => [t.name, t.sql]));
        for (const name of ['interaction_participant', 'import_item', 'import_activity_change'])
          expect(ddl.get(name)).toMatch(/WITHOUT ROWID$/);
        expect(ddl.get('interaction_fts')).toMatch(/content = ''/);
        expect([...ddl.keys()].filter((n) => /_with_rowid$|interaction_words/.test(n))).toEqual([]);
      }
      // Written after the migration: found too; the earlier import still undoes.
      await store.interactions.create({
        occurredAt: '2024-06-01T08:00:00Z',
        kind: 'call',
        summary: 'Call about Zürich relocation',
        participantIds: [(await store.people.resolve('Priya Raman')).id],
      });
      expect((await store.search({ q: 'zurich' })).interactions).toHaveLength(2);
      await store.imports.undo(run.runId ?? '');
      expect((await store.search({ q: 'zurich' })).interactions.map((i) => i.summary)).toEqual([
        'Call about Zürich relocation',
      ]);
      await store.close();
    } finally {
      await cleanup();
    }
  });
});

describeEachDatabase('migration 013 (interaction words without positions)', (_db, dialect) => {
  it('finds the same interactions by the same words and word beginnings, leaving no table behind', async () => {
    const { target, cleanup } = await prepare(dialect);
    const now = () => new Date('2026-11-29T10:00:00Z');
    try {
      const old = await openStore(target, { now, schemaVersion: '012-leaner-import-storage' });
      const run = await old.imports.contacts(linkedinExport, 'export.zip');
      const tom = (await old.people.resolve('Tom Becker')).id;
      await old.interactions.create({
        occurredAt: '2024-05-01T08:00:00Z',
        kind: 'coffee',
        summary: 'Café near the Rathaus',
        notes: 'Spoke about 领英 and Łódź; quarterly prepayments',
        insights: ['Negotiate scope before price', 'Ask Zoë about Kraków'],
        participantIds: [tom],
      });
      const queries = [
        'zurich',
        'zur',
        'tax',
        'ta',
        'cafe',
        '领英',
        'lodz',
        'negotiate scope',
        'krak',
        'thursday',
      ];
      const results = async (store: typeof old) =>
        Promise.all(queries.map(async (q) => (await store.search({ q })).interactions));
      const before = { snapshot: await snapshot(old), found: await results(old) };
      expect(before.found.map((hits) => hits.length)).toEqual([1, 1, 1, 2, 1, 1, 1, 1, 1, 1]);
      await old.close();
      const ftsTables = () => {
        if (target.kind !== 'sqlite') return 0;
        const file = new Database(target.file, { readonly: true });
        const { n } = file
          .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'interaction_fts%'")
          .get() as { n: number };
        file.close();
        return n;
      };
      const tablesBefore = ftsTables();

      const upgrades: string[][] = [];
      const store = await openStore(target, { now, onUpgrade: (m) => upgrades.push(m) });
      expect(upgrades).toEqual([
        [
          '013-interaction-words-without-positions',
          '014-asks-made-of-you',
          '015-interactions-found-by-their-people',
          '016-people-ranked-alike',
          '017-asks-by-direction',
          '018-people-by-last-contact',
          '019-accounts',
          '020-teams',
          '021-thank-yous',
          '022-person-keys',
          '023-person-dates',
        ],
      ]);
      expect(await snapshot(store)).toEqual(before.snapshot);
      expect(await results(store)).toEqual(before.found);
      if (target.kind === 'sqlite') {
        expect(ftsTables()).toBe(tablesBefore);
        const file = new Database(target.file, { readonly: true });
        const { sql: ddl } = file
          .prepare("SELECT sql FROM sqlite_master WHERE name = 'interaction_fts'")
          .get() as { sql: string };
        file.close();
        expect(ddl).toMatch(/detail = none/);
        expect(ddl).toMatch(/tokenize = 'ascii'/);
      }
      // Written, edited and taken back after the migration: the index follows.
      const call = await store.interactions.create({
        occurredAt: '2024-06-01T08:00:00Z',
        kind: 'call',
        summary: 'Call about Zürich relocation',
        participantIds: [tom],
      });
      expect((await store.search({ q: 'zurich' })).interactions).toHaveLength(2);
      await store.interactions.update(call.id, { summary: 'Call about Geneva' });
      expect((await store.search({ q: 'zurich' })).interactions).toHaveLength(1);
      expect((await store.search({ q: 'gen' })).interactions).toHaveLength(1);
      await store.imports.undo(run.runId ?? '');
      expect((await store.search({ q: 'zurich' })).interactions).toEqual([]);
      expect((await store.search({ q: 'krak' })).interactions).toHaveLength(1);
      await store.close();
    } finally {
      await cleanup();
    }
  });
});

/**
 * The columns later migrations added, with the value every earlier row takes there: a table
 * read before them, compared with one read after, differs only by these.
 */
const LATER_COLUMNS: Record<string, Record<string, unknown>> = {
  interaction: { thank_you: null },
  person: { no_thank_you: 0, dates: null },
};

type Rows = Record<string, Record<string, unknown>[]>;

/**
 * Every table a backup holds, as the database has it, row by row (sorted): read straight,
 * not through Kith's code, which is written for the newest schema. Tables the schema does
 * not have yet are left out.
 */
async function rowsOf(target: DatabaseTarget): Promise<Rows> {
  const out: Rows = {};
  const sorted = (rows: Record<string, unknown>[]) =>
    rows
      .map((r) => JSON.stringify(r))
      .sort()
      .map((r) => JSON.parse(r) as Record<string, unknown>);
  if (target.kind === 'sqlite') {
    const file = new Database(target.file, { readonly: true });
    const have = new Set(
      (
        file.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[]
      ).map((t) => t.name),
    );
    for (const table of BACKUP_TABLES)
      if (have.has(table))
        out[table] = sorted(
          file.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[],
        );
    file.close();
    return out;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  const have = new Set(
    (
      await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
      )
    ).rows.map((t) => t.name),
  );
  for (const table of BACKUP_TABLES)
    if (have.has(table)) out[table] = sorted((await client.query(`SELECT * FROM "${table}"`)).rows);
  await client.end();
  return out;
}

/** The rows read after an upgrade, as the tables read before it had them. */
function asBefore(after: Rows, before: Rows): Rows {
  return Object.fromEntries(
    Object.keys(before).map((table) => {
      const later = LATER_COLUMNS[table] ?? {};
      const rows = (after[table] ?? []).map((row) => {
        const kept = { ...row };
        for (const [column, value] of Object.entries(later)) {
          expect(kept[column], `${table}.${column}`).toEqual(value);
          delete kept[column];
        }
        return kept;
      });
      return [table, rows];
    }),
  );
}

/** One statement straight on the database, as a Kith of an earlier schema would have written. */
async function runRaw(target: DatabaseTarget, text: string, values: unknown[]): Promise<void> {
  if (target.kind === 'sqlite') {
    const file = new Database(target.file);
    file.prepare(text.replace(/\$\d+/g, '?')).run(...values);
    file.close();
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  await client.query(text, values);
  await client.end();
}

describeEachDatabase('migration 014 (asks made of you)', (db, dialect) => {
  it('keeps every earlier ask as the user’s own, and restores a backup made before it', async () => {
    const { target, cleanup } = await prepare(dialect);
    const now = () => new Date('2026-11-29T10:00:00Z');
    try {
      const old = await openStore(target, {
        now,
        schemaVersion: '013-interaction-words-without-positions',
      });
      const lena = await old.people.create({ displayName: 'Lena Park' });
      const workspace = old.workspaceId;
      await old.close();
      // An ask sent on 1 November, as the schema before 014 held it (no direction).
      const id = '01a00000-0000-7000-8000-000000000001';
      const at = '2026-11-01T09:00:00.000Z';
      await runRaw(
        target,
        `INSERT INTO ask (id, workspace_id, person_id, campaign_id, question, purpose, minutes,
           channel, state, sent_at, nudged_at, replied_at, scheduled_for, met_at, interaction_id,
           closed_at, created_at, updated_at)
         VALUES ($1, $2, $3, NULL, 'How did you start?', 'path', 30, NULL, 'sent', $4, NULL,
           NULL, NULL, NULL, NULL, NULL, $5, $6)`,
        [id, workspace, lena.id, at, at, at],
      );
      for (const [position, action, from, to] of [
        [0, 'draft', 'draft', 'draft'],
        [1, 'send', 'draft', 'sent'],
      ] as const)
        await runRaw(
          target,
          `INSERT INTO ask_event (workspace_id, ask_id, position, at, action, from_state, to_state, note)
           VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)`,
          [workspace, id, position, at, action, from, to],
        );

      const upgrades: string[][] = [];
      const store = await openStore(target, { now, onUpgrade: (m) => upgrades.push(m) });
      expect(upgrades).toEqual([
        [
          '014-asks-made-of-you',
          '015-interactions-found-by-their-people',
          '016-people-ranked-alike',
          '017-asks-by-direction',
          '018-people-by-last-contact',
          '019-accounts',
          '020-teams',
          '021-thank-yous',
          '022-person-keys',
          '023-person-dates',
        ],
      ]);
      expect(await store.asks.get(id)).toMatchObject({
        direction: 'outgoing',
        state: 'sent',
        sentAt: at,
        personName: 'Lena Park',
      });
      // Still the user's own: nudged on time, and moved on when nobody answers.
      expect(await store.asks.moveOnOverdue('2026-11-29T10:00:00Z', 'UTC')).toBe(1);
      const asked = await store.asks.create({
        personId: lena.id,
        question: 'Could we talk about your move to Lisbon?',
        direction: 'incoming',
      });
      expect(asked).toMatchObject({ direction: 'incoming', state: 'sent' });

      // A backup written before 014 has no direction: each ask restores as the user's own.
      const backup = await store.exports.json();
      const older = {
        ...backup,
        tables: {
          ...backup.tables,
          ask: (backup.tables.ask ?? []).map(({ direction: _gone, ...row }) => row),
        },
      };
      const copy = await db().newDatabase({ now });
      await copy.imports.contacts(
        new TextEncoder().encode(JSON.stringify(older)),
        'kith-backup.json',
      );
      expect((await copy.asks.list()).map((a) => [a.question, a.direction])).toEqual([
        ['Could we talk about your move to Lisbon?', 'outgoing'],
        ['How did you start?', 'outgoing'],
      ]);
      await copy.close();
      await store.close();
    } finally {
      await cleanup();
    }
  });
});

describeEachDatabase('migration 015 (interactions found by their people)', (_db, dialect) => {
  it('finds every earlier chat by the names of the people in it, as they are stored', async () => {
    const { target, cleanup } = await prepare(dialect);
    const now = () => new Date('2026-11-29T10:00:00Z');
    try {
      const old = await openStore(target, { now, schemaVersion: '014-asks-made-of-you' });
      const hana = await old.people.create({ displayName: 'Hana García' });
      const tom = await old.people.create({ displayName: 'Tom Becker' });
      const chat = (summary: string, participantIds: string[]) =>
        old.interactions.create({
          occurredAt: '2026-10-01',
          kind: 'coffee',
          summary,
          participantIds,
        });
      const taxes = await chat('Coffee about taxes', [hana.id]);
      const pricing = await chat('Lunch about pricing', [tom.id, hana.id]);
      await chat('Walk by the river', [tom.id]);
      await old.close();
      // Renamed behind the index's back (as before 015, when no document held a name): only
      // a document made again from what is stored knows her by her new name.
      await runRaw(target, `UPDATE person SET display_name = $1 WHERE id = $2`, [
        'Hana Kobayashi',
        hana.id,
      ]);

      const store = await openStore(target, { now });
      const found = async (q: string) =>
        (await store.search({ q, in: 'interactions' })).interactions.map((i) => i.summary).sort();
      expect(await found('kobayashi')).toEqual([taxes.summary, pricing.summary].sort());
      expect(await found('Kobayashi taxes')).toEqual([taxes.summary]);
      expect(await found('tom pricing')).toEqual([pricing.summary]);
      expect(await found('garcia')).toEqual([]);
      // Words of the chats themselves are found as before.
      expect(await found('river')).toEqual(['Walk by the river']);
      await store.close();
    } finally {
      await cleanup();
    }
  });
});

describeEachDatabase('migration 016 (people ranked alike)', (db, dialect) => {
  it('finds and ranks earlier people as a database made since would, the trash left out', async () => {
    const now = () => new Date('2026-11-29T10:00:00Z');
    const people = [
      { displayName: 'Anna Berg', notes: 'Met at a design meetup' },
      { displayName: 'Ann Lee', tags: ['design'] },
      { displayName: 'Annika Sjö', title: 'Design lead' },
      { displayName: 'Mia Designer' },
      { displayName: 'Annabel Trash', tags: ['design'] },
    ];
    const fill = async (store: Awaited<ReturnType<typeof openStore>>) => {
      let last = '';
      for (const person of people) last = (await store.people.create(person)).id;
      await store.people.archive(last);
      return last;
    };
    const ranked = async (store: Awaited<ReturnType<typeof openStore>>, q: string) =>
      (await store.search({ q, in: 'people' })).people.map((p) => p.displayName);

    const { target, cleanup } = await prepare(dialect);
    try {
      const old = await openStore(target, {
        now,
        schemaVersion: '015-interactions-found-by-their-people',
      });
      const annabel = await fill(old);
      await old.close();
      const store = await openStore(target, { now });
      const fresh = await db().newStore({ now });
      await fill(fresh);
      for (const q of ['ann', 'design', 'annika', 'lee design']) {
        expect(await ranked(store, q)).toEqual(await ranked(fresh, q));
      }
      expect(await ranked(store, 'ann')).toEqual(['Ann Lee', 'Annika Sjö', 'Anna Berg']);
      expect(await ranked(store, 'design')).toEqual([
        'Ann Lee',
        'Mia Designer',
        'Annika Sjö',
        'Anna Berg',
      ]);
      // Restored from the trash: found again, in its place.
      await store.people.restore(annabel);
      expect(await ranked(store, 'design')).toContain('Annabel Trash');
      await store.close();
    } finally {
      await cleanup();
    }
  });
});

/** The indexes a table has, by name, read straight from the database's catalogue. */
async function indexesOn(target: DatabaseTarget, table: string): Promise<string[]> {
  if (target.kind === 'sqlite') {
    const file = new Database(target.file);
    const rows = file
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?")
      .all(table) as { name: string }[];
    file.close();
    return rows.map((r) => r.name);
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  const result = await client.query<{ indexname: string }>(
    'SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1',
    [table],
  );
  await client.end();
  return result.rows.map((r) => r.indexname);
}

describeEachDatabase(
  'migrations 017 and 018 (asks by direction, people by last contact)',
  (_db, dialect) => {
    it('gives an earlier database the indexes Today and the People list read by, and both stay the same', async () => {
      const now = () => new Date('2026-11-20T10:00:00Z');
      const { target, cleanup } = await prepare(dialect);
      try {
        const old = await openStore(target, { now, schemaVersion: '016-people-ranked-alike' });
        const dana = await old.people.create({ displayName: 'Dana Finch' });
        const lee = await old.people.create({ displayName: 'Lee Park' });
        // Dana gave the user a chat lately (give back); Lee asked the user a question, answered.
        const mine = await old.asks.create({ personId: dana.id, question: 'How did you start?' });
        await old.asks.act(mine.id, { type: 'send', at: '2026-11-02T09:00:00Z' });
        await old.asks.act(mine.id, { type: 'meet', at: '2026-11-10T09:00:00Z' });
        const theirs = await old.asks.create({
          personId: lee.id,
          question: 'How do you price a retainer?',
          direction: 'incoming',
          askedAt: '2026-11-01T16:00:00Z',
        });
        await old.asks.act(theirs.id, { type: 'reply', at: '2026-11-03T09:00:00Z' });
        const list = await old.people.list({ sort: 'last-contact' });
        expect(list.items.map((p) => p.displayName)).toEqual(['Dana Finch', 'Lee Park']);
        expect(await indexesOn(target, 'ask')).not.toContain('ask_by_direction_met');
        expect(await indexesOn(target, 'person')).not.toContain('person_list_by_last_contact');
        await old.close();

        const upgrades: string[][] = [];
        const store = await openStore(target, { now, onUpgrade: (m) => upgrades.push(m) });
        expect(upgrades).toEqual([
          [
            '017-asks-by-direction',
            '018-people-by-last-contact',
            '019-accounts',
            '020-teams',
            '021-thank-yous',
            '022-person-keys',
            '023-person-dates',
          ],
        ]);
        expect(await indexesOn(target, 'ask')).toContain('ask_by_direction_met');
        expect(await indexesOn(target, 'person')).toContain('person_list_by_last_contact');
        // Today read by the new indexes: Dana is owed a thank-you and gave back; Lee's ask,
        // answered, waits on nobody.
        expect(
          (await store.today(now().toISOString(), 'UTC')).items.map((i) => [i.kind, i.reason]),
        ).toEqual([
          ['thank', 'Thank Dana Finch for the chat'],
          [
            'give-back',
            'Dana gave you a chat about “How did you start?” 10 days ago: is there someone Dana would like to meet?',
          ],
        ]);
        expect(await store.people.list({ sort: 'last-contact' })).toEqual(list);
        await store.close();
      } finally {
        await cleanup();
      }
    });
  },
);

describeEachDatabase('migration 019 (accounts)', (_db, dialect) => {
  it('keeps a laptop’s network whole, and gives it to the first account that signs up', async () => {
    const now = () => new Date('2026-12-07T10:00:00Z');
    const { target, cleanup } = await prepare(dialect);
    try {
      const old = await openStore(target, { now, schemaVersion: '018-people-by-last-contact' });
      const dana = await old.people.create({
        displayName: 'Dana Finch',
        emails: ['dana@example.org'],
      });
      // A month-old coffee: no thank-you to work out (021 is not there yet).
      await old.interactions.create({
        kind: 'coffee',
        occurredAt: '2026-11-01',
        participantIds: [dana.id],
        summary: 'Talked about pricing',
      });
      const feed = await old.feed.renew();
      const before = await snapshot(old);
      await old.close();
      const rows = await rowsOf(target);

      const upgrades: string[][] = [];
      const store = await openStore(target, { now, onUpgrade: (m) => upgrades.push(m) });
      expect(upgrades).toEqual([
        ['019-accounts', '020-teams', '021-thank-yous', '022-person-keys', '023-person-dates'],
      ]);
      expect(await snapshot(store)).toEqual(before);
      expect(await store.accounts.count()).toBe(0);
      const owner = await store.accounts.create({
        email: 'me@example.org',
        name: 'Me',
        passwordHash: null,
      });
      expect(owner.role).toBe('owner');
      expect(owner.workspaceId).toBe(store.workspaceId);
      const mine = store.forWorkspace(owner.workspaceId);
      expect(await snapshot(mine)).toEqual(before);
      expect(asBefore(await rowsOf(target), rows)).toEqual(rows);
      expect(await store.accounts.feedWorkspace(feed)).toBe(owner.workspaceId);
      await store.close();
    } finally {
      await cleanup();
    }
  });
});

describeEachDatabase('a received invitation imported before 014', (db) => {
  it('stays the message it was made into, even when a later export changes its text', async () => {
    const store = await db().newStore({ now: () => new Date('2026-11-29T10:00:00Z') });
    const invitations = (message: string) =>
      zipSync({
        'Export/Invitations.csv': utf8(
          'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n' +
            `Sam Ortiz,Alex Doe,"11/12/26, 4:45 PM",${message},INCOMING,https://www.linkedin.com/in/samortiz,https://www.linkedin.com/in/alexdoe\r\n`,
        ),
      });
    await store.imports.contacts(invitations('Hello'), 'export.zip');
    const sam = await store.people.resolve('Sam Ortiz');
    // What Kith before 014 made of it: a message, remembered under the same key.
    const message = await store.interactions.create({
      occurredAt: '2026-11-12T16:45:00Z',
      kind: 'message',
      summary: 'Sam Ortiz invited me to connect on LinkedIn',
      notes: 'Hello',
      participantIds: [sam.id],
    });
    const [ask] = await store.asks.list({ personId: sam.id });
    await store.asks.act(ask?.id ?? '', { type: 'decline' });
    await runRaw(
      db().target,
      `UPDATE import_item SET target_kind = 'interaction', target_id = $1, written_at = $2
       WHERE workspace_id = $3 AND key LIKE 'linkedin-invitation:incoming:%'`,
      [message.id, message.updatedAt, store.workspaceId],
    );
    const before = await snapshot(store);
    const again = await store.imports.contacts(invitations('Hello again'), 'export-2.zip');
    expect(again.activities.counts).toEqual({ new: 0, updated: 0, unchanged: 1, skipped: 0 });
    expect(await snapshot(store)).toEqual(before);
  });
});

describeEachDatabase('migration 021 (thank-yous)', (_db, dialect) => {
  it('keeps every chat and person as they were, owing nothing for earlier chats', async () => {
    const now = () => new Date('2026-12-07T18:00:00Z');
    const { target, cleanup } = await prepare(dialect);
    try {
      const old = await openStore(target, { now, schemaVersion: '020-teams' });
      const dana = await old.people.create({ displayName: 'Dana Finch' });
      const lee = await old.people.create({ displayName: 'Lee Park' });
      // Written as Kith before 021 did: a coffee yesterday (a row with no thank-you column).
      await runRaw(
        target,
        `INSERT INTO interaction (id, workspace_id, occurred_at, kind, summary, notes, created_at, updated_at)
         VALUES ($1, $2, $3, 'coffee', 'Coffee about pricing', NULL, $4, $5)`,
        [
          '01a00000-0000-7000-8000-0000000000c1',
          old.workspaceId,
          ...Array(3).fill('2026-12-06T15:00:00.000Z'),
        ],
      );
      await runRaw(
        target,
        `INSERT INTO interaction_participant (workspace_id, interaction_id, person_id) VALUES ($1, $2, $3)`,
        [old.workspaceId, '01a00000-0000-7000-8000-0000000000c1', dana.id],
      );
      const before = { snapshot: await snapshot(old) };
      await old.close();
      const rows = await rowsOf(target);

      const upgrades: string[][] = [];
      const store = await openStore(target, { now, onUpgrade: (m) => upgrades.push(m) });
      expect(upgrades).toEqual([['021-thank-yous', '022-person-keys', '023-person-dates']]);
      expect(await snapshot(store)).toEqual(before.snapshot);
      expect(asBefore(await rowsOf(target), rows)).toEqual(rows);
      const kinds = async () =>
        (await store.today(now().toISOString(), 'UTC')).items.map((i) => i.kind);
      // The coffee logged before the upgrade owes nothing; one logged after does.
      expect(await kinds()).not.toContain('thank-chat');
      await store.interactions.create({
        kind: 'call',
        occurredAt: '2026-12-07T10:00:00Z',
        participantIds: [lee.id],
        summary: 'Call about hiring',
      });
      expect(await kinds()).toContain('thank-chat');
      expect((await store.people.update(lee.id, { noThankYou: true })).noThankYou).toBe(true);
      expect(await kinds()).not.toContain('thank-chat');
      await store.close();
    } finally {
      await cleanup();
    }
  });
});
