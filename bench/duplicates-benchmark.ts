// Duplicates benchmark: the merge suggestions (the Duplicates screen) on a workspace of the
// demo generator's people — 100,000 by default, whose few hundred given and family names make
// large blocks of alike names: the hard case, ~1.3M pairs compared. SQLite and PostgreSQL;
// each database loaded once, then the suggestions asked for `--runs` times.
//
//   npm run bench:duplicates                       # both databases, 100,000 people
//   npm run bench:duplicates -- --db sqlite --people 20000 --runs 3
import { parseArgs } from 'node:util';
import { generateNetwork } from '../src/demo/generate-network.js';
import { openStore } from '../src/store/open-store.js';
import { benchTarget } from './support.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    people: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '3' },
    dir: { type: 'string', default: '.bench' },
  },
});
const people = Number(values.people);
const runs = Number(values.runs);
const kinds = values.db === 'both' ? (['sqlite', 'postgres'] as const) : [values.db];

console.log(
  `Kith duplicates benchmark: ${people} people, node ${process.version}, ${new Date().toISOString()}`,
);
for (const kind of kinds) {
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error('--db: sqlite, postgres or both');
  const target = await benchTarget(kind, `duplicates_${people}`, { dir: values.dir });
  const store = await openStore(target);
  const network = generateNetwork({
    size: people,
    seed: Number(values.seed),
    today: new Date('2026-11-29T12:00:00Z'),
    interactionsPerPerson: 0,
  });
  await store.bulkLoad({ people: network.people, interactions: [] });
  const times: number[] = [];
  // The longest the server's thread was held in one go while the suggestions were made: what
  // anyone else's request to the same server waits at worst.
  const held: number[] = [];
  let found = 0;
  for (let run = 0; run < runs; run += 1) {
    let longest = 0;
    let tick = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - tick);
      tick = now;
    }, 5);
    const started = performance.now();
    found = (await store.merges.suggestions()).length;
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
    clearInterval(timer);
    held.push(longest);
  }
  await store.close();
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  console.log(
    `${kind}: ${found} pairs suggested; ${times.map((t) => (t / 1000).toFixed(2)).join(' / ')} s, median ${(median / 1000).toFixed(2)} s; the thread held at most ${held.map((t) => (t / 1000).toFixed(2)).join(' / ')} s`,
  );
}
