// The server while a large import runs (issue #6): the web wizard sends a generated LinkedIn
// export (30,000 connections, 200,000 messages) to `kith serve` on a new SQLite file and reads
// its progress as it comes, while another client asks for the People page every 100 ms. How
// often progress arrives, and how long those other requests take, say whether the app stays
// usable during an import.
//
//   npm run bench:import-serve                              # 3 runs, 30,000 + 200,000
//   npm run bench:import-serve -- --rows 10000 --messages 50000 --runs 1
//
// The server is its own process (dist/, built first), so this script's clock and requests do
// not wait when the server's event loop is busy.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { linkedinExport } from './linkedin-export.js';
import { quantile, serveBuilt } from './support.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '30000' },
    messages: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '3' },
    dir: { type: 'string', default: '.bench' },
  },
});
const runs = Number(values.runs);
const content = Buffer.from(linkedinExport(Number(values.rows), Number(values.messages))).toString(
  'base64',
);
const ms = (n: number) => `${n.toFixed(0)} ms`;

interface Run {
  answeredMs: number;
  /** Pieces of the stream that carried progress, and the time between them. */
  progressReads: number;
  gaps: number[];
  /** The People page asked for while the import ran. */
  pages: number[];
}

async function measure(url: string): Promise<Run> {
  const started = performance.now();
  const res = await fetch(`${url}/api/imports/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fileName: 'export.zip', content }),
  });
  if (!res.ok || !res.body) throw new Error(`the import was refused: ${res.status}`);
  const pages: number[] = [];
  let importing = true;
  const asking = (async () => {
    while (importing) {
      const asked = performance.now();
      const page = await fetch(`${url}/api/people?limit=20`);
      await page.arrayBuffer();
      if (importing) pages.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const arrivals: number[] = [];
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const piece = decoder.decode(value, { stream: true });
    text += piece;
    if (piece.includes('"phase"')) arrivals.push(performance.now());
  }
  const answeredMs = performance.now() - started;
  importing = false;
  await asking;
  const last = JSON.parse(text.trim().split('\n').at(-1) ?? '{}') as { result?: unknown };
  if (!last.result) throw new Error(`the import did not finish: ${text.slice(-300)}`);
  return {
    answeredMs,
    progressReads: arrivals.length,
    gaps: arrivals.slice(1).map((t, i) => t - (arrivals[i] ?? t)),
    pages,
  };
}

console.log(
  `Kith import while serving: a LinkedIn export of ${values.rows} connections and ${values.messages} messages sent to kith serve (SQLite), ${runs} runs, node ${process.version}, ${new Date().toISOString()}`,
);
mkdirSync(values.dir, { recursive: true });
const all: Run[] = [];
for (let i = 1; i <= runs; i++) {
  const file = join(values.dir, 'import-serve.db');
  for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
  const server = await serveBuilt(file);
  try {
    const run = await measure(server.url);
    all.push(run);
    const gaps = [...run.gaps].sort((a, b) => a - b);
    const pages = [...run.pages].sort((a, b) => a - b);
    console.log(
      `  run ${i}: import answered in ${(run.answeredMs / 1000).toFixed(2)} s; progress arrived in ${run.progressReads} pieces (gap median ${ms(quantile(gaps, 0.5))}, longest ${ms(gaps.at(-1) ?? NaN)}); People page ${pages.length} times during it: median ${ms(quantile(pages, 0.5))}, p95 ${ms(quantile(pages, 0.95))}, worst ${ms(pages.at(-1) ?? NaN)}`,
    );
  } finally {
    server.stop();
  }
}
const pages = all.flatMap((r) => r.pages).sort((a, b) => a - b);
const gaps = all.flatMap((r) => r.gaps).sort((a, b) => a - b);
console.log(
  `  all runs: progress gap median ${ms(quantile(gaps, 0.5))}, p95 ${ms(quantile(gaps, 0.95))}, longest ${ms(gaps.at(-1) ?? NaN)}; People page during the import (${pages.length}): median ${ms(quantile(pages, 0.5))}, p95 ${ms(quantile(pages, 0.95))}, worst ${ms(pages.at(-1) ?? NaN)}`,
);
