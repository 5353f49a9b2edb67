// Three stateless app servers on one PostgreSQL (issue #20): 20 accounts, each with a sample
// network of its own, and 200 clients (10 per account, spread over the servers) for 30 s on
// loopback — reads (People, search, Today) and writes (a new person, a new interaction) mixed,
// each request with its account's session. Reports requests/s, p50/p99, 5xx answers; then
// checks every acknowledged write is there, and that no account sees a row of another's.
//
//   npm run bench:accounts-load
//   npm run bench:accounts-load -- --servers 3 --accounts 20 --clients 200 --seconds 30
//
// Bounded: fixed servers, clients and time, every request to 127.0.0.1.
import { Agent, request as httpRequest } from 'node:http';
import { parseArgs } from 'node:util';
import { benchTarget, quantile, serveBuilt } from './support.js';

const { values } = parseArgs({
  options: {
    servers: { type: 'string', default: '3' },
    accounts: { type: 'string', default: '20' },
    people: { type: 'string', default: '300' },
    clients: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
  },
});
const servers = Number(values.servers);
const accountCount = Number(values.accounts);
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const agent = new Agent({ keepAlive: true, maxSockets: clients + servers });

interface Answer {
  status: number;
  text: string;
  cookie: string | null;
}

function send(url: string, method: string, cookie: string | null, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        agent,
        headers: {
          ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text,
            cookie:
              /kith_session=[^;]+/.exec((res.headers['set-cookie'] ?? []).join(';'))?.[0] ?? null,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

type Kind = 'people' | 'search' | 'today' | 'add person' | 'log interaction';
const MIX: [Kind, number][] = [
  ['people', 0.3],
  ['search', 0.25],
  ['today', 0.25],
  ['add person', 0.1],
  ['log interaction', 0.1],
];
const WORDS = ['finance', 'tax', 'design', 'mentor', 'sales', 'data', 'ana', 'product'];
const pick = (r: number): Kind => {
  let sum = 0;
  for (const [kind, share] of MIX) if (r < (sum += share)) return kind;
  return 'people';
};

interface Account {
  n: number;
  email: string;
  cookie: string;
  ids: string[];
  written: string[];
  interactions: string[];
}

/** The owner signs up, invites the others, and each loads a sample network of its own. */
async function makeAccounts(urls: string[]): Promise<Account[]> {
  const password = 'a long benchmark password';
  const accounts: Account[] = [];
  for (let n = 0; n < accountCount; n++) {
    const url = urls[n % urls.length] ?? '';
    let invitation: string | undefined;
    if (n > 0) {
      const made = await send(`${url}/api/invitations`, 'POST', accounts[0]?.cookie ?? null, {});
      invitation =
        new URL((JSON.parse(made.text) as { url: string }).url).searchParams.get('invitation') ??
        '';
    }
    const email = `account${n}@example.org`;
    const up = await send(`${url}/api/auth/sign-up`, 'POST', null, {
      email,
      name: `Account ${n}`,
      password,
      ...(invitation ? { invitation } : {}),
    });
    if (up.status !== 201 || !up.cookie) throw new Error(`sign-up ${n}: ${up.status} ${up.text}`);
    const demo = await send(`${url}/api/demo`, 'POST', up.cookie, { size: Number(values.people) });
    if (demo.status !== 201) throw new Error(`demo ${n}: ${demo.status} ${demo.text}`);
    const list = JSON.parse((await send(`${url}/api/people?limit=200`, 'GET', up.cookie)).text) as {
      items: { id: string }[];
    };
    accounts.push({
      n,
      email,
      cookie: up.cookie,
      ids: list.items.map((p) => p.id),
      written: [],
      interactions: [],
    });
  }
  return accounts;
}

interface Result {
  kind: Kind;
  ms: number;
  status: number;
  /** What a refused request was told. */
  detail?: string;
}

async function client(
  url: string,
  account: Account,
  until: number,
  results: Result[],
  seed: number,
) {
  let i = seed;
  while (performance.now() < until) {
    i += 1;
    const kind = pick(((i * 2654435761) % 1000) / 1000);
    const started = performance.now();
    let status: number;
    let detail: string | undefined;
    try {
      if (kind === 'people')
        status = (
          await send(`${url}/api/people?limit=20&offset=${(i * 20) % 200}`, 'GET', account.cookie)
        ).status;
      else if (kind === 'search')
        status = (
          await send(`${url}/api/search?q=${WORDS[i % WORDS.length]}`, 'GET', account.cookie)
        ).status;
      else if (kind === 'today')
        status = (await send(`${url}/api/today`, 'GET', account.cookie)).status;
      else if (kind === 'add person') {
        const res = await send(`${url}/api/people`, 'POST', account.cookie, {
          displayName: `Acct${account.n}x Load ${seed}-${i}`,
        });
        status = res.status;
        if (status === 201) account.written.push((JSON.parse(res.text) as { id: string }).id);
      } else {
        const res = await send(`${url}/api/interactions`, 'POST', account.cookie, {
          participantIds: [account.ids[i % account.ids.length]],
          kind: 'call',
          summary: `Load call ${seed}-${i}`,
          occurredAt: new Date().toISOString(),
        });
        status = res.status;
        if (status === 201) account.interactions.push((JSON.parse(res.text) as { id: string }).id);
      }
    } catch (error) {
      status = 0;
      detail = (error as Error).message;
    }
    results.push({ kind, ms: performance.now() - started, status, ...(detail ? { detail } : {}) });
  }
}

/** Every acknowledged write is there for its account, and no account reaches another's rows. */
async function verify(urls: string[], accounts: Account[]) {
  let lost = 0;
  let leaks = 0;
  for (const [k, account] of accounts.entries()) {
    const url = urls[k % urls.length] ?? '';
    for (const id of account.written)
      if ((await send(`${url}/api/people/${id}`, 'GET', account.cookie)).status !== 200) lost += 1;
    for (const id of account.interactions)
      if ((await send(`${url}/api/interactions/${id}`, 'GET', account.cookie)).status !== 200)
        lost += 1;
    const other = accounts[(k + 1) % accounts.length];
    for (const id of [...(other?.written.slice(0, 20) ?? []), ...(other?.ids.slice(0, 20) ?? [])])
      if ((await send(`${url}/api/people/${id}`, 'GET', account.cookie)).status !== 404) leaks += 1;
    const mine = await send(`${url}/api/people?limit=1000&sort=recent`, 'GET', account.cookie);
    if (mine.status !== 200) throw new Error(`people of account ${account.n}: ${mine.status}`);
    const names = (JSON.parse(mine.text) as { items: { displayName: string }[] }).items;
    leaks += names.filter(
      (p) => /^Acct\d+x /.test(p.displayName) && !p.displayName.startsWith(`Acct${account.n}x `),
    ).length;
    const search = await send(`${url}/api/search?q=load`, 'GET', account.cookie);
    if (search.status !== 200) throw new Error(`search of account ${account.n}: ${search.status}`);
    leaks += [...search.text.matchAll(/Acct(\d+)x /g)].filter(
      (m) => Number(m[1]) !== account.n,
    ).length;
  }
  return { lost, leaks };
}

async function bench() {
  const target = await benchTarget('postgres', 'accounts-load', { dir: '.bench' });
  const started = await Promise.all(
    Array.from({ length: servers }, () => serveBuilt(target, { KITH_ACCOUNTS: '1' })),
  );
  const urls = started.map((s) => s.url);
  try {
    const accounts = await makeAccounts(urls);
    // Each client: one account, one server; its connection opened before the clock starts.
    const plan = Array.from({ length: clients }, (_, c) => ({
      account: accounts[c % accounts.length] as Account,
      url: urls[c % urls.length] ?? '',
    }));
    await Promise.all(plan.map((p) => send(`${p.url}/healthz`, 'GET', null)));
    const results: Result[] = [];
    const t0 = performance.now();
    const until = t0 + seconds * 1000;
    await Promise.all(plan.map((p, c) => client(p.url, p.account, until, results, c * 7919)));
    const elapsed = (performance.now() - t0) / 1000;
    const { lost, leaks } = await verify(urls, accounts);
    const all = results.map((r) => r.ms).sort((a, b) => a - b);
    const fivexx = results.filter((r) => r.status >= 500).length;
    const failed = results.filter(
      (r) => r.status === 0 || (r.status >= 400 && r.status < 500),
    ).length;
    const writes = accounts.reduce((n, a) => n + a.written.length + a.interactions.length, 0);
    console.log(
      `${servers} servers, ${accountCount} accounts, ${clients} clients, ${seconds} s: ${results.length} requests = ${(results.length / elapsed).toFixed(0)} req/s; p50 ${quantile(all, 0.5).toFixed(0)} ms, p99 ${quantile(all, 0.99).toFixed(0)} ms; 5xx ${fivexx}, other failures ${failed}; acknowledged writes ${writes}, lost ${lost}; rows seen by the wrong account ${leaks}`,
    );
    for (const r of results.filter((x) => x.status === 0 || x.status >= 400).slice(0, 5))
      console.log(`  refused: ${r.kind} ${r.status} ${r.detail ?? ''}`);
    for (const [k] of MIX) {
      const mine = results
        .filter((r) => r.kind === k)
        .map((r) => r.ms)
        .sort((a, b) => a - b);
      console.log(
        `  ${k.padEnd(16)} ${String(mine.length).padStart(6)}  p50 ${quantile(mine, 0.5).toFixed(0)} ms  p99 ${quantile(mine, 0.99).toFixed(0)} ms`,
      );
    }
  } finally {
    for (const s of started) s.stop();
  }
}

console.log(
  `Kith, many accounts on app servers sharing PostgreSQL: node ${process.version}, ${new Date().toISOString()}`,
);
await bench();
agent.destroy();
