// Import benchmark (issue #6): a generated LinkedIn export — the .zip, with a Connections.csv
// of 30,000 rows and a messages.csv of 200,000 messages — imported into an empty workspace on
// SQLite and PostgreSQL; then the same export again (nothing changes); compared with writing
// the same rows as plain prepared INSERTs in one transaction (people, their emails, and the
// messages as rows; no search index, no matching, no grouping): the floor an import could reach;
// on SQLite also that floor with the messages in a full-text index, and the time to read the
// file without writing anything.
//
//   npm run bench:import                        # builds, then both databases, 30,000 + 200,000
//   npm run bench:import -- --db sqlite --rows 10000 --messages 0 --runs 1
//
// On SQLite the first import is made `--runs` times (3), each into a new database and each
// followed by the floors it is compared with; times are medians, ratios medians of each run's.
//
// PostgreSQL: KITH_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test), schema
// kith_bench_import_<rows>, dropped and made again.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { readContactsFile } from '../src/domain/import/read-file.js';
import { searchDocument } from '../src/domain/text.js';
import type * as OpenStoreModule from '../src/store/open-store.js';
import { linkedinExport } from './linkedin-export.js';
import { benchTarget } from './support.js';

// The built store, as `kith import` runs it: run from source, the thread that reads messages.csv
// would first have to load a TypeScript compiler, which no user's import does.
const { openStore } = (await import(
  pathToFileURL(resolve('dist/store/open-store.js')).href
)) as typeof OpenStoreModule;

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    rows: { type: 'string', default: '30000' },
    messages: { type: 'string', default: '200000' },
    dir: { type: 'string', default: '.bench' },
    runs: { type: 'string', default: '3' },
  },
});
const rows = Number(values.rows);
const messageCount = Number(values.messages);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * The floor: the same people and emails as prepared INSERTs in one transaction. `searchable`
 * (SQLite): the messages also go into an FTS5 index made as Kith makes its own, the least an
 * import that finds conversations by their words must write.
 */
async function plainInserts(
  kind: 'sqlite' | 'postgres',
  n: number,
  m: number,
  searchable = false,
): Promise<number> {
  const messages = Array.from({ length: m }, (_, i) => ({
    id: `m${i}`,
    conversation: `conv${Math.floor(i / 10)}`,
    at: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
    content: `Message ${i}: thanks for the chat about careers, data and how you got there.`,
  }));
  const people = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    name: `Given${i} Family${i}`,
    email: i % 3 === 0 ? `person${i}@example.com` : null,
  }));
  if (kind === 'sqlite') {
    const file = join(values.dir, `import-plain-${n}${searchable ? '-fts' : ''}.db`);
    rmSync(file, { force: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // As Kith's own connection: the log is copied into the file after the commit, not in it.
    db.pragma('wal_autocheckpoint = 0');
    db.exec(
      'CREATE TABLE person (id TEXT PRIMARY KEY, name TEXT NOT NULL, linkedin TEXT, organization TEXT, title TEXT)',
    );
    db.exec('CREATE TABLE contact (person_id TEXT NOT NULL, value TEXT NOT NULL)');
    db.exec(
      'CREATE TABLE message (id TEXT PRIMARY KEY, conversation TEXT, person_id TEXT, at TEXT, content TEXT)',
    );
    if (searchable)
      db.exec(`CREATE VIRTUAL TABLE message_fts USING fts5(content, content = '',
        tokenize = 'ascii', prefix = '2 3', detail = none)`);
    const start = performance.now();
    const person = db.prepare('INSERT INTO person VALUES (?, ?, ?, ?, ?)');
    const contact = db.prepare('INSERT INTO contact VALUES (?, ?)');
    const message = db.prepare('INSERT INTO message VALUES (?, ?, ?, ?, ?)');
    const words = searchable
      ? db.prepare('INSERT INTO message_fts (rowid, content) VALUES (?, ?)')
      : null;
    db.transaction(() => {
      for (const p of people) {
        person.run(p.id, p.name, `https://www.linkedin.com/in/${p.id}`, 'Company', 'Role');
        if (p.email) contact.run(p.id, p.email);
      }
      messages.forEach((x, i) => {
        message.run(x.id, x.conversation, `p${i % n}`, x.at, x.content);
        words?.run(i + 1, x.content);
      });
    })();
    const ms = performance.now() - start;
    db.close();
    return ms;
  }
  const base = process.env.KITH_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(
    'DROP TABLE IF EXISTS kith_bench_plain_person, kith_bench_plain_contact, kith_bench_plain_message',
  );
  await client.query(
    'CREATE TABLE kith_bench_plain_message (id TEXT PRIMARY KEY, conversation TEXT, person_id TEXT, at TEXT, content TEXT)',
  );
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
  for (const [i, x] of messages.entries()) {
    await client.query({
      name: 'message',
      text: 'INSERT INTO kith_bench_plain_message VALUES ($1, $2, $3, $4, $5)',
      values: [x.id, x.conversation, `p${i % n}`, x.at, x.content],
    });
  }
  await client.query('COMMIT');
  const ms = performance.now() - start;
  await client.query(
    'DROP TABLE kith_bench_plain_person, kith_bench_plain_contact, kith_bench_plain_message',
  );
  await client.end();
  return ms;
}

/** Every row of a SQLite database, table by table, parents before the tables that refer to them. */
interface DatabaseRows {
  tables: { name: string; columns: string[]; rows: unknown[][] }[];
}

/**
 * The rows an import left in a SQLite file (read right after it), to be written again with
 * plain prepared statements. Full-text tables are written as Kith writes them: the people's
 * with their stored text; the interactions' (contentless) with the folded text of each
 * interaction, made here, before any timing.
 */
function rowsOf(file: string): DatabaseRows {
  const db = new Database(file, { readonly: true });
  const all = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string; sql: string }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const isShadow = (name: string) =>
    virtual.some((v) => name.startsWith(`${v}_`) && name !== `${v}_key`);
  const names = all
    .map((t) => t.name)
    .filter((n) => !n.startsWith('sqlite_') && !n.startsWith('kysely_') && !isShadow(n));
  // Parents first, as foreign keys require.
  const parents = new Map(
    names.map((n) => [
      n,
      (db.prepare(`PRAGMA foreign_key_list("${n}")`).all() as { table: string }[])
        .map((f) => f.table)
        .filter((t) => t !== n),
    ]),
  );
  const ordered: string[] = [];
  const visit = (n: string) => {
    if (ordered.includes(n)) return;
    for (const p of parents.get(n) ?? []) visit(p);
    ordered.push(n);
  };
  names.forEach(visit);
  const tables = ordered.map((name) => {
    if (name === 'interaction_fts') {
      const rows = db
        .prepare(
          `SELECT k.fts_rowid, i.id, i.workspace_id, i.summary, i.notes FROM interaction i
           JOIN interaction_fts_key k ON k.entity_id = i.id ORDER BY k.fts_rowid`,
        )
        .raw()
        .all() as [number, string, string, string, string | null][];
      return {
        name,
        columns: ['rowid', 'entity_id', 'workspace_id', 'summary', 'notes', 'insights'],
        rows: rows.map(([rowid, id, ws, summary, notes]) => [
          rowid,
          id,
          ws,
          searchDocument(summary),
          searchDocument(notes),
          '',
        ]),
      };
    }
    const select = db.prepare(
      virtual.includes(name) ? `SELECT rowid, * FROM "${name}"` : `SELECT * FROM "${name}"`,
    );
    const columns = select.columns().map((c) => c.name);
    return { name, columns, rows: select.raw().all() as unknown[][] };
  });
  db.close();
  return { tables };
}

