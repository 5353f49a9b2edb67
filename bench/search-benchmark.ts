// Search benchmark (issue #2): fills a SQLite workspace with the demo generator (100k people,
// 1M interactions by default), then measures person search and interaction search through the
// store — median and p95 — against a naive LIKE '%term%' scan of the same rows.
//
//   npm run bench                                   # 100k people, 10 interactions each
//   npm run bench -- --people 10000 --per-person 10  # a quicker run
//   npm run bench -- --reuse                        # keep the database a previous run filled
//
// The LIKE baseline is the only SQL outside src/store: it is what Kith is compared against,
// not part of Kith.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { generateNetwork } from '../src/demo/generate-network.js';
import { searchTerms } from '../src/domain/text.js';
import { preparedRowWriter } from '../src/store/dialect/row-writer.js';
import { sqliteSearch } from '../src/store/dialect/sqlite-search.js';
import { openStore } from '../src/store/open-store.js';
import type { Database } from '../src/store/schema.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    'per-person': { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '100' },
    'like-runs': { type: 'string', default: '5' },
    dir: { type: 'string', default: '.bench' },
    reuse: { type: 'boolean', default: false },
  },
});
const people = Number(values.people);
const perPerson = Number(values['per-person']);
const runs = Number(values.runs);
const likeRuns = Number(values['like-runs']);

type Kind = 'people' | 'interactions';
const QUERIES: Record<Kind, string[]> = {
  people: [
    'finance',
    'fin',
    'jose',
    'garcia',
    'tax advisor',
    'lisbon',
    'independent consulting',
    'zoe muller',
    'ka',
    'mentor',
  ],
  interactions: [
    'coffee',
    'tax',
    'buffer',
    'pricing project',
    'independent',
    'quarterly prepayments',
    'warm introduction',
    'mortgages',
    'sp',
    'negotiate scope',
  ],
};

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const sortNumbers = (list: number[]) => list.sort((a, b) => a - b);

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function repeat(n: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) times.push(await time(fn));
  return sortNumbers(times);
}

mkdirSync(values.dir, { recursive: true });
const file = join(values.dir, `bench-${people}-${perPerson}.db`);
const reuse = values.reuse && existsSync(file);
if (!reuse) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

console.log(
  `Kith search benchmark: ${people} people, ${people * perPerson} interactions, SQLite ${file}`,
);
console.log(`node ${process.version}, ${new Date().toISOString()}`);

const store = await openStore({ kind: 'sqlite', file });

// Generate and load inside a function, so the million generated objects can be collected
// before searches are timed (a server does not carry them around either).
async function fill() {
  const genStart = Date.now();
  const network = generateNetwork({
    size: people,
    seed: Number(values.seed),
    interactionsPerPerson: perPerson,
    today: new Date(),
  });
  const genMs = Date.now() - genStart;
  const loadStart = Date.now();
  const loaded = await store.bulkLoad(network, (phase, done, total) => {
    if (done === total || done % 100_000 < 2000)
      process.stderr.write(`\r  ${phase} ${done}/${total}   `);
  });
  const loadMs = Date.now() - loadStart;
  process.stderr.write('\n');
  const perSecond = Math.round((loaded.people + loaded.interactions) / (loadMs / 1000));
  console.log(
    `\nGenerate: ${(genMs / 1000).toFixed(1)} s; bulk load (one transaction, with search index): ${(loadMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `  ${loaded.people} people, ${loaded.interactions} interactions, ${loaded.insights} insights; ${perSecond} people+interactions/s`,
  );
}

if (reuse) console.log(`\nReusing ${file}: ${JSON.stringify(await store.counts())}`);
else await fill();
(globalThis as { gc?: () => void }).gc?.();

const raw = new SQLite(file, { readonly: true });
const like: Record<Kind, SQLite.Statement> = {
  people: raw.prepare(`
    SELECT p.id FROM person p LEFT JOIN organization o ON o.id = p.organization_id
    WHERE p.archived_at IS NULL AND (p.display_name LIKE @t OR p.title LIKE @t OR p.unit LIKE @t
      OR p.location LIKE @t OR p.notes LIKE @t OR o.name LIKE @t
      OR EXISTS (SELECT 1 FROM person_tag pt JOIN tag ON tag.id = pt.tag_id WHERE pt.person_id = p.id AND tag.name LIKE @t))
    ORDER BY p.name_key LIMIT 20`),
  interactions: raw.prepare(`
    SELECT i.id FROM interaction i
    WHERE i.summary LIKE @t OR i.notes LIKE @t
      OR EXISTS (SELECT 1 FROM insight s WHERE s.interaction_id = i.id AND s.text LIKE @t)
    ORDER BY i.occurred_at DESC LIMIT 20`),
};

// The index alone (ids, as the LIKE baseline returns), through the store's own dialect code.
const indexDb = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
const index = sqliteSearch(preparedRowWriter(raw), raw);
const indexOnly = (kind: Kind, q: string) =>
  kind === 'people'
    ? index.searchPeople(indexDb, store.workspaceId, searchTerms(q), 20)
    : index.searchInteractions(indexDb, store.workspaceId, searchTerms(q), 20);

async function measure(kind: Kind) {
  const all = { search: [] as number[], index: [] as number[], like: [] as number[] };
  const rows: string[] = [];
  for (const q of QUERIES[kind]) {
    const first = await store.search({ q, in: kind }); // warm up
    const hits = kind === 'people' ? first.people.length : first.interactions.length;
    const search = await repeat(runs, () => store.search({ q, in: kind }));
    const index = await repeat(runs, () => indexOnly(kind, q));
    // The naive scan looks for the whole text as one substring, as a LIKE search would.
    const likeTimes = await repeat(likeRuns, () => like[kind].all({ t: `%${q}%` }));
    all.search.push(...search);
    all.index.push(...index);
    all.like.push(...likeTimes);
    rows.push(
      `| ${q} | ${hits} | ${ms(quantile(search, 0.5))} | ${ms(quantile(search, 0.95))} | ${ms(quantile(index, 0.5))} | ${ms(quantile(likeTimes, 0.5))} |`,
    );
  }
  const [search, index, likeAll] = [
    sortNumbers(all.search),
    sortNumbers(all.index),
    sortNumbers(all.like),
  ];
  console.log(`\n### ${kind} search (${runs} runs per query; LIKE scan ${likeRuns} runs)\n`);
  console.log(
    '| query | hits | search median | search p95 | index only, median | LIKE scan, median |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(
    `\nAll ${kind} queries: search (index + loading the hits) median ${ms(quantile(search, 0.5))}, p95 ${ms(quantile(search, 0.95))}; ` +
      `index only median ${ms(quantile(index, 0.5))}, p95 ${ms(quantile(index, 0.95))}; ` +
      `LIKE scan median ${ms(quantile(likeAll, 0.5))}, p95 ${ms(quantile(likeAll, 0.95))}.`,
  );
  console.log(
    `LIKE scan / search: ${(quantile(likeAll, 0.5) / quantile(search, 0.5)).toFixed(0)}x; ` +
      `LIKE scan / index only (both return ids): ${(quantile(likeAll, 0.5) / quantile(index, 0.5)).toFixed(0)}x`,
  );
}

await measure('people');
await measure('interactions');
await indexDb.destroy();
await store.close();
