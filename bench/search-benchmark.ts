// Search benchmark (issue #2): fills a workspace with the demo generator (100k people,
// 1M interactions by default), then measures person search and interaction search through the
// store — median and p95 — against a naive LIKE '%term%' scan of the same rows.
//
//   npm run bench                                   # 100k people, 10 interactions each
//   npm run bench -- --people 10000 --per-person 10  # a quicker run
//   npm run bench -- --reuse                        # keep the database a previous run filled
//   npm run bench -- --db postgres                  # the same on PostgreSQL (KITH_BENCH_PG)
//
// The LIKE baseline is the only SQL outside src/store: it is what Kith is compared against,
// not part of Kith.
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { generateNetwork } from '../src/demo/generate-network.js';
import { searchTerms } from '../src/domain/text.js';
import { postgresSearch } from '../src/store/dialect/postgres-search.js';
import { preparedRowWriter } from '../src/store/dialect/row-writer.js';
import { sqliteSearch } from '../src/store/dialect/sqlite-search.js';
import { openStore } from '../src/store/open-store.js';
import { searchInteractions, searchPeople } from '../src/store/search-ranking.js';
import type { Database } from '../src/store/schema.js';
import { benchTarget } from './support.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    'per-person': { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '100' },
    'like-runs': { type: 'string', default: '5' },
    dir: { type: 'string', default: '.bench' },
    reuse: { type: 'boolean', default: false },
    db: { type: 'string', default: 'sqlite' },
  },
});
if (values.db !== 'sqlite' && values.db !== 'postgres') throw new Error('--db: sqlite or postgres');
const kind = values.db;
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
    // Rare: in nobody's name or notes (a typo, a name not in the network).
    'kobayashi',
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
    'kobayashi',
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

const target = await benchTarget(kind, `bench-${people}-${perPerson}`, {
  dir: values.dir,
  reuse: values.reuse,
});
console.log(
  `Kith search benchmark: ${people} people, ${people * perPerson} interactions, ` +
    (target.kind === 'sqlite' ? `SQLite ${target.file}` : 'PostgreSQL'),
);
console.log(`node ${process.version}, ${new Date().toISOString()}`);

const store = await openStore(target);
// Reused only when a previous run filled it (a new file or schema is empty).
const reuse = values.reuse && (await store.counts()).interactions > 0;

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

if (reuse) console.log(`\nReusing it: ${JSON.stringify(await store.counts())}`);
else await fill();
(globalThis as { gc?: () => void }).gc?.();

// SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE is the same scan.
const LIKE_SQL: Record<Kind, (like: string) => string> = {
  people: (like) => `
    SELECT p.id FROM person p LEFT JOIN organization o ON o.id = p.organization_id
    WHERE p.archived_at IS NULL AND (p.display_name ${like} $t OR p.title ${like} $t
      OR p.unit ${like} $t OR p.location ${like} $t OR p.notes ${like} $t OR o.name ${like} $t
      OR EXISTS (SELECT 1 FROM person_tag pt JOIN tag ON tag.id = pt.tag_id
        WHERE pt.person_id = p.id AND tag.name ${like} $t))
    ORDER BY p.name_key LIMIT 20`,
  interactions: (like) => `
    SELECT i.id FROM interaction i
    WHERE i.summary ${like} $t OR i.notes ${like} $t
      OR EXISTS (SELECT 1 FROM insight s WHERE s.interaction_id = i.id AND s.text ${like} $t)
    ORDER BY i.occurred_at DESC LIMIT 20`,
};

// The LIKE scan and the index alone (ids, as the LIKE baseline returns; through the store's
// own dialect code), on a connection of their own.
const { indexDb, index, likeScan, closeRaw } = (() => {
  if (target.kind === 'sqlite') {
    const raw = new SQLite(target.file, { readonly: true });
    const like = {
      people: raw.prepare(LIKE_SQL.people('LIKE').replaceAll('$t', '@t')),
      interactions: raw.prepare(LIKE_SQL.interactions('LIKE').replaceAll('$t', '@t')),
    };
    return {
      indexDb: new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) }),
      index: sqliteSearch(preparedRowWriter(raw), raw),
      likeScan: (k: Kind, t: string) => like[k].all({ t }),
      closeRaw: () => raw.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 1 });
  return {
    indexDb: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    index: postgresSearch,
    likeScan: (k: Kind, t: string) => pool.query(LIKE_SQL[k]('ILIKE').replaceAll('$t', '$1'), [t]),
    closeRaw: () => undefined,
  };
})();
const indexCtx = { db: indexDb, search: index, workspaceId: store.workspaceId };
const indexOnly = (kind: Kind, q: string) =>
  kind === 'people'
    ? searchPeople(indexCtx, searchTerms(q), 20)
    : searchInteractions(indexCtx, searchTerms(q), 20);

async function measure(kind: Kind) {
  const all = { search: [] as number[], index: [] as number[], like: [] as number[] };
  const rows: string[] = [];
  for (const q of QUERIES[kind]) {
    const first = await store.search({ q, in: kind }); // warm up
    const hits = kind === 'people' ? first.people.length : first.interactions.length;
    const search = await repeat(runs, () => store.search({ q, in: kind }));
    const index = await repeat(runs, () => indexOnly(kind, q));
    // The naive scan looks for the whole text as one substring, as a LIKE search would.
    const likeTimes = await repeat(likeRuns, () => likeScan(kind, `%${q}%`));
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
closeRaw();
await store.close();
