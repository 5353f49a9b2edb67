// Today benchmark (issue #4): a workspace of 100k people, 1M interactions and 20k asks (the
// demo generator's network plus three years of asks in campaigns), on SQLite and PostgreSQL;
// measures the day's agenda — median and p95 — through the store and through GET /api/today, then
// the campaigns and insights screens, which read the whole history.
//
//   npm run bench:today                                   # both databases, full size
//   npm run bench:today -- --db sqlite --people 10000 --per-person 10 --asks 2000
//   npm run bench:today -- --reuse                        # keep what a previous run loaded
//
// PostgreSQL: KITH_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test), in its own
// schema (kith_bench_today_<people>_<per-person>_<asks>), dropped and refilled unless --reuse.
import { parseArgs } from 'node:util';
import { generateNetwork } from '../src/demo/generate-network.js';
import { seededRandom } from '../src/demo/random.js';
import { TOPICS } from '../src/demo/vocabulary.js';
import type { NetworkAsk, NetworkData } from '../src/domain/network.js';
import { createApp } from '../src/server/app.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { benchTarget, quantile } from './support.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    people: { type: 'string', default: '100000' },
    'per-person': { type: 'string', default: '10' },
    asks: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '100' },
    dir: { type: 'string', default: '.bench' },
    reuse: { type: 'boolean', default: false },
  },
});
const people = Number(values.people);
const perPerson = Number(values['per-person']);
const askCount = Number(values.asks);
const runs = Number(values.runs);
const TZ = 'Europe/Lisbon';
const DAY = 86_400_000;

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function repeat(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Three years of asks, most in campaigns: the old ones finished (thanked, declined, or moved
 * on without a reply), the last three weeks' still under way; two campaigns are open and
 * below their batch, so Today prompts for more and ranks suggestions.
 */
function withAsks(network: NetworkData, count: number, seed: number, now: number): NetworkData {
  const rnd = seededRandom(seed);
  const campaigns = Array.from({ length: 8 }, (_, i) => ({
    key: `c${i}`,
    campaign: {
      name: `Campaign ${i + 1}: ${TOPICS[i % TOPICS.length]}`,
      targetChats: 1000,
      batchSize: 2,
      // Six campaigns of the past (ended), two under way.
      endsOn: i < 6 ? new Date(now - 30 * DAY).toISOString().slice(0, 10) : null,
      tags: [TOPICS[i % TOPICS.length] ?? 'finance', TOPICS[(i + 3) % TOPICS.length] ?? 'taxes'],
    },
  }));
  const iso = (t: number) => new Date(t).toISOString();
  const asks: NetworkAsk[] = [];
  for (let i = 0; i < count; i += 1) {
    // Spread over three years, oldest first; the last 40 are the ones still under way.
    const recent = i >= count - 40;
    const created = recent
      ? now - rnd.int(0, 20) * DAY - rnd.int(0, 20) * 3_600_000
      : now - 3 * 365 * DAY + Math.floor((i / count) * (3 * 365 - 30)) * DAY;
    const person = network.people[rnd.int(0, network.people.length - 1)]?.key ?? '';
    // Old asks: 60% in the six finished campaigns; recent ones outside, but the last in c6.
    const campaign = recent
      ? i === count - 1
        ? 'c6'
        : undefined
      : i % 10 < 6
        ? `c${i % 6}`
        : undefined;
    const sent = created + 3_600_000;
    const steps: Record<string, unknown>[] = [{ type: 'send', at: iso(sent) }];
    const roll = rnd.next();
    const replied = sent + rnd.int(1, 5) * DAY;
    const meet = replied + rnd.int(3, 10) * DAY;
    if (recent) {
      if (roll < 0.3) steps.push({ type: 'reply', at: iso(Math.min(replied, now - 3_600_000)) });
      else if (roll < 0.5)
        steps.push({ type: 'schedule', for: iso(now + rnd.int(0, 5) * DAY), at: iso(sent + DAY) });
      else if (roll < 0.6) steps.push({ type: 'meet', at: iso(Math.min(meet, now - 3_600_000)) });
    } else if (roll < 0.6) {
      steps.push({ type: 'reply', at: iso(replied) });
      steps.push({ type: 'schedule', for: iso(meet), at: iso(replied + 3_600_000) });
      steps.push({ type: 'meet', at: iso(meet + 3_600_000) });
      steps.push({ type: 'thank', at: iso(meet + DAY) });
    } else if (roll < 0.7) {
      steps.push({ type: 'decline', at: iso(replied) });
    } else {
      steps.push({ type: 'move-on', at: iso(sent + 14 * DAY) });
    }
    asks.push({
      person,
      ...(campaign ? { campaign } : {}),
      ask: {
        question: `What would you do first about ${TOPICS[i % TOPICS.length]}?`,
        at: iso(created),
      },
      steps,
    });
  }
  return { ...network, campaigns, asks };
}

async function fill(store: Store): Promise<void> {
  const start = Date.now();
  const network = withAsks(
    generateNetwork({
      size: people,
      seed: Number(values.seed),
      interactionsPerPerson: perPerson,
      today: new Date(),
    }),
    askCount,
    Number(values.seed),
    Date.now(),
  );
  const loaded = await store.bulkLoad(network, (phase, done, total) => {
    if (done === total || done % 100_000 < 2000)
      process.stderr.write(`\r  ${phase} ${done}/${total}   `);
  });
  process.stderr.write('\n');
  console.log(
    `  loaded ${loaded.people} people, ${loaded.interactions} interactions, ${loaded.asks} asks, ${loaded.campaigns} campaigns in ${((Date.now() - start) / 1000).toFixed(0)} s`,
  );
}

async function bench(kind: 'sqlite' | 'postgres'): Promise<void> {
  const where = await benchTarget(kind, `today-${people}-${perPerson}-${askCount}`, {
    dir: values.dir,
    reuse: values.reuse,
  });
  const store = await openStore(where);
  const counts = await store.counts();
  if (values.reuse && counts.people > 0)
    console.log(`\n${kind}: reusing ${counts.people} people, ${counts.interactions} interactions`);
  else {
    console.log(`\n${kind}: filling…`);
    await fill(store);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const app = createApp(store, { log: () => undefined });
  const agenda = () => store.agenda({ fallbackTimeZone: TZ });
  const first = await agenda();
  const more = first.items.find((i) => i.kind === 'keep-in-touch-more');
  const kinds = [...new Set(first.items.map((i) => i.kind))].join(', ');
  console.log(
    `  the day's list: ${first.items.length} lines (${kinds}); ${more?.kind === 'keep-in-touch-more' ? more.count : 0} more people due beyond the ${first.items.filter((i) => i.kind === 'keep-in-touch').length} shown`,
  );
  for (let i = 0; i < 5; i += 1) await agenda();
  const direct = await repeat(runs, agenda);
  const planned = await repeat(runs, () =>
    store.agenda({
      date: new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10),
      fallbackTimeZone: TZ,
    }),
  );
  const http = await repeat(runs, async () => {
    const res = await app.request('http://localhost/api/today', { headers: { host: 'localhost' } });
    if (res.status !== 200) throw new Error(`GET /api/today answered ${res.status}`);
    await res.json();
  });
  const line = (label: string, t: number[]) =>
    console.log(
      `  ${label.padEnd(34)} median ${ms(quantile(t, 0.5))}  p95 ${ms(quantile(t, 0.95))}  worst ${ms(t.at(-1) ?? NaN)}`,
    );
  console.log(`  ${runs} runs each:`);
  line('Today now (store.agenda)', direct);
  line('a week ahead (--date)', planned);
  line('GET /api/today (in process)', http);
  // The two screens that read the method's whole history on the same workspace: the campaigns
  // (every ask of eight campaigns with its history) and the insights (the year's chats, and the
  // ties graph, read once and then kept).
  const campaignRuns = await repeat(10, () => store.campaigns.list());
  const insightsFirst = await repeat(1, () => store.insights());
  const insightsAgain = await repeat(5, () => store.insights());
  console.log('  the screens that read the whole history:');
  line('campaigns (10 runs)', campaignRuns);
  line('insights, graph not yet read', insightsFirst);
  line('insights again (5 runs)', insightsAgain);
  await store.close();
}

console.log(
  `Kith Today benchmark: ${people} people, ${people * perPerson} interactions, ${askCount} asks`,
);
console.log(`node ${process.version}, ${new Date().toISOString()}`);
const kinds =
  values.db === 'both' ? (['sqlite', 'postgres'] as const) : [values.db as 'sqlite' | 'postgres'];
for (const kind of kinds) {
  if (kind !== 'sqlite' && kind !== 'postgres')
    throw new Error(`--db must be sqlite, postgres or both`);
  await bench(kind);
}
