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

/** What the driver needs of a connection: prepared statements (cached by the caller). */
export interface SqliteHandle {
  prepare(sql: string): SQLite.Statement;
  close(): void;
  /** Whether a transaction is open on this connection, however it was begun. */
  readonly inTransaction: boolean;
}

/** What the store does around the connections: after each write, and before closing them. */
export interface ConnectionHooks {
  afterWrite(): void;
  beforeClose(): Promise<void>;
}

const NO_HOOKS: ConnectionHooks = { afterWrite: () => undefined, beforeClose: async () => {} };

/** One at a time: whoever holds it writes. */
class WriteLock {
  #held: Promise<void> | null = null;
  #release: (() => void) | null = null;

  get held(): boolean {
    return this.#held !== null;
  }

  async acquire(): Promise<void> {
    while (this.#held) await this.#held;
    this.#held = new Promise((resolve) => {
      this.#release = resolve;
    });
  }

  release(): void {
    const release = this.#release;
    this.#held = null;
    this.#release = null;
    release?.();
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
      return run(this.writer.prepare(sql), parameters) as QueryResult<R>;
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

  async begin(): Promise<void> {
    await this.lock.acquire();
    try {
      this.writer.prepare('begin').run();
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
  constructor(
    private readonly writer: SqliteHandle,
    private readonly reader: SqliteHandle | null,
    private readonly hooks: ConnectionHooks = NO_HOOKS,
  ) {}

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
