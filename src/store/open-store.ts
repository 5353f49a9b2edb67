// Opens the database named by the configuration: an embedded SQLite file (the default) or a
// PostgreSQL server. Runs the migrations, makes sure the workspace exists, returns a Store.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.js';
import { newId } from '../domain/ids.js';
import { databaseErrorCode } from './context.js';
import { preparedRowWriter, unnestRowWriter } from './dialect/row-writer.js';
import { postgresSearch } from './dialect/postgres-search.js';
import { sqliteSearch } from './dialect/sqlite-search.js';
import { TwoConnectionSqliteDialect, type SqliteHandle } from './dialect/sqlite-connections.js';
import { BackgroundCheckpoints } from './dialect/sqlite-checkpoints.js';
import { migrateToLatest } from './migrations/index.js';
import type { Database } from './schema.js';
import { Store } from './store.js';

export interface OpenOptions {
  /** Which workspace to bind to; created on first use. Local mode has one: "default". */
  workspace?: string;
  /** The clock, injectable for tests. */
  now?: () => Date;
  /**
   * Stop after this migration instead of the latest: tests fill a database as an earlier
   * version left it, then open it again to see a later migration keep everything.
   */
  schemaVersion?: string;
  /**
   * Called before migrations run on a database that already holds data from an earlier
   * version, with their names: some take a while on a large database, once.
   */
  onUpgrade?: (migrations: string[]) => void;
  /**
   * SQLite: called when a write has to wait for another process writing to the same file (a
   * `kith import` in a terminal while the server runs), once per such write.
   */
  onBusyWait?: () => void;
  /** SQLite: how long such a write waits before it is refused (default one minute). */
  busyWaitMs?: number;
}

export async function openStore(target: DatabaseTarget, options: OpenOptions = {}): Promise<Store> {
  const { db, search, rows } =
    target.kind === 'sqlite' ? openSqlite(target.file, options) : openPostgres(target.url);
  try {
    const schema =
      target.kind === 'postgres'
        ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]
            ?.schema
        : undefined;
    await migrateToLatest(db as Kysely<unknown>, search, schema, options.schemaVersion, {
      onUpgrade: options.onUpgrade,
    });
    const workspaceId = await ensureWorkspace(db, options.workspace ?? 'default');
    return new Store({ db, search, rows, workspaceId, now: options.now ?? (() => new Date()) });
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

function openSqlite(file: string, options: Pick<OpenOptions, 'onBusyWait' | 'busyWaitMs'>) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  // Never wait on the thread: a write that finds another process writing waits in
  // whenFileFree (dialect/sqlite-connections.ts), telling the user, without freezing the server.
  database.pragma('busy_timeout = 0');
  // WAL lets the server read while the CLI writes; foreign keys are off by default in SQLite.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  // Deleted content is overwritten, not left in free space: a person erased for good is gone
  // from the file too (store/erase.ts).
  database.pragma('secure_delete = ON');
  refreshStatistics(database);
  // A file's log is copied into it on a thread of its own (dialect/sqlite-checkpoints.ts).
  const checkpoints = file === ':memory:' ? null : new BackgroundCheckpoints(file);
  if (checkpoints) BackgroundCheckpoints.configure(database);
  const db = new Kysely<Database>({
    dialect: new TwoConnectionSqliteDialect(
      withStatementCache(database),
      file === ':memory:' ? null : withStatementCache(openReader(file)),
      {
        ...(checkpoints
          ? { afterWrite: () => checkpoints.afterWrite(), beforeClose: () => checkpoints.close() }
          : {}),
        ...(options.onBusyWait ? { onBusyWait: options.onBusyWait } : {}),
        ...(options.busyWaitMs !== undefined ? { busyWaitMs: options.busyWaitMs } : {}),
      },
    ),
  });
  const rows = preparedRowWriter(database);
  return { db, search: sqliteSearch(rows, database), rows };
}

/**
 * Keeps the planner's statistics fresh as the network grows (SQLite's advice for each open).
 * It may write; when another process is writing, it is left for the next open rather than
 * waited for.
 */
function refreshStatistics(database: SQLite.Database) {
  try {
    database.pragma('optimize = 0x10002');
  } catch (error) {
    if (!databaseErrorCode(error)?.startsWith('SQLITE_BUSY')) throw error;
  }
}

/** A second connection that only reads: it sees the last commit while the writer is busy. */
function openReader(file: string): SQLite.Database {
  const reader = new SQLite(file);
  reader.pragma('query_only = ON');
  reader.pragma('busy_timeout = 5000');
  return reader;
}

/**
 * Kysely prepares every query anew; compiling the SQL costs more than running a small query.
 * Keeping the most recent prepared statements roughly halves the time of a search.
 */
function withStatementCache(database: SQLite.Database, size = 300): SqliteHandle {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    get inTransaction() {
      return database.inTransaction;
    },
    prepare(query: string) {
      const cached = cache.get(query);
      if (cached) {
        cache.delete(query);
        cache.set(query, cached);
        return cached;
      }
      const statement = database.prepare(query);
      cache.set(query, statement);
      if (cache.size > size) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      return statement;
    },
  };
}

function openPostgres(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, search: postgresSearch, rows: unnestRowWriter() };
}

/** The workspace's id; it is made on first use only, so opening an existing one writes nothing. */
async function ensureWorkspace(db: Kysely<Database>, slug: string): Promise<string> {
  const find = () =>
    db.selectFrom('workspace').select('id').where('slug', '=', slug).executeTakeFirst();
  const found = await find();
  if (found) return found.id;
  await db
    .insertInto('workspace')
    .values({ id: newId(), slug, name: slug, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  const made = await find();
  if (!made) throw new Error(`the workspace "${slug}" could not be made`);
  return made.id;
}
