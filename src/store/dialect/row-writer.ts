// Appending many rows at once, the other place where SQLite and PostgreSQL differ. Imports and
// bulk loads write hundreds of thousands of rows in one transaction:
// - SQLite runs in this process, so a prepared one-row INSERT costs about a microsecond a row;
//   building and compiling a query per batch (Kysely) costs more than SQLite's own work;
// - PostgreSQL pays a round trip per statement and a bind per parameter, so rows go as one
//   array per column, thousands of rows per statement.
import { sql, type Insertable, type Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import { letOthersRun } from '../context.js';
import type { Database, SqliteSearchTables } from '../schema.js';

/** The tables rows are appended to: the schema's, and SQLite's full-text tables. */
type Tables = Database & SqliteSearchTables;
export type TableName = keyof Tables & string;

/** What a row that meets an existing one does: nothing, or replace some of its columns. */
export interface OnConflict<T extends TableName> {
  columns: readonly (keyof Tables[T] & string)[];
  update: readonly (keyof Tables[T] & string)[];
}

export interface RowWriter {
  /**
   * Inserts `rows` (each with the same columns) into `table`, inside the caller's transaction
   * when there is one (`db` is that transaction).
   */
  insert<T extends TableName>(
    db: Kysely<Database>,
    table: T,
    rows: readonly Insertable<Tables[T]>[],
    onConflict?: OnConflict<T>,
  ): Promise<void>;
  /**
   * Sets columns of many rows, each found by its `key` column: every row holds the key's
   * value and the same columns to set.
   */
  update<T extends TableName>(
    db: Kysely<Database>,
    table: T,
    key: keyof Tables[T] & string,
    rows: readonly Partial<Tables[T]>[],
  ): Promise<void>;
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** The same clause on both databases. */
function conflictClause(
  onConflict: { columns: readonly string[]; update: readonly string[] } | undefined,
): string {
  if (!onConflict) return '';
  const target = `ON CONFLICT (${quoted(onConflict.columns)})`;
  if (onConflict.update.length === 0) return ` ${target} DO NOTHING`;
  const set = onConflict.update.map((c) => `"${c}" = excluded."${c}"`).join(', ');
  return ` ${target} DO UPDATE SET ${set}`;
}

const columnsOf = (row: object) => Object.keys(row).sort();

/** Rows per statement on PostgreSQL: large enough to pay few round trips, small enough to stream. */
const ROWS_PER_UNNEST = 10_000;

/**
 * PostgreSQL: one array per column, unnested into rows by the server. A statement has as
 * many parameters as the table has columns, however many rows it carries: binding tens of
 * thousands of parameters, as multi-row VALUES do, cost more than the rows themselves.
 * Each column's array is cast to the column's own type, read once per table.
 */
export function unnestRowWriter(): RowWriter {
  const types = new Map<string, Map<string, string>>();
  const typesOf = async (db: Kysely<Database>, table: string) => {
    let columns = types.get(table);
    if (!columns) {
      const result = await sql<{ name: string; type: string }>`
        SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
        FROM pg_attribute a
        WHERE a.attrelid = to_regclass(${`"${table}"`}) AND a.attnum > 0 AND NOT a.attisdropped`.execute(
        db,
      );
      columns = new Map(result.rows.map((r) => [r.name, r.type]));
      types.set(table, columns);
    }
    return columns;
  };
  /** Each column of `rows`, ROWS_PER_UNNEST rows at a time, as arrays cast to its type. */
  async function* arraysOf(
    db: Kysely<Database>,
    table: string,
    columns: string[],
    rows: readonly object[],
  ) {
    const typeOf = await typesOf(db, table);
    const casts = columns.map((c) => {
      const type = typeOf.get(c);
      if (!type) throw new Error(`${table} has no column ${c}`);
      return sql.raw(`${type}[]`);
    });
    for (let i = 0; i < rows.length; i += ROWS_PER_UNNEST) {
      const part = rows.slice(i, i + ROWS_PER_UNNEST) as readonly Record<string, unknown>[];
      yield columns.map((c, k) => {
        const values = part.map((row) => row[c]);
        if (values.includes(undefined)) throw new Error(`${table}: a row has no ${c}`);
        return sql`${values}::${casts[k]}`;
      });
    }
  }
  return {
    async insert(db, table, rows, onConflict) {
      const first = rows[0];
      if (!first) return;
      const columns = columnsOf(first);
      for await (const arrays of arraysOf(db, table, columns, rows)) {
        await sql`INSERT INTO ${sql.table(table)} (${sql.raw(quoted(columns))})
          SELECT * FROM unnest(${sql.join(arrays)})${sql.raw(conflictClause(onConflict))}`.execute(
          db,
        );
      }
    },
    async update(db, table, key, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = [key, ...columnsOf(first).filter((c) => c !== key)];
      if (columns.length < 2) throw new Error(`${table}: an update with nothing to set`);
      const set = columns
        .slice(1)
        .map((c) => `"${c}" = u."${c}"`)
        .join(', ');
      for await (const arrays of arraysOf(db, table, columns, rows)) {
        await sql`UPDATE ${sql.table(table)} SET ${sql.raw(set)}
          FROM unnest(${sql.join(arrays)}) AS u (${sql.raw(quoted(columns))})
          WHERE ${sql.table(table)}.${sql.raw(`"${key}"`)} = u.${sql.raw(`"${key}"`)}`.execute(db);
      }
    },
  };
}

/**
 * One prepared statement per table and column list, run once per row on the open connection
 * (the same one Kysely's transaction holds: SQLite has one writer). Values by position (a
 * quarter faster than by name); a row without one of the first row's columns is refused.
 */
export function preparedRowWriter(database: SQLite.Database): RowWriter {
  const statements = new Map<string, SQLite.Statement>();
  /**
   * SQLite writes synchronously: a large import's rows would hold the event loop for seconds.
   * After this long without a turn, the next call ends with one (see letOthersRun).
   */
  const TURN_EVERY_MS = 50;
  let lastTurn = performance.now();
  const turnIfDue = async () => {
    if (performance.now() - lastTurn < TURN_EVERY_MS) return;
    await letOthersRun();
    lastTurn = performance.now();
  };
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = database.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  /**
   * Runs `statement` once per row with the row's `columns` in order. All the rows or none, as
   * one statement would be: inside the caller's transaction (the usual case) its rollback
   * covers them; no savepoint there, since opening one makes FTS5 write out the rows it
   * gathers in memory.
   */
  const runEach = (
    statement: SQLite.Statement,
    table: string,
    columns: string[],
    rows: readonly object[],
  ) => {
    const values: unknown[] = new Array(columns.length);
    const write = () => {
      for (const row of rows as readonly Record<string, unknown>[]) {
        for (let i = 0; i < columns.length; i++) {
          const value = row[columns[i] ?? ''];
          if (value === undefined) throw new Error(`${table}: a row has no ${columns[i]}`);
          values[i] = value;
        }
        statement.run(values);
      }
    };
    if (database.inTransaction) write();
    else database.transaction(write)();
  };
  return {
    async insert(_db, table, rows, onConflict) {
      const first = rows[0];
      if (!first) return;
      const columns = columnsOf(first);
      const places = columns.map(() => '?').join(', ');
      const conflict = conflictClause(onConflict);
      const statement = prepared(
        `INSERT INTO "${table}" (${quoted(columns)}) VALUES (${places})${conflict}`,
      );
      runEach(statement, table, columns, rows);
      await turnIfDue();
    },
    async update(_db, table, key, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = [...columnsOf(first).filter((c) => c !== key), key];
      if (columns.length < 2) throw new Error(`${table}: an update with nothing to set`);
      const set = columns
        .slice(0, -1)
        .map((c) => `"${c}" = ?`)
        .join(', ');
      const statement = prepared(`UPDATE "${table}" SET ${set} WHERE "${key}" = ?`);
      runEach(statement, table, columns, rows);
      await turnIfDue();
    },
  };
}
