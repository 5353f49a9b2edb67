// Many clients at once (issue #24): 200 concurrent clients for 30 s against the built server
// on a 10,000-person network, on loopback: reads (People, search, Today) and writes (a new
// person, a new interaction) mixed. Reports requests per second, p50/p99 per kind, errors,
// and whether every acknowledged write is there afterwards. With --cli, `kith add` and
// `kith import` run in a terminal meanwhile, as a second writer on the same SQLite file.
//
//   npm run bench:load                                  # SQLite then PostgreSQL
//   npm run bench:load -- --db sqlite --clients 200 --seconds 30 --cli
//
// Bounded: a fixed number of clients, a fixed time, every request to 127.0.0.1.
// KITH_LOAD_SLOW=3000 prints each request slower than that many ms (to find a tail's cause).
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateNetwork } from '../src/demo/generate-network.js';
import { openStore } from '../src/store/open-store.js';
import { benchTarget, quantile, serveBuilt } from './support.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    people: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    seed: { type: 'string', default: '7' },
    dir: { type: 'string', default: '.bench' },
    cli: { type: 'boolean', default: false },
    /** A server already running on a filled database (to profile it): no fill, no start. */
    url: { type: 'string' },
  },
});
const people = Number(values.people);
const clients = Number(values.clients);
const seconds = Number(values.seconds);

type Kind = 'people' | 'search' | 'today' | 'add person' | 'log interaction';
const MIX: [Kind, number][] = [
  ['people', 0.3],
  ['search', 0.25],
  ['today', 0.25],
  ['add person', 0.1],
  ['log interaction', 0.1],
];
const WORDS = [
  'finance',
  'tax',
  'design',
  'acme',
  'mentor',
  'sales',
  'data',
  'ana',
  'li',
  'product',
];

/**
 * One kept-alive connection per client at most, opened before the clock starts: a Node server
 * that is already saturated accepts new connections a few a second (a bare http server does
 * the same here), which would measure connecting, not serving.
 */
const agent = new Agent({ keepAlive: true, maxSockets: clients });

