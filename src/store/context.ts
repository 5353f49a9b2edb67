// What every repository function needs: the database (or the open transaction), the
// dialect's search index, the workspace it is bound to, and the clock.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { KithError } from '../domain/errors.js';
import { isId, isShortId } from '../domain/ids.js';
import type { RowWriter } from './dialect/row-writer.js';
import type { SearchIndex } from './dialect/search-index.js';
import type { Database } from './schema.js';

export interface StoreContext {
  db: Kysely<Database>;
  search: SearchIndex;
  /** Appends many rows at once, the fastest way the dialect has (imports, bulk loads). */
  rows: RowWriter;
  workspaceId: string;
  now: () => Date;
}

/** What reading and writing rows needs, without the search index or the clock (migrations). */
export type DbContext = Pick<StoreContext, 'db' | 'workspaceId'>;

/**
 * Rows whose `column` is the id a user gave: the full id, or the short one lists show (its
 * last 8 hex digits: the random end of a UUIDv7); null for anything else, which matches
 * nothing — the text is never made a LIKE pattern of the caller's ("%" would match any row).
 */
export function givenId(column: string, id: string): RawBuilder<SqlBool> | null {
  const wanted = id.trim().toLowerCase();
  if (isId(wanted)) return sql<SqlBool>`${sql.ref(column)} = ${wanted}`;
  if (isShortId(wanted)) return sql<SqlBool>`${sql.ref(column)} like ${`%${wanted}`}`;
  return null;
}

/** Run `work` in one transaction: it all happens, or none of it does. */
export async function inTransaction<T>(
  ctx: StoreContext,
  work: (tx: StoreContext) => Promise<T>,
): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  try {
    return await ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));
  } catch (error) {
    // A change checked against what it read, then refused by a unique key: another server
    // made the same one in between (PostgreSQL; SQLite's writers take turns from the start).
    if (isUniqueViolation(error))
      throw new KithError(
        'conflict',
        'Someone made the same change at the same moment (the same name, most likely); nothing was changed. Reload and try again.',
      );
    throw error;
  }
}

/** The database's own code for an error (SQLite's `SQLITE_BUSY`, PostgreSQL's `23505`…). */
export function databaseErrorCode(error: unknown): string | undefined {
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
}

function isUniqueViolation(error: unknown): boolean {
  const code = databaseErrorCode(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * `inTransaction` for the large changes to a workspace — imports and their undo, merges, bulk
 * loads, restores — which take turns: each plans from what it reads, and two planned from the
 * same state would both add the same people (two app servers importing one export at once).
 * SQLite has one writer, and every transaction begins holding it (dialect/sqlite-connections);
 * PostgreSQL, shared by many app servers, gets a lock per workspace held until the
 * transaction ends, taken before anything is read.
 */
export function inLargeChange<T>(
  ctx: StoreContext,
  work: (tx: StoreContext) => Promise<T>,
): Promise<T> {
  return inTurn(ctx, LARGE_CHANGE_LOCK, work);
}

/**
 * A transaction that takes turns with others of the same kind in the workspace: on PostgreSQL
 * a lock per (kind, workspace) held until it ends, taken before anything is read, so each sees
 * what the one before committed (SQLite's writers take turns already).
 */
export function inTurn<T>(
  ctx: StoreContext,
  kind: number,
  work: (tx: StoreContext) => Promise<T>,
): Promise<T> {
  return inTransaction(ctx, async (tx) => {
    if (tx.search.dialect === 'postgres')
      await sql`SELECT pg_advisory_xact_lock(${kind}, ${lockKeyOf(tx.workspaceId)})`.execute(tx.db);
    return work(tx);
  });
}

/** The kind of turn Today's moving on of overdue asks takes ("Asks" in ASCII). */
export const ASK_MOVES_LOCK = 0x41736b73;

/** The first half of the lock's two-number key: Kith's large changes ("Kith" in ASCII). */
const LARGE_CHANGE_LOCK = 0x4b697468;

/** The workspace's half: a 32-bit FNV-1a hash of its id (two sharing one only wait longer). */
function lockKeyOf(workspaceId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < workspaceId.length; i++) {
    hash ^= workspaceId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * One turn of the event loop. SQLite answers synchronously, so a long write (an import, a bulk
 * load) would otherwise hold the whole process until its commit: its progress would reach a
 * browser all at once at the end, and the server would answer nobody meanwhile. Called between
 * batches (and by the row writer every 50 ms); other writes still wait for the transaction,
 * reads and everything else get through (see dialect/sqlite-connections.ts).
 */
export const letOthersRun = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `items` grouped by `key`, each group's values in the items' order (one pass, not one per key). */
export function groupBy<T, V>(
  items: readonly T[],
  key: (item: T) => string,
  value: (item: T) => V,
): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(value(item));
    else groups.set(key(item), [value(item)]);
  }
  return groups;
}

/** Rows per multi-row INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.floor(30_000 / columns));
}
