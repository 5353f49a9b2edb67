// SQLite with two connections to the same file: one writes, one only reads. SQLite answers
// synchronously and has one writer, so Kysely's own driver shares a single connection under a
// lock: while an import held its transaction (seconds, for a large export) every other request
// of the server waited for it. In WAL mode a second connection reads the last commit while a
// transaction is open on the first: pages keep loading during an import, showing the network
// as it was until the import commits. Writes still take turns.
import {
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import type SQLite from 'better-sqlite3';
import { KithError } from '../../domain/errors.js';
import { databaseErrorCode } from '../context.js';

/** What the driver needs of a connection: prepared statements (cached by the caller). */
export interface SqliteHandle {
  prepare(sql: string): SQLite.Statement;
  close(): void;
  /** Whether a transaction is open on this connection, however it was begun. */
  readonly inTransaction: boolean;
}

/**
 * How long a write waits for another process that holds the file (a `kith import` run from a
 * terminal while the server runs takes ~10 s for a large export) before it is refused.
 */
export const BUSY_WAIT_MS = 60_000;

/** What the store does around the connections: after each write, and before closing them. */
export interface ConnectionHooks {
  afterWrite(): void;
  beforeClose(): Promise<void>;
  /** Once per write that finds another process writing and waits for it. */
  onBusyWait(): void;
  /** How long such a write waits (BUSY_WAIT_MS). */
  busyWaitMs: number;
}

const NO_HOOKS: ConnectionHooks = {
  afterWrite: () => undefined,
  beforeClose: async () => {},
  onBusyWait: () => undefined,
  busyWaitMs: BUSY_WAIT_MS,
};

/**
 * One at a time: whoever holds it writes. Handed on in the order it was asked for: a waiter
 * woken with all the others to race for it could lose every race while writes keep coming
 * (seen under load: a write waiting 20 s behind later ones).
 */
class WriteLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  get held(): boolean {
    return this.#held;
  }

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    // Handed straight to the next in line: held all along, nobody can slip in between.
    if (next) next();
    else this.#held = false;
  }
}

const isBusy = (error: unknown) => databaseErrorCode(error)?.startsWith('SQLITE_BUSY') === true;

/**
 * Runs `attempt` (the first statement of a write: nothing is done when it finds the file
 * locked) until another process lets go of the file, pausing between tries without holding
 * the thread: SQLite's own busy wait sleeps in the caller, which would freeze the server.
 */
