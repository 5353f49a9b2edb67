// #25.16: a person who asks to be forgotten is. A marker is written into every field and
// every side table reachable for one person — imported from a vCard (with its original text
// and photo), edited, in chats, asks, tasks, ties, introductions and a merge — then the
// person is erased, and the marker is nowhere: not in the SQLite file (its words not in the
// search index either), not in any table on PostgreSQL. What others share stays theirs.
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect, it } from 'vitest';
import type { DatabaseTarget } from '../../src/config.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase, prepare } from '../support/databases.js';

const MARKER = 'qzxmarker';
const now = () => new Date('2026-12-07T18:00:00Z');

// A card with the marker everywhere a card can hold it, a mis-decoded title Kith repairs (the
// original is kept with the import), and a photo whose bytes carry the marker too.
const photo = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from(`${MARKER}-photo-bytes`),
]).toString('base64');
const card = (title: string) =>
  [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:Zed Qzxmarker`,
    `N:Qzxmarker;Zed;;;`,
    `UID:urn:uuid:${MARKER}-card-1`,
    `EMAIL:zed.${MARKER}@example.org`,
    'TEL:+1 555 0199 7788',
    `ORG:${MARKER} Holdings`,
    `TITLE:${title}`,
    `NOTE:Met at the ${MARKER} meetup`,
    `URL:https://${MARKER}.example.org`,
    `X-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/${MARKER}`,
    `PHOTO;ENCODING=b;TYPE=JPEG:${photo}`,
    'END:VCARD',
    '',
  ].join('\r\n');

/** Where the marker is: the tables holding it (PostgreSQL), or the file's bytes (SQLite). */
async function whereIsTheMarker(target: DatabaseTarget): Promise<string[]> {
  if (target.kind === 'sqlite') {
    const found: string[] = [];
    for (const file of [target.file, `${target.file}-wal`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file).toString('latin1').toLowerCase();
      if (bytes.includes(MARKER)) found.push(file.endsWith('-wal') ? 'the log' : 'the file');
      if (bytes.includes(photo.toLowerCase())) found.push('the photo');
    }
    // FTS5 stores its words prefix-compressed: asked by its own vocabulary, not by bytes.
    const db = new Database(target.file, { readonly: true });
    try {
      for (const table of ['person_fts', 'person_name_fts', 'interaction_fts']) {
        db.exec(
          `CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_${table} USING fts5vocab(main, ${table}, 'row')`,
        );
        const words = db
          .prepare(`SELECT count(*) AS n FROM temp.v_${table} WHERE term LIKE '%${MARKER}%'`)
          .get() as { n: number };
        if (words.n > 0) found.push(table);
      }
    } finally {
      db.close();
    }
    return found;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const found: string[] = [];
    for (const { name } of tables.rows) {
      const hit = await client.query(
        `SELECT 1 FROM "${name}" t WHERE lower(t::text) LIKE $1 OR t::text LIKE $2 LIMIT 1`,
        [`%${MARKER}%`, `%${photo}%`],
      );
      if (hit.rowCount) found.push(name);
    }
    return found;
  } finally {
    await client.end();
  }
}

/** Everything a user can write about one person, each with the marker. */
async function writeEverywhere(store: Store) {
  const first = await store.imports.contacts(
    new TextEncoder().encode(card(`Head of ${MARKER} CafÃ©`)),
    'zed.vcf',
    { keepPhotos: true },
  );
  const zed = first.rows[0]?.personId ?? '';
  // Imported again, changed: the import keeps what it replaced.
  await store.imports.contacts(
    new TextEncoder().encode(card(`Chief ${MARKER} officer`)),
    'zed.vcf',
  );
  await store.people.update(zed, {
    unit: `${MARKER} unit`,
    location: `${MARKER} town`,
    howWeMet: `At ${MARKER} school`,
    metOn: '2020-01-01',
    tags: [`${MARKER}-tag`],
    roles: ['mentor'],
    notes: `Likes ${MARKER} tea`,
    phones: ['+1 555 0199 7788'],
  });
  const lee = await store.people.create({ displayName: 'Lee Park' });
  const twin = await store.people.create({
    displayName: `Zed ${MARKER} (work)`,
    emails: [`zed.work.${MARKER}@example.org`],
  });
  await store.merges.merge(zed, twin.id);
  await store.merges.dismiss(zed, lee.id);
  await store.interactions.create({
    kind: 'coffee',
    occurredAt: '2026-12-06T10:00:00Z',
    summary: `Coffee about ${MARKER}`,
    notes: `${MARKER} notes`,
    insights: [`${MARKER} insight`],
    participantIds: [zed],
  });
  const shared = await store.interactions.create({
    kind: 'meeting',
    occurredAt: '2026-12-05T10:00:00Z',
    summary: 'Team lunch',
    participantIds: [zed, lee.id],
  });
  const ask = await store.asks.create({ personId: zed, question: `How did ${MARKER} start?` });
  await store.asks.act(ask.id, { type: 'send', at: '2026-12-01T09:00:00Z' });
  await store.asks.act(ask.id, { type: 'meet' });
  await store.tasks.create({
    title: `Send ${MARKER} the deck`,
    dueOn: '2026-12-10',
    personId: zed,
  });
  await store.knows.record({ personA: zed, personB: lee.id, context: `${MARKER} college` });
  await store.introductions.propose({
    personA: zed,
    personB: lee.id,
    reason: `Both into ${MARKER}`,
  });
  return { zed, lee: lee.id, shared: shared.id };
}

