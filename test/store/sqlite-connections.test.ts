// The SQLite dialect's two connections: what goes to the reader, what waits for the writer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  TwoConnectionSqliteDialect,
  type SqliteHandle,
} from '../../src/store/dialect/sqlite-connections.js';

interface Tables {
  note: { id: number; text: string };
}

let dir: string;
let db: Kysely<Tables>;
/** Statements each connection was asked to prepare. */
const prepared = { writer: [] as string[], reader: [] as string[] };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kith-connections-'));
  const file = join(dir, 'two.db');
  const writer = new SQLite(file);
  writer.pragma('journal_mode = WAL');
  const reader = new SQLite(file);
  reader.pragma('query_only = ON');
  prepared.writer = [];
  prepared.reader = [];
  /** The connection, noting each statement it is asked to prepare. */
  const spy = (database: SQLite.Database, log: string[]): SqliteHandle => ({
    prepare: (text) => {
      log.push(text);
      return database.prepare(text);
    },
    close: () => database.close(),
    get inTransaction() {
      return database.inTransaction;
    },
  });
  db = new Kysely<Tables>({
    dialect: new TwoConnectionSqliteDialect(
      spy(writer, prepared.writer),
      spy(reader, prepared.reader),
    ),
  });
  await sql`CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`.execute(db);
  await db.insertInto('note').values({ id: 1, text: 'committed' }).execute();
});

afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const texts = async () =>
  (await db.selectFrom('note').select('text').orderBy('id').execute()).map((r) => r.text);

it('reads the last commit at once while a transaction is open; a write waits for it', async () => {
  const events: string[] = [];
  let resume: () => void = () => undefined;
  const paused = new Promise<void>((resolve) => {
    resume = resolve;
  });
  const transaction = db.transaction().execute(async (tx) => {
    await tx.insertInto('note').values({ id: 2, text: 'in the transaction' }).execute();
    // Inside it, its own rows are seen.
    events.push(`inside: ${(await tx.selectFrom('note').select('id').execute()).length}`);
    await paused;
    events.push('committing');
  });
  await new Promise((resolve) => setImmediate(resolve));
  events.push(`outside: ${(await texts()).join(', ')}`);
  const write = db
    .insertInto('note')
    .values({ id: 3, text: 'after' })
    .execute()
    .then(() => events.push('written'));
  await new Promise((resolve) => setImmediate(resolve));
  events.push('resuming');
  resume();
  await Promise.all([transaction, write]);
  expect(events).toEqual(['inside: 2', 'outside: committed', 'resuming', 'committing', 'written']);
  expect(await texts()).toEqual(['committed', 'in the transaction', 'after']);
  expect(prepared.reader.some((s) => /^select/i.test(s))).toBe(true);
  expect(prepared.writer.filter((s) => /^insert/i.test(s))).toHaveLength(3);
});

it('keeps a rolled-back transaction from anyone, and frees the writer after it', async () => {
  await expect(
    db.transaction().execute(async (tx) => {
      await tx.insertInto('note').values({ id: 2, text: 'taken back' }).execute();
      throw new Error('no');
    }),
  ).rejects.toThrow('no');
  await db.insertInto('note').values({ id: 3, text: 'next' }).execute();
  expect(await texts()).toEqual(['committed', 'next']);
});

it('reads on the writer inside a transaction begun without Kysely (a savepoint)', async () => {
  await sql`SAVEPOINT migrating`.execute(db);
  await db.insertInto('note').values({ id: 2, text: 'not yet released' }).execute();
  const before = prepared.reader.length;
  expect(await texts()).toEqual(['committed', 'not yet released']);
  expect(prepared.reader).toHaveLength(before);
  await sql`RELEASE migrating`.execute(db);
});

it('streams rows, holding the writer until the stream ends', async () => {
  await db
    .insertInto('note')
    .values([
      { id: 2, text: 'two' },
      { id: 3, text: 'three' },
    ])
    .execute();
  const seen: string[] = [];
  const events: string[] = [];
  for await (const row of db.selectFrom('note').select('text').orderBy('id').stream()) {
    seen.push(row.text);
    if (seen.length === 1) {
      // A write asked for in the middle of the stream goes after it.
      void db
        .insertInto('note')
        .values({ id: 4, text: 'four' })
        .execute()
        .then(() => events.push('written'));
      await new Promise((resolve) => setImmediate(resolve));
      events.push('streaming');
    }
  }
  events.push('streamed');
  await new Promise((resolve) => setImmediate(resolve));
  expect(seen).toEqual(['committed', 'two', 'three']);
  expect(events).toEqual(['streaming', 'streamed', 'written']);
});