async function whenFileFree<T>(attempt: () => T, hooks: ConnectionHooks): Promise<T> {
  const deadline = performance.now() + hooks.busyWaitMs;
  let told = false;
  for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (performance.now() >= deadline)
        throw new KithError(
          'busy',
          `The database file is busy: another process (a kith import?) has been writing to it for over ${Math.round(hooks.busyWaitMs / 1000)} s. Nothing was changed; try again when it is done.`,
        );
      if (!told) hooks.onBusyWait();
      told = true;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

// Only a plain query reads: a SAVEPOINT or BEGIN also counts as "read-only" to SQLite, and
// PRAGMAs may write.
const QUERY = /^\s*(select|with)\b/i;

function run(statement: SQLite.Statement, parameters: readonly unknown[]): QueryResult<unknown> {
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return {
    numAffectedRows: BigInt(changes),
    insertId: BigInt(lastInsertRowid),
    rows: [],
  };
}

/**
 * What Kysely holds for a query or a transaction. Inside a transaction everything goes to the
 * writer, which the transaction holds; outside one, a query that changes nothing goes to the
 * reader at once, and anything else waits its turn for the writer.
 */
class RoutedConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(
    private readonly writer: SqliteHandle,
    private readonly reader: SqliteHandle | null,
    private readonly lock: WriteLock,
    private readonly hooks: ConnectionHooks,
  ) {}

  /**
   * The reader's statement for `sql`, if it only reads and may read the last commit: not
   * inside a transaction, nor while one begun without Kysely (a migration's SAVEPOINT) is open
   * on the writer with nobody holding the lock — what it wrote is for its own next queries.
   */
  private readerStatement(sql: string): SQLite.Statement | null {
    if (!this.reader || this.inTransaction || !QUERY.test(sql)) return null;
    if (this.writer.inTransaction && !this.lock.held) return null;
    const statement = this.reader.prepare(sql);
    return statement.readonly ? statement : null;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = query;
    const reading = this.readerStatement(sql);
    if (reading) return run(reading, parameters) as QueryResult<R>;
    if (this.inTransaction) return run(this.writer.prepare(sql), parameters) as QueryResult<R>;
    await this.lock.acquire();
    try {
      const statement = this.writer.prepare(sql);
      // A statement of its own (no transaction open): one that finds the file locked did nothing.
      if (this.writer.inTransaction) return run(statement, parameters) as QueryResult<R>;
      return (await whenFileFree(() => run(statement, parameters), this.hooks)) as QueryResult<R>;
    } finally {
      this.lock.release();
      this.hooks.afterWrite();
    }
  }

  /**
   * A stream keeps its statement running between rows, and a connection runs one statement at
   * a time: it holds the writer (the lock) until it ends, as Kysely's own driver does.
   */
  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only SELECT queries');
    const own = !this.inTransaction;
    if (own) await this.lock.acquire();
    try {
      const statement = this.writer.prepare(query.sql);
      for (const row of statement.iterate(query.parameters)) yield { rows: [row as R] };
    } finally {
      if (own) this.lock.release();
    }
  }

  /**
   * A transaction takes the file's write lock as it begins (IMMEDIATE), waiting for another
   * process's to end: begun as a reader it could read, then find the file taken when it first
   * writes, and fail halfway (at once, or with a snapshot that another commit made stale).
   */
  async begin(): Promise<void> {
    await this.lock.acquire();
    try {
      const begin = this.writer.prepare('begin immediate');
      await whenFileFree(() => begin.run(), this.hooks);
      this.inTransaction = true;
    } catch (error) {
      this.lock.release();
      throw error;
    }
  }

  /** A failed commit leaves the transaction open for Kysely's rollback. */
  async commit(): Promise<void> {
    this.writer.prepare('commit').run();
    this.end();
    this.hooks.afterWrite();
  }

  async rollback(): Promise<void> {
    try {
      this.writer.prepare('rollback').run();
    } finally {
      this.end();
    }
  }

  end(): void {
    if (!this.inTransaction) return;
    this.inTransaction = false;
    this.lock.release();
  }
}

class TwoConnectionDriver implements Driver {
  private readonly lock = new WriteLock();

  constructor(
    private readonly writer: SqliteHandle,
    private readonly reader: SqliteHandle | null,
    private readonly hooks: ConnectionHooks,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this.writer, this.reader, this.lock, this.hooks);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutedConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutedConnection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutedConnection).rollback();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // A transaction Kysely neither committed nor rolled back must not keep the lock.
    const routed = connection as RoutedConnection;
    if (routed.inTransaction) await routed.rollback();
  }

  async destroy(): Promise<void> {
    await this.hooks.beforeClose();
    // The writer last: the last connection to close checkpoints what is left and removes the log.
    this.reader?.close();
    this.writer.close();
  }
}

/**
 * SQLite as Kysely's own dialect speaks it (its compiler, adapter and introspector), with a
 * writer and, for a file (an in-memory database cannot be shared), a reader.
 */
export class TwoConnectionSqliteDialect implements Dialect {
  private readonly hooks: ConnectionHooks;

  constructor(
    private readonly writer: SqliteHandle,
    private readonly reader: SqliteHandle | null,
    hooks: Partial<ConnectionHooks> = {},
  ) {
    this.hooks = { ...NO_HOOKS, ...hooks };
  }

  createDriver(): Driver {
    return new TwoConnectionDriver(this.writer, this.reader, this.hooks);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
