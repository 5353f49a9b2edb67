// Warm-path benchmark (issue #5): a workspace of 100k people with ~1M who-knows-whom edges
// (the demo generator's network: 10 edges drawn per person, mostly colleagues) and 500k
// interactions; measures building the in-memory graph, the memory it holds, the warm-path
// search alone, and a whole "who can help with X" (full-text matches, strengths, paths, names).
//
//   npm run bench:paths                                   # SQLite, full size
//   npm run bench:paths -- --db both                      # and PostgreSQL
//   npm run bench:paths -- --people 10000 --knows 10      # smaller
//   npm run bench:paths -- --reuse                        # keep what a previous run loaded
//
// PostgreSQL: KITH_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test), schema
// kith_bench_paths_<people>_<per-person>_<knows>, dropped and refilled unless --reuse.
import { parseArgs } from 'node:util';
import { generateNetwork } from '../src/demo/generate-network.js';
import { TOPICS } from '../src/demo/vocabulary.js';
import { KNOWN_WELL } from '../src/domain/connect/who.js';
import { warmPaths } from '../src/domain/connect/warm-paths.js';
import { searchTerms } from '../src/domain/text.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { benchTarget, quantile } from './support.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    people: { type: 'string', default: '100000' },
    'per-person': { type: 'string', default: '5' },
    knows: { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '5' },
    dir: { type: 'string', default: '.bench' },
    reuse: { type: 'boolean', default: false },
  },
});
const people = Number(values.people);
const perPerson = Number(values['per-person']);
const knowsPerPerson = Number(values.knows);
const runs = Number(values.runs);

const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

async function fill(store: Store): Promise<void> {
  const start = Date.now();
  const network = generateNetwork({
    size: people,
    seed: Number(values.seed),
    interactionsPerPerson: perPerson,
    knowsPerPerson,
    today: new Date(),
  });
  const loaded = await store.bulkLoad(network, (phase, done, total) => {
    if (done === total || done % 100_000 < 2000)
      process.stderr.write(`\r  ${phase} ${done}/${total}   `);
  });
  process.stderr.write('\n');
  console.log(
    `  loaded ${loaded.people} people, ${loaded.interactions} interactions, ${loaded.knows} edges in ${((Date.now() - start) / 1000).toFixed(0)} s`,
  );
}

async function bench(kind: 'sqlite' | 'postgres'): Promise<void> {
  const store = await openStore(
    await benchTarget(kind, `paths-${people}-${perPerson}-${knowsPerPerson}`, {
      dir: values.dir,
      reuse: values.reuse,
    }),
  );
  const counts = await store.counts();
  if (values.reuse && counts.people > 0) console.log(`\n${kind}: reusing ${counts.people} people`);
  else {
    console.log(`\n${kind}: filling…`);
    await fill(store);
  }
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const [graph, buildMs] = await timed(() => store.graph());
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const knownWell = graph.ids.filter((id) => graph.myTie(id) >= KNOWN_WELL).length;
  console.log(
    `  graph: ${graph.people} people, ${graph.edges} recorded edges, ${knownWell} people known well; built in ${ms(buildMs)}`,
  );
  console.log(
    `  memory: ${mb(graph.arrayBytes)} in typed arrays; heap grew by ${mb(heapAfter - heapBefore)} with the ids and their index`,
  );

  // The search alone, on the targets a question finds (people matching a topic whom the user
  // does not know well), every topic of the generator, `runs` times each.
  const tieGraph = graph.asTieGraph();
  const searchTimes: number[] = [];
  const whoTimes: number[] = [];
  let found = 0;
  let targetsSeen = 0;
  for (const topic of TOPICS) {
    const hits = await store.search({ q: topic, limit: 100, in: 'people' });
    const targets = hits.people.map((p) => p.id).filter((id) => graph.myTie(id) < KNOWN_WELL);
    targetsSeen += targets.length;
    for (let r = 0; r < runs; r += 1) {
      const [paths, t] = await timed(() =>
        warmPaths(tieGraph, targets, { k: 3, minFirstTie: KNOWN_WELL }),
      );
      searchTimes.push(t);
      if (r === 0) found += paths.length;
    }
    for (let r = 0; r < runs; r += 1)
      whoTimes.push((await timed(() => store.who({ q: topic })))[1]);
  }
  searchTimes.sort((a, b) => a - b);
  whoTimes.sort((a, b) => a - b);
  const line = (label: string, t: number[]) =>
    `  ${label.padEnd(36)} median ${ms(quantile(t, 0.5))}  p95 ${ms(quantile(t, 0.95))}  worst ${ms(t.at(-1) ?? NaN)}`;
  console.log(
    `  ${TOPICS.length} topics × ${runs} runs; ${(targetsSeen / TOPICS.length).toFixed(0)} targets per topic on average, ${found} paths found for ${TOPICS.length * 3} asked`,
  );
  console.log(line('warm paths (k = 3, search only)', searchTimes));
  console.log(line('who can help (store.who, graph kept)', whoTimes));
  const example = await store.who({ q: searchTerms(TOPICS[1] ?? 'taxes').join(' ') });
  console.log(`  e.g. "${example.query}": ${example.paths[0]?.explanation ?? 'no path'}`);
  await store.close();
}

console.log(
  `Kith warm-path benchmark: ${people} people, ${people * perPerson} interactions, ${knowsPerPerson} edges drawn per person`,
);
console.log(`node ${process.version}, ${new Date().toISOString()}`);
for (const kind of values.db === 'both' ? (['sqlite', 'postgres'] as const) : [values.db]) {
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`--db: sqlite, postgres or both`);
  await bench(kind);
}
