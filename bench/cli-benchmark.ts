// How soon the `kith` command answers (issue #19): each command as a whole process, as a user
// types it, from the built bundle (dist/bin/kith.js): `kith --help`, and `kith today` and
// `kith search` on a 100,000-person workspace; `node -e 0` in the same run for the floor.
// Median and worst of --runs, wall clock.
//
//   npm run bench:cli                  # 100,000 people, 10 runs each
//   npm run bench:cli -- --people 20000 --runs 5 --reuse
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { generateNetwork } from '../src/demo/generate-network.js';
import { openStore } from '../src/store/open-store.js';
import { benchTarget, quantile } from './support.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '10' },
    dir: { type: 'string', default: '.bench' },
    reuse: { type: 'boolean', default: false },
  },
});
const people = Number(values.people);
const runs = Number(values.runs);

const target = await benchTarget('sqlite', `cli-${people}`, {
  dir: values.dir,
  reuse: values.reuse,
});
if (target.kind !== 'sqlite') throw new Error('the CLI benchmark runs on a SQLite file');
const store = await openStore(target);
if ((await store.counts()).people === 0) {
  const started = Date.now();
  await store.bulkLoad(
    generateNetwork({ size: people, seed: 42, interactionsPerPerson: 10, today: new Date() }),
  );
  console.error(`  loaded ${people} people in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
await store.close();

function time(args: string[], env: NodeJS.ProcessEnv = {}): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, {
      env: {
        ...process.env,
        KITH_DB: target.kind === 'sqlite' ? target.file : '',
        KITH_TZ: 'UTC',
        ...env,
      },
      encoding: 'utf8',
    });
    times.push(performance.now() - started);
    if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  }
  return times.sort((a, b) => a - b);
}

console.log(
  `Kith CLI start: ${runs} runs each, a ${people}-person workspace, node ${process.version}, ${new Date().toISOString()}`,
);
const rows: [string, string[]][] = [
  ['node -e 0', ['-e', '0']],
  ['kith --help', ['dist/bin/kith.js', '--help']],
  ['kith today', ['dist/bin/kith.js', 'today']],
  ['kith search finance', ['dist/bin/kith.js', 'search', 'finance']],
  ['kith search ana', ['dist/bin/kith.js', 'search', 'ana']],
];
for (const [name, args] of rows) {
  const t = time(args);
  console.log(
    `  ${name.padEnd(22)} median ${quantile(t, 0.5).toFixed(0)} ms, worst ${(t.at(-1) ?? NaN).toFixed(0)} ms`,
  );
}
