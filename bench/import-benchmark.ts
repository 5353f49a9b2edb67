// Import benchmark (issue #6, connections only so far — LinkedIn messages are not imported
// yet): a generated LinkedIn Connections.csv of 30,000 rows imported into an empty workspace
// on SQLite and PostgreSQL; then the same file again (nothing changes); compared with writing
// the same people as plain prepared INSERTs in one transaction (person rows and their emails,
// no search index, no matching): the floor an import could reach.
//
//   npm run bench:import                        # both databases, 30,000 connections
//   npm run bench:import -- --db sqlite --rows 10000
//
// PostgreSQL: KITH_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test), schema
// kith_bench_import_<rows>, dropped and made again.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../src/store/open-store.js';
import { benchTarget } from './support.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    rows: { type: 'string', default: '30000' },
    dir: { type: 'string', default: '.bench' },
  },
});
const rows = Number(values.rows);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A LinkedIn export as LinkedIn writes it: preamble, CRLF, some emails, some mojibake. */
function connectionsCsv(n: number): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < n; i += 1) {
    const family = i % 97 === 0 ? `CuriÃ©${i}` : `Family${i}`;
    const email = i % 3 === 0 ? `person${i}@example.com` : '';
    const date = `${String((i % 28) + 1).padStart(2, '0')} ${MONTHS[i % 12]} ${2015 + (i % 10)}`;
    lines.push(
      `Given${i},${family},https://www.linkedin.com/in/person-${i},${email},"Company ${i % 800}, Inc",Role ${i % 60},${date}`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The floor: the same people and emails as prepared INSERTs in one transaction. */
async function plainInserts(kind: 'sqlite' | 'postgres', n: number): Promise<number> {
  const people = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    name: `Given${i} Family${i}`,
    email: i % 3 === 0 ? `person${i}@example.com` : null,
  }));
  if (kind === 'sqlite') {
    const file = join(values.dir, `import-plain-${n}.db`);
    rmSync(file, { force: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(
      'CREATE TABLE person (id TEXT PRIMARY KEY, name TEXT NOT NULL, linkedin TEXT, organization TEXT, title TEXT)',
    );
    db.exec('CREATE TABLE contact (person_id TEXT NOT NULL, value TEXT NOT NULL)');
    const start = performance.now();
    const person = db.prepare('INSERT INTO person VALUES (?, ?, ?, ?, ?)');
    const contact = db.prepare('INSERT INTO contact VALUES (?, ?)');
    db.transaction(() => {
      for (const p of people) {
        person.run(p.id, p.name, `https://www.linkedin.com/in/${p.id}`, 'Company', 'Role');
        if (p.email) contact.run(p.id, p.email);
      }
    })();
    const ms = performance.now() - start;
    db.close();
    return ms;
  }
  const base = process.env.KITH_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query('DROP TABLE IF EXISTS kith_bench_plain_person, kith_bench_plain_contact');
  await client.query(
    'CREATE TABLE kith_bench_plain_person (id TEXT PRIMARY KEY, name TEXT NOT NULL, linkedin TEXT, organization TEXT, title TEXT)',
  );
  await client.query(
    'CREATE TABLE kith_bench_plain_contact (person_id TEXT NOT NULL, value TEXT NOT NULL)',
  );
  const start = performance.now();
  await client.query('BEGIN');
  for (const p of people) {
    await client.query({
      name: 'person',
      text: 'INSERT INTO kith_bench_plain_person VALUES ($1, $2, $3, $4, $5)',
      values: [p.id, p.name, `https://www.linkedin.com/in/${p.id}`, 'Company', 'Role'],
    });
    if (p.email)
      await client.query({
        name: 'contact',
        text: 'INSERT INTO kith_bench_plain_contact VALUES ($1, $2)',
        values: [p.id, p.email],
      });
  }
  await client.query('COMMIT');
  const ms = performance.now() - start;
  await client.query('DROP TABLE kith_bench_plain_person, kith_bench_plain_contact');
  await client.end();
  return ms;
}

async function bench(kind: 'sqlite' | 'postgres', bytes: Uint8Array): Promise<void> {
  const store = await openStore(await benchTarget(kind, `import-${rows}`, { dir: values.dir }));
  let peak = process.memoryUsage().rss;
  const watch = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  let start = performance.now();
  const first = await store.imports.contacts(bytes, 'Connections.csv');
  const firstMs = performance.now() - start;
  start = performance.now();
  const again = await store.imports.contacts(bytes, 'Connections.csv');
  const againMs = performance.now() - start;
  clearInterval(watch);
  await store.close();
  const floor = await plainInserts(kind, rows);
  console.log(`\n${kind}:`);
  console.log(
    `  first import      ${seconds(firstMs)}  (${first.counts.new} new, ${first.rows.filter((r) => r.repaired.length).length} rows repaired)`,
  );
  console.log(
    `  same file again   ${seconds(againMs)}  (${again.counts.unchanged} unchanged, ${again.counts.new} new)`,
  );
  console.log(
    `  plain INSERTs     ${seconds(floor)}  → the import takes ${(firstMs / floor).toFixed(1)}× as long`,
  );
  console.log(`  peak memory (RSS) ${mb(peak)}`);
}

const bytes = new TextEncoder().encode(connectionsCsv(rows));
console.log(
  `Kith import benchmark: a LinkedIn Connections.csv of ${rows} rows (${mb(bytes.length)}), node ${process.version}, ${new Date().toISOString()}`,
);
for (const kind of values.db === 'both' ? (['sqlite', 'postgres'] as const) : [values.db]) {
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error('--db: sqlite, postgres or both');
  await bench(kind, bytes);
}
