// Search benchmark (issue #2): fills a SQLite workspace with the demo generator (100k people,
// 1M interactions by default), then measures person search and interaction search through the
// store — median and p95 — against a naive LIKE '%term%' scan of the same rows.
//
//   npm run bench                                  # 100k people, 10 interactions each
//   npm run bench -- --people 10000 --per-person 10 # a quicker run
//
// The LIKE baseline is the only SQL outside src/store: it is the thing being compared against,
// not part of Kith.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { generateNetwork } from '../src/demo/generate-network.js';
import { openStore } from '../src/store/open-store.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    'per-person': { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '100' },
    'like-runs': { type: 'string', default: '5' },
    dir: { type: 'string', default: '.bench' },
  },
});
const people = Number(values.people);
const perPerson = Number(values['per-person']);
const runs = Number(values.runs);
const likeRuns = Number(values['like-runs']);

const PEOPLE_QUERIES = [
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
];
const INTERACTION_QUERIES = [
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
];

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

mkdirSync(values.dir, { recursive: true });
const file = join(values.dir, `bench-${people}-${perPerson}.db`);
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

console.log(
  `Kith search benchmark: ${people} people, ${people * perPerson} interactions, SQLite ${file}`,
);
console.log(`node ${process.version}, ${new Date().toISOString()}`);

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
  console.log(
    `\nGenerate: ${(genMs / 1000).toFixed(1)} s; bulk load (one transaction, with search index): ${(loadMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `  ${loaded.people} people, ${loaded.interactions} interactions, ${loaded.insights} insights; ${Math.round((loaded.people + loaded.interactions) / (loadMs / 1000))} records/s`,
  );
}

const store = await openStore({ kind: 'sqlite', file });
await fill();
(globalThis as { gc?: () => void }).gc?.();

const raw = new SQLite(file, { readonly: true });
const likePeople = raw.prepare(`
  SELECT p.id FROM person p LEFT JOIN organization o ON o.id = p.organization_id
  WHERE p.archived_at IS NULL AND (p.display_name LIKE @t OR p.title LIKE @t OR p.unit LIKE @t OR p.notes LIKE @t
     OR o.name LIKE @t OR EXISTS (SELECT 1 FROM person_tag pt JOIN tag ON tag.id = pt.tag_id WHERE pt.person_id = p.id AND tag.name LIKE @t))
  ORDER BY p.name_key LIMIT 20`);
const likeInteractions = raw.prepare(`
  SELECT i.id FROM interaction i
  WHERE i.summary LIKE @t OR i.notes LIKE @t OR EXISTS (SELECT 1 FROM insight s WHERE s.interaction_id = i.id AND s.text LIKE @t)
  ORDER BY i.occurred_at DESC LIMIT 20`);

async function measure(kind: 'people' | 'interactions', queries: string[]) {
  const fts: number[] = [];
  const like: number[] = [];
  const rows: string[] = [];
  for (const q of queries) {
    await store.search({ q, in: kind }); // warm
    const mine: number[] = [];
    let hits = 0;
    for (let i = 0; i < runs; i += 1) {
      mine.push(
        await time(async () => {
          const r = await store.search({ q, in: kind });
          hits = kind === 'people' ? r.people.length : r.interactions.length;
        }),
      );
    }
    const stmt = kind === 'people' ? likePeople : likeInteractions;
    // The naive scan looks for the whole text as one substring, as a LIKE search would.
    const mineLike: number[] = [];
    for (let i = 0; i < likeRuns; i += 1)
      mineLike.push(await time(() => stmt.all({ t: `%${q}%` })));
    mine.sort((a, b) => a - b);
    mineLike.sort((a, b) => a - b);
    fts.push(...mine);
    like.push(...mineLike);
    rows.push(
      `| ${q} | ${hits} | ${ms(quantile(mine, 0.5))} | ${ms(quantile(mine, 0.95))} | ${ms(quantile(mineLike, 0.5))} |`,
    );
  }
  fts.sort((a, b) => a - b);
  like.sort((a, b) => a - b);
  const median = quantile(fts, 0.5);
  const p95 = quantile(fts, 0.95);
  const likeMedian = quantile(like, 0.5);
  console.log(`\n### ${kind} search (${runs} runs per query, LIKE ${likeRuns} runs)\n`);
  console.log('| query | hits | median | p95 | LIKE median |\n|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(
    `\nAll ${kind} queries: median ${ms(median)}, p95 ${ms(p95)}; LIKE scan median ${ms(likeMedian)}, p95 ${ms(quantile(like, 0.95))}; LIKE / FTS median ratio ${(likeMedian / median).toFixed(0)}x`,
  );
}

await measure('people', PEOPLE_QUERIES);
await measure('interactions', INTERACTION_QUERIES);
raw.close();
await store.close();