/** The same rows into an empty Kith database (its schema, indexes and full-text tables). */
async function replayRows(data: DatabaseRows): Promise<number> {
  const target = await benchTarget('sqlite', `import-${rows}-replay`, { dir: values.dir });
  await (await openStore(target)).close();
  if (target.kind !== 'sqlite') throw new Error('unreachable');
  const db = new Database(target.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  // The new database's own first rows (its workspace, settings) make way for the import's.
  for (const { name } of [...data.tables].reverse()) db.exec(`DELETE FROM "${name}"`);
  db.pragma('foreign_keys = ON');
  const start = performance.now();
  db.transaction(() => {
    for (const table of data.tables) {
      if (table.rows.length === 0) continue;
      const insert = db.prepare(
        `INSERT INTO "${table.name}" (${table.columns.map((c) => `"${c}"`).join(', ')})
         VALUES (${table.columns.map(() => '?').join(', ')})`,
      );
      for (const row of table.rows) insert.run(row);
    }
  })();
  const ms = performance.now() - start;
  db.close();
  return ms;
}

/** The middle value (the lower of the two middle ones for an even count). */
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

/**
 * One first import into an empty database; on SQLite, right after it and on the same machine
 * state, the floors it is compared with (this machine's speed drifts by a fifth within an
 * hour, so each import is compared with floors measured beside it).
 */
async function firstImport(kind: 'sqlite' | 'postgres', bytes: Uint8Array, run: number) {
  const target = await benchTarget(kind, `import-${rows}`, { dir: values.dir });
  const store = await openStore(target);
  const start = performance.now();
  const report = await store.imports.contacts(bytes, 'export.zip');
  const ms = performance.now() - start;
  // Closing waits for the log's copy into the file (on its own thread, after the import has
  // answered), so that it does not run beside the floors below.
  await store.close();
  let replay: { ms: number; rows: number; tables: number } | null = null;
  if (target.kind === 'sqlite') {
    // The database as the import left it, kept aside; its rows are written again below.
    const snapshot = join(values.dir, `import-${rows}-after-first.db`);
    rmSync(snapshot, { force: true });
    const copy = new Database(target.file, { readonly: true });
    copy.exec(`VACUUM INTO '${snapshot}'`);
    copy.close();
    const written = rowsOf(snapshot);
    replay = {
      ms: await replayRows(written),
      rows: written.tables.reduce((n, t) => n + t.rows.length, 0),
      tables: written.tables.filter((t) => t.rows.length).length,
    };
  }
  const bare = await plainInserts(kind, rows, messageCount);
  const searchable = kind === 'sqlite' ? await plainInserts(kind, rows, messageCount, true) : null;
  const ratio = (floor: number | null) => (floor === null ? '' : `${(ms / floor).toFixed(1)}×`);
  console.log(
    `  run ${run}: first import ${seconds(ms)}; bare tables ${seconds(bare)} (${ratio(bare)})` +
      (searchable === null ? '' : `; + full-text ${seconds(searchable)} (${ratio(searchable)})`) +
      (replay === null ? '' : `; the import's rows ${seconds(replay.ms)} (${ratio(replay.ms)})`),
  );
  return { target, report, ms, bare, searchable, replay };
}

async function bench(kind: 'sqlite' | 'postgres', bytes: Uint8Array): Promise<void> {
  console.log(`\n${kind}:`);
  // PostgreSQL has no goal of its own here and its bare floor takes half a minute: once.
  const runs = kind === 'sqlite' ? Number(values.runs) : 1;
  const measured: Awaited<ReturnType<typeof firstImport>>[] = [];
  for (let run = 1; run <= runs; run++) {
    measured.push(await firstImport(kind, bytes, run));
  }
  const last = measured.at(-1);
  if (!last) throw new Error('--runs: at least 1');
  const { report: first } = last;
  const store = await openStore(last.target);
  let start = performance.now();
  const again = await store.imports.contacts(bytes, 'export.zip');
  const againMs = performance.now() - start;
  // One person edited: the export is read and planned again in full (and still changes nothing).
  const someone = first.rows[0]?.personId ?? '';
  await store.people.update(someone, { notes: 'Edited after the import.' });
  start = performance.now();
  const reread = await store.imports.contacts(bytes, 'export.zip');
  const rereadMs = performance.now() - start;
  // The kernel's high-water mark for the process (sampling RSS on a timer misses the peaks:
  // an import holds the thread for seconds at a time).
  const peak = process.resourceUsage().maxRSS * 1024;
  await store.close();
  // Reading alone: the .zip unpacked, parsed, repaired and checked; nothing written.
  start = performance.now();
  readContactsFile(bytes, 'export.zip', { now: new Date() });
  const readMs = performance.now() - start;
  const firstMs = median(measured.map((m) => m.ms));
  /** The median of each run's import time over the floor measured beside it. */
  const ratio = (floor: (m: (typeof measured)[number]) => number | null) => {
    const ratios = measured.flatMap((m) => {
      const f = floor(m);
      return f === null ? [] : [m.ms / f];
    });
    return `${median(ratios).toFixed(1)}× (runs: ${ratios.map((r) => r.toFixed(1)).join(', ')})`;
  };
  console.log(
    `  first import      ${seconds(firstMs)} median of ${measured.length}  (${first.counts.new} new people, ${first.rows.filter((r) => r.repaired.length).length} rows repaired; ${first.activities.counts.new} conversations-days)`,
  );
  console.log(
    `  same file again   ${seconds(againMs)}  (${again.counts.unchanged} unchanged, ${again.counts.new} new; conversations ${again.activities.counts.unchanged} unchanged, ${again.activities.counts.new} new)`,
  );
  console.log(
    `  again, one edit   ${seconds(rereadMs)}  (read in full: ${reread.counts.unchanged} unchanged, ${reread.counts.new + reread.counts.updated} written; conversations ${reread.activities.counts.unchanged} unchanged)`,
  );
  console.log(
    `  plain INSERTs     ${seconds(median(measured.map((m) => m.bare)))}  → the import takes ${ratio((m) => m.bare)} as long`,
  );
  if (kind === 'sqlite') {
    console.log(
      `  plain INSERTs + full-text index of the messages  ${seconds(median(measured.map((m) => m.searchable ?? NaN)))}  → the import takes ${ratio((m) => m.searchable)} as long`,
    );
    console.log(
      `  the rows the import wrote (${last.replay?.rows} in ${last.replay?.tables} tables), as plain INSERTs into Kith's schema  ${seconds(median(measured.map((m) => m.replay?.ms ?? NaN)))}  → the import takes ${ratio((m) => m.replay?.ms ?? null)} as long`,
    );
  }
  console.log(`  reading alone     ${seconds(readMs)}  (nothing written, one thread)`);
  console.log(
    `  peak memory       ${mb(peak)}  (the process's highest RSS so far: generating the export, the runs above)`,
  );
}

const bytes = linkedinExport(rows, messageCount);
console.log(
  `Kith import benchmark: a LinkedIn export (.zip, ${mb(bytes.length)}) of ${rows} connections and ${messageCount} messages, node ${process.version}, ${new Date().toISOString()}`,
);
for (const kind of values.db === 'both' ? (['sqlite', 'postgres'] as const) : [values.db]) {
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error('--db: sqlite, postgres or both');
  await bench(kind, bytes);
}
