// After a large import the planner's statistics describe the network as it now is: every table
// the import wrote is analyzed (a server whose autovacuum lags planned searches for the empty
// network: 174 ms a search on PostgreSQL instead of 21).
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect, it } from 'vitest';
import type { DatabaseTarget } from '../../src/config.js';
import { describeEachDatabase } from '../support/databases.js';

const connections = (n: number) =>
  new TextEncoder().encode(
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
      Array.from(
        { length: n },
        (_, i) =>
          `Given${i},Family${i},https://www.linkedin.com/in/stats-${i},stats${i}@example.com,Org ${i % 50},Role,04 Sep 2023`,
      ).join('\r\n'),
  );

/** How many rows the planner believes each table holds. */
async function plannerRows(
  target: DatabaseTarget,
  tables: string[],
): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  if (target.kind === 'sqlite') {
    const file = new Database(target.file, { readonly: true });
    try {
      const hasStats = file
        .prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        .get();
      for (const table of tables) {
        const stat = hasStats
          ? (file
              .prepare('SELECT stat FROM sqlite_stat1 WHERE tbl = ? ORDER BY stat DESC')
              .get(table) as { stat: string } | undefined)
          : undefined;
        rows[table] = Number(stat?.stat.split(' ')[0] ?? 0);
      }
    } finally {
      file.close();
    }
    return rows;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const result = await client.query<{ relname: string; reltuples: number }>(
      `SELECT relname, reltuples FROM pg_class
        WHERE relnamespace = current_schema()::regnamespace AND relname = ANY($1)`,
      [tables],
    );
    for (const r of result.rows) rows[r.relname] = Number(r.reltuples);
  } finally {
    await client.end();
  }
  return rows;
}

describeEachDatabase('statistics after a large import', (db, dialect) => {
  it('are read again for every table the import wrote', async () => {
    const store = await db().newStore();
    const tables = ['person', 'person_contact', 'organization', 'import_change', 'import_source'];
    const before = await plannerRows(db().target, tables);
    const report = await store.imports.contacts(connections(1500), 'Connections.csv');
    expect(report.counts.new).toBe(1500);
    const after = await plannerRows(db().target, tables);
    for (const table of ['person', 'person_contact', 'import_change', 'import_source'])
      expect(after[table], `${table} (before: ${before[table]})`).toBeGreaterThanOrEqual(1500);
    expect(after.organization).toBeGreaterThanOrEqual(50);
    if (dialect === 'postgres') {
      const search = await plannerRows(db().target, ['person_search']);
      expect(search.person_search).toBeGreaterThanOrEqual(1500);
    }
  });
});