describeEachDatabase('erasing a person', (_db, dialect) => {
  it('leaves the marker nowhere, and the others’ shared chat without them', async () => {
    const { target, cleanup } = await prepare(dialect);
    try {
      const store = await openStore(target, { now });
      const { zed, lee, shared } = await writeEverywhere(store);
      const before = await whereIsTheMarker(target);
      // The check finds what it looks for: before, the marker is all over.
      expect(before.length).toBeGreaterThan(dialect === 'sqlite' ? 2 : 12);
      if (dialect === 'postgres')
        expect(before).toEqual(
          expect.arrayContaining([
            'person',
            'person_key',
            'person_contact',
            'person_photo',
            'import_source',
            'import_change',
            'person_merge',
            'interaction',
            'insight',
            'ask',
            'task',
            'knows',
            'introduction',
          ]),
        );

      await expect(store.people.erase(zed, {})).rejects.toThrow(/confirm: must be true/);
      const done = await store.people.erase(zed, { confirm: true });
      expect(done).toEqual({ people: 1, chats: 2, sharedChats: 1, asks: 1 });
      expect(await whereIsTheMarker(target)).toEqual([]);

      // Lee and the lunch stay, without Zed; nothing points at an erased row.
      expect((await store.interactions.get(shared)).participants.map((p) => p.id)).toEqual([lee]);
      await expect(store.people.get(zed)).rejects.toThrow(/No person matches/);
      expect((await store.search({ q: MARKER })).people).toEqual([]);
      expect((await store.organizations.list()).map((o) => o.name)).toEqual([]);
      expect(await store.knows.of(lee)).toEqual([]);
      expect(await store.introductions.list()).toEqual([]);
      expect(await store.tasks.list({ done: true })).toEqual([]);
      expect(await store.asks.list()).toEqual([]);
      const backup = JSON.stringify(await store.exports.json());
      expect(backup.toLowerCase()).not.toContain(MARKER);
      expect(backup).toContain('Lee Park');
      await store.close();
    } finally {
      await cleanup();
    }
  });

  it('empties the trash, and only the trash', async () => {
    const { target, cleanup } = await prepare(dialect);
    try {
      const store = await openStore(target, { now });
      const kept = await store.people.create({ displayName: 'Ada Kept', tags: ['shared'] });
      const gone = await store.people.create({
        displayName: `Bo ${MARKER}`,
        tags: ['shared', `${MARKER}-only`],
      });
      await store.people.archive(gone.id);
      await expect(store.people.emptyTrash({ confirm: 'yes' })).rejects.toThrow(/confirm/);
      expect(await store.people.emptyTrash({ confirm: true })).toEqual({
        people: 1,
        chats: 0,
        sharedChats: 0,
        asks: 0,
      });
      expect(await whereIsTheMarker(target)).toEqual([]);
      expect((await store.people.get(kept.id)).tags).toEqual(['shared']);
      expect((await store.people.list({ archived: 'true' })).items).toEqual([]);
      expect(await store.people.emptyTrash({ confirm: true })).toMatchObject({ people: 0 });
      await store.close();
    } finally {
      await cleanup();
    }
  });
});
