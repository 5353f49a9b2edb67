// Runs a store test suite on every database: a temporary SQLite file and PostgreSQL (the server
// the global setup gives: KITH_TEST_PG, or an embedded one). Each test file gets its own
// PostgreSQL schema; each test gets its own workspace, so tests never see each other's rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { DatabaseTarget } from '../../src/config.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/** The PostgreSQL server of this run (test/support/postgres-server.ts). */
export const pgUrl = inject('pgUrl');

export type Dialect = 'sqlite' | 'postgres';

export interface TestDatabase {
  target: DatabaseTarget;
  /** A store bound to a new, empty workspace. */
  newStore(options?: { now?: () => Date }): Promise<Store>;
  /** A store on a database of its own, as on another machine (restoring a backup). */
  newDatabase(options?: { now?: () => Date }): Promise<Store>;
}

const random = () => Math.random().toString(36).slice(2, 10);

/** An empty database of its own (a SQLite file, or a PostgreSQL schema), and its removal. */
export async function prepare(
  dialect: Dialect,
): Promise<{ target: DatabaseTarget; cleanup: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kith-test-'));
    return {
      target: { kind: 'sqlite', file: join(dir, 'kith.db') },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `kith_test_${random()}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    target: { kind: 'postgres', url: url.toString() },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** describe() once per database; `db()` gives the database of the running suite. */
export function describeEachDatabase(
  title: string,
  suite: (db: () => TestDatabase, dialect: Dialect) => void,
) {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    describe(`${title} [${dialect}]`, () => {
      let current: TestDatabase | undefined;
      const cleanups: (() => Promise<void>)[] = [];
      const stores: Store[] = [];
      beforeAll(async () => {
        const prepared = await prepare(dialect);
        cleanups.push(prepared.cleanup);
        current = {
          target: prepared.target,
          newStore: async (options = {}) => {
            const store = await openStore(prepared.target, {
              workspace: `w-${random()}`,
              ...options,
            });
            stores.push(store);
            return store;
          },
          newDatabase: async (options = {}) => {
            const other = await prepare(dialect);
            cleanups.push(other.cleanup);
            const store = await openStore(other.target, { workspace: 'default', ...options });
            stores.push(store);
            return store;
          },
        };
      });
      afterAll(async () => {
        await Promise.all(stores.map((s) => s.close()));
        for (const cleanup of cleanups) await cleanup();
      });
      suite(() => {
        if (!current) throw new Error('the test database is not ready');
        return current;
      }, dialect);
    });
  }
}

/** Everything a workspace holds, read through the store: to prove bad input changed nothing. */
export async function snapshot(store: Store): Promise<unknown> {
  const live = await store.people.list({ limit: 1000, sort: 'recent' });
  const trash = await store.people.list({ limit: 1000, sort: 'recent', archived: 'true' });
  const interactions = await store.interactions.list({ limit: 1000 });
  return {
    counts: await store.counts(),
    people: [...live.items, ...trash.items],
    organizations: await store.organizations.list(),
    interactions: interactions.items,
    asks: await store.asks.list({ limit: 1000 }),
    campaigns: await store.campaigns.list(),
    tasks: await store.tasks.list({ done: true }),
    settings: await store.settings.get(),
  };
}
