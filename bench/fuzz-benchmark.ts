// Hostile files against the built server (issue #24): a few thousand generated files of every
// format (test/support/hostile-files.ts, fixed seed) sent to `kith serve` one after another
// while another client asks /healthz every 50 ms. Counts what must be zero (the server dying,
// 5xx answers, a refused import that wrote something), how long each refusal took per MB,
// the server's peak memory, and /healthz's latency meanwhile.
//
//   npm run bench:fuzz                       # 3,000 files, SQLite then PostgreSQL
//   npm run bench:fuzz -- --files 500 --db sqlite
//
// PostgreSQL: KITH_BENCH_PG (default the local test database), a schema of its own.
import { parseArgs } from 'node:util';
import { hostileFiles } from '../test/support/hostile-files.js';
import { benchTarget, peakMemoryMb, quantile, serveBuilt } from './support.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '20261207' },
    db: { type: 'string', default: 'both' },
    dir: { type: 'string', default: '.bench' },
  },
});
const files = hostileFiles(Number(values.seed), Number(values.files));
const MB = 1024 * 1024;

interface Outcome {
  ms: number;
  bytes: number;
  status: number;
  refused: boolean;
}

async function post(url: string, body: unknown) {
  const res = await fetch(`${url}/api/imports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as { status?: string } };
}

const peopleCount = async (url: string) =>
  ((await (await fetch(`${url}/api/people?limit=1`)).json()) as { total: number }).total;

async function bench(kind: 'sqlite' | 'postgres') {
  const target = await benchTarget(kind, 'fuzz', { dir: values.dir });
  const server = await serveBuilt(target);
  const health: number[] = [];
  let running = true;
  const polling = (async () => {
    while (running) {
      const asked = performance.now();
      try {
        await (await fetch(`${server.url}/healthz`)).arrayBuffer();
        health.push(performance.now() - asked);
      } catch {
        health.push(Infinity);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const outcomes: Outcome[] = [];
  const failures: string[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const dryRun = i % 5 !== 0;
      const before = dryRun ? 0 : await peopleCount(server.url);
      const started = performance.now();
      let answer: Awaited<ReturnType<typeof post>>;
      try {
        answer = await post(server.url, {
          fileName: file.name,
          content: Buffer.from(file.bytes).toString('base64'),
          dryRun,
        });
      } catch (error) {
        failures.push(
          `#${i} ${file.how}: no answer (${String(error)}); server exit ${server.exited()}`,
        );
        break;
      }
      const ms = performance.now() - started;
      const refused = answer.status !== 200 || answer.body.status === 'refused';
      outcomes.push({ ms, bytes: file.bytes.length, status: answer.status, refused });
      if (answer.status >= 500) failures.push(`#${i} ${file.how}: ${answer.status}`);
      if (!dryRun && refused && (await peopleCount(server.url)) !== before)
        failures.push(`#${i} ${file.how}: refused, yet people changed`);
      if ((i + 1) % 250 === 0) process.stderr.write(`\r  ${kind}: ${i + 1}/${files.length}   `);
    }
  } finally {
    running = false;
    await polling;
    process.stderr.write('\n');
  }
  const peak = peakMemoryMb(server.pid);
  const alive = server.exited() === null;
  server.stop();
  const perMb = outcomes
    .filter((o) => o.refused)
    .map((o) => o.ms / 1000 / Math.max(1, o.bytes / MB))
    .sort((a, b) => a - b);
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms)[0];
  const sortedHealth = [...health].sort((a, b) => a - b);
  const count = (test: (o: Outcome) => boolean) => outcomes.filter(test).length;
  console.log(
    `  ${kind}: ${outcomes.length} files (${count((o) => !o.refused)} read, ${count((o) => o.refused)} refused); server alive: ${alive}; 5xx: ${count((o) => o.status >= 500)}; refused but written: ${failures.filter((f) => f.includes('yet people')).length}`,
  );
  console.log(
    `    refusal time per MB (files under 1 MB as 1 MB): median ${quantile(perMb, 0.5).toFixed(3)} s, worst ${(perMb.at(-1) ?? NaN).toFixed(3)} s; slowest file ${((slowest?.ms ?? NaN) / 1000).toFixed(2)} s (${((slowest?.bytes ?? 0) / 1024).toFixed(0)} KB)`,
  );
  console.log(
    `    server peak memory ${peak.toFixed(0)} MB; /healthz meanwhile (${health.length}): p50 ${quantile(sortedHealth, 0.5).toFixed(1)} ms, p99 ${quantile(sortedHealth, 0.99).toFixed(1)} ms, worst ${(sortedHealth.at(-1) ?? NaN).toFixed(1)} ms`,
  );
  for (const f of failures.slice(0, 20)) console.log(`    FAILED ${f}`);
  return failures.length === 0 && alive;
}

console.log(
  `Kith hostile files: ${files.length} generated files (seed ${values.seed}) sent to kith serve, node ${process.version}, ${new Date().toISOString()}`,
);
let ok = true;
for (const kind of values.db === 'both'
  ? (['sqlite', 'postgres'] as const)
  : [values.db as 'sqlite' | 'postgres'])
  ok = (await bench(kind)) && ok;
process.exitCode = ok ? 0 : 1;