/** A request on the agent's connections: its status and body. */
function send(
  url: string,
  method = 'GET',
  body?: unknown,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        agent,
        headers:
          body === undefined && method === 'GET' ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
const isOk = (r: { status: number }) => r.status >= 200 && r.status < 300;

function pick(r: number): Kind {
  let sum = 0;
  for (const [kind, share] of MIX) {
    sum += share;
    if (r < sum) return kind;
  }
  return 'people';
}

async function fill(kind: 'sqlite' | 'postgres') {
  const target = await benchTarget(kind, `load-${people}`, { dir: values.dir });
  const store = await openStore(target);
  await store.bulkLoad(
    generateNetwork({
      size: people,
      seed: Number(values.seed),
      interactionsPerPerson: 10,
      today: new Date(),
    }),
  );
  await store.close();
  return target;
}

interface Result {
  kind: Kind;
  ms: number;
  ok: boolean;
}

async function client(
  url: string,
  ids: string[],
  until: number,
  results: Result[],
  written: { people: string[]; interactions: string[] },
  n: number,
) {
  let i = n;
  while (performance.now() < until) {
    i += 1;
    const kind = pick(((i * 2654435761) % 1000) / 1000);
    const started = performance.now();
    let ok: boolean;
    try {
      if (kind === 'people')
        ok = isOk(await send(`${url}/api/people?limit=20&offset=${(i * 20) % 2000}`));
      else if (kind === 'search')
        ok = isOk(await send(`${url}/api/search?q=${WORDS[i % WORDS.length]}`));
      else if (kind === 'today') ok = isOk(await send(`${url}/api/today`));
      else if (kind === 'add person') {
        const res = await send(`${url}/api/people`, 'POST', {
          displayName: `Load ${n}-${i}`,
          tags: ['load'],
        });
        ok = res.status === 201;
        if (ok) written.people.push((JSON.parse(res.text) as { id: string }).id);
      } else {
        const res = await send(`${url}/api/interactions`, 'POST', {
          participantIds: [ids[i % ids.length]],
          kind: 'call',
          summary: `Load call ${n}-${i}`,
          occurredAt: new Date().toISOString(),
        });
        ok = res.status === 201;
        if (ok) written.interactions.push((JSON.parse(res.text) as { id: string }).id);
      }
    } catch {
      ok = false;
    }
    const ms = performance.now() - started;
    results.push({ kind, ms, ok });
    if (process.env.KITH_LOAD_SLOW && ms > Number(process.env.KITH_LOAD_SLOW))
      process.stderr.write(
        `slow ${kind} ${ms.toFixed(0)} ms (i=${i}, word ${WORDS[i % WORDS.length]}) at ${((started - (until - seconds * 1000)) / 1000).toFixed(1)} s\n`,
      );
  }
}

/** `kith add` and `kith import` in a terminal while the server is busy (SQLite only). */
async function cliMeanwhile(file: string, until: number): Promise<string[]> {
  const outcomes: string[] = [];
  const csv = join(values.dir, 'load-import.csv');
  writeFileSync(
    csv,
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
      Array.from(
        { length: 200 },
        (_, i) => `Cli${i},Writer,https://www.linkedin.com/in/cli-${i},,Co,Role,01 Jan 2020`,
      ).join('\n'),
  );
  let lastRun = '';
  const run = (...args: string[]) =>
    new Promise<string>((resolve) => {
      const started = performance.now();
      const child = spawn(process.execPath, ['dist/bin/kith.js', ...args], {
        env: { ...process.env, KITH_DB: file, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (code) => {
        lastRun = /kith import undo (\w+)/.exec(out)?.[1] ?? lastRun;
        resolve(
          `kith ${args[0]} ${args[1] ?? ''}: exit ${code} in ${((performance.now() - started) / 1000).toFixed(1)} s${code ? ` — ${out.trim().split('\n').at(-1)}` : ''}`,
        );
      });
    });
  let k = 0;
  while (performance.now() < until - 3000) {
    k += 1;
    outcomes.push(await run('add', `Terminal Person ${k}`));
    if (k === 2) {
      outcomes.push(await run('import', csv));
      outcomes.push(await run('import', 'undo', lastRun));
    }
  }
  return outcomes;
}

async function bench(kind: 'sqlite' | 'postgres') {
  const target = values.url ? null : await fill(kind);
  const server = target
    ? await serveBuilt(target)
    : { url: values.url ?? '', stop: () => undefined };
  const list = JSON.parse((await send(`${server.url}/api/people?limit=500`)).text) as {
    items: { id: string }[];
  };
  const ids = list.items.map((p) => p.id);
  const results: Result[] = [];
  const written = { people: [] as string[], interactions: [] as string[] };
  // Every client's connection opened before the clock starts (see `agent`).
  await Promise.all(Array.from({ length: clients }, async () => send(`${server.url}/healthz`)));
  const started = performance.now();
  const until = started + seconds * 1000;
  const terminal =
    values.cli && target?.kind === 'sqlite'
      ? cliMeanwhile(target.file, until)
      : Promise.resolve([]);
  await Promise.all(
    Array.from({ length: clients }, (_, n) =>
      client(server.url, ids, until, results, written, n * 7919),
    ),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cli = await terminal;
  // Every acknowledged write, read back.
  let lost = 0;
  for (const id of written.people)
    if (!isOk(await send(`${server.url}/api/people/${id}`))) lost += 1;
  for (const id of written.interactions)
    if (!isOk(await send(`${server.url}/api/interactions/${id}`))) lost += 1;
  server.stop();
  const all = results.map((r) => r.ms).sort((a, b) => a - b);
  const errors = results.filter((r) => !r.ok).length;
  console.log(
    `  ${kind}: ${results.length} requests in ${elapsed.toFixed(1)} s = ${(results.length / elapsed).toFixed(0)} req/s; p50 ${quantile(all, 0.5).toFixed(0)} ms, p99 ${quantile(all, 0.99).toFixed(0)} ms; errors ${errors}; acknowledged writes ${written.people.length + written.interactions.length}, lost ${lost}`,
  );
  for (const [k] of MIX) {
    const mine = results
      .filter((r) => r.kind === k)
      .map((r) => r.ms)
      .sort((a, b) => a - b);
    console.log(
      `    ${k.padEnd(16)} ${String(mine.length).padStart(6)}  p50 ${quantile(mine, 0.5).toFixed(0)} ms  p99 ${quantile(mine, 0.99).toFixed(0)} ms`,
    );
  }
  for (const line of cli) console.log(`    ${line}`);
}

console.log(
  `Kith under load: ${clients} clients for ${seconds} s on a ${people}-person network, node ${process.version}, ${new Date().toISOString()}`,
);
for (const kind of values.db === 'both'
  ? (['sqlite', 'postgres'] as const)
  : [values.db as 'sqlite' | 'postgres'])
  await bench(kind);
