// What every repository function needs: the database (or the open transaction), the
// dialect's search index, the workspace it is bound to, and the clock.
import type { Kysely } from 'kysely';
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

/** Run `work` in one transaction: it all happens, or none of it does. */
export async function inTransaction<T>(
  ctx: StoreContext,
  work: (tx: StoreContext) => Promise<T>,
): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));
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

/** Rows per multi-row INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.floor(30_000 / columns));
}
