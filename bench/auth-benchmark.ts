// What signing in costs each request (issue #20): the same database served twice at once — in
// local mode (no accounts) and with accounts — and GET /api/today and /api/search asked in
// turn in local mode, with a session cookie and with an API token, one request at a time so
// each is timed alone. Reports p50/p95 per way and what accounts add (goal: ≤ 1 ms at p95).
//
//   npm run bench:auth                       # SQLite then PostgreSQL
//   npm run bench:auth -- --db sqlite --rounds 2000 --people 2000
//
// Bounded: a fixed number of requests, every one to 127.0.0.1.
import { Agent, request as httpRequest } from 'node:http';
import { parseArgs } from 'node:util';
import { benchTarget, quantile, serveBuilt } from './support.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    people: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '2000' },
    dir: { type: 'string', default: '.bench' },
  },
});
const rounds = Number(values.rounds);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function call(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; ms: number; text: string; setCookie: string[] }> {
  const target = new URL(path, url);
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = httpRequest(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        headers: {
          ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            text,
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function run(kind: 'sqlite' | 'postgres') {
  const target = await benchTarget(kind, 'auth', { dir: values.dir ?? '.bench' });
  // The network is loaded by a server of its own, so the two measured start alike.
  const loader = await serveBuilt(target);
  const filled = await call(loader.url, 'POST', '/api/demo', {}, { size: Number(values.people) });
  if (filled.status !== 201) throw new Error(`demo: ${filled.status} ${filled.text}`);
  loader.stop();
  const local = await serveBuilt(target);
  const accounts = await serveBuilt(target, { KITH_ACCOUNTS: '1' });
  try {
    const signUp = await call(
      accounts.url,
      'POST',
      '/api/auth/sign-up',
      {},
      {
        email: 'bench@example.org',
        name: 'Bench',
        password: 'a long bench password',
      },
    );
    const cookie = /kith_session=[^;]+/.exec(signUp.setCookie.join(';'))?.[0];
    if (!cookie) throw new Error(`sign-up: ${signUp.status} ${signUp.text}`);
    const made = await call(accounts.url, 'POST', '/api/tokens', { cookie }, { name: 'bench' });
    const token = (JSON.parse(made.text) as { token: string }).token;
    const ways = {
      local: { url: local.url, headers: {} },
      session: { url: accounts.url, headers: { cookie } },
      token: { url: accounts.url, headers: { authorization: `Bearer ${token}` } },
    } as const;
    const paths = { today: '/api/today', search: '/api/search?q=finance' } as const;
    const times: Record<string, number[]> = {};
    // Warm up, then interleave the three ways so drift in the machine falls on all alike.
    for (let i = 0; i < 50; i++)
      for (const way of Object.values(ways))
        for (const path of Object.values(paths)) await call(way.url, 'GET', path, way.headers);
    for (let i = 0; i < rounds; i++)
      for (const [name, way] of Object.entries(ways))
        for (const [route, path] of Object.entries(paths)) {
          const res = await call(way.url, 'GET', path, way.headers);
          if (res.status !== 200) throw new Error(`${name} ${path}: ${res.status} ${res.text}`);
          (times[`${route} ${name}`] ??= []).push(res.ms);
        }
    console.log(`\n${kind}: ${rounds} rounds, ${values.people} people, one request at a time`);
    for (const route of Object.keys(paths)) {
      const stats = (way: string) => {
        const sorted = [...(times[`${route} ${way}`] ?? [])].sort((a, b) => a - b);
        return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
      };
      const base = stats('local');
      for (const way of Object.keys(ways)) {
        const s = stats(way);
        const added =
          way === 'local'
            ? ''
            : ` (p95 ${s.p95 - base.p95 >= 0 ? '+' : ''}${(s.p95 - base.p95).toFixed(2)} ms)`;
        console.log(
          `  ${route.padEnd(7)} ${way.padEnd(8)} p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms${added}`,
        );
      }
    }
  } finally {
    local.stop();
    accounts.stop();
  }
}

for (const kind of values.db === 'both'
  ? (['sqlite', 'postgres'] as const)
  : [values.db as 'sqlite' | 'postgres'])
  await run(kind);
agent.destroy();
