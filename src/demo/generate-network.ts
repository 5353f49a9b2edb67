// Generates a realistic, deterministic network: the same seed and day give the same people,
// organizations, roles and three years of interactions with notes and insights. It feeds
// `kith demo`, the web app's first-run sample and the benchmarks.
import { ROLES, type Role } from '../domain/person.js';
import { INTERACTION_KINDS, type InteractionKind } from '../domain/interaction.js';
import type {
  NetworkData,
  NetworkInteraction,
  NetworkKnows,
  NetworkPerson,
} from '../domain/network.js';
import { seededRandom, type Random } from './random.js';
import {
  FAMILY_NAMES,
  GIVEN_NAMES,
  HOW_WE_MET,
  INSIGHTS,
  LOCATIONS,
  NOTES,
  ORGANIZATIONS,
  SUMMARIES,
  TITLES,
  TOPICS,
  UNITS,
} from './vocabulary.js';

export interface DemoOptions {
  /** How many people. */
  size: number;
  seed: number;
  /** Interactions per person on average (the benchmark uses 10). */
  interactionsPerPerson?: number;
  /** The last day interactions may fall on. */
  today: Date;
  /** Who-knows-whom edges drawn from each person (default 2; the warm-path benchmark uses 10). */
  knowsPerPerson?: number;
  /** The share of people the user has never talked to (default 0.15): reached through others. */
  strangerShare?: number;
}

const DAY = 86_400_000;
const CADENCE_DAYS: Partial<Record<Role, number>> = {
  mentor: 42,
  'work-friend': 14,
  connector: 90,
  sponsor: 60,
  peer: 30,
};

const fill = (template: string, topic: string) => template.replace(/\{topic\}/g, topic);

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function makePerson(rnd: Random, index: number): NetworkPerson {
  const given = rnd.pick(GIVEN_NAMES);
  const family = rnd.pick(FAMILY_NAMES);
  const org = rnd.pick(ORGANIZATIONS);
  const topics = rnd.sample(TOPICS, rnd.int(1, 3));
  const roleCount = rnd.chance(0.15) ? 0 : rnd.chance(0.8) ? 1 : 2;
  const roles = rnd.sample(ROLES, roleCount);
  const firstRole = roles[0];
  const cadenceDays = firstRole && rnd.chance(0.6) ? CADENCE_DAYS[firstRole] : undefined;
  const handle = `${slug(given)}-${slug(family)}-${index}`;
  const topic = topics[0] ?? 'networking';
  return {
    key: String(index),
    person: {
      displayName: `${given} ${family}`,
      givenName: given,
      familyName: family,
      emails: rnd.chance(0.7) ? [`${handle}@${slug(org) || 'example'}.example`] : [],
      phones: rnd.chance(0.3)
        ? [`+1 555 ${String(rnd.int(100, 999))} ${String(rnd.int(1000, 9999))}`]
        : [],
      linkedin: rnd.chance(0.6) ? `https://www.linkedin.com/in/${handle}` : null,
      organization: org,
      title: rnd.pick(TITLES),
      unit: rnd.chance(0.85) ? rnd.pick(UNITS) : null,
      location: rnd.pick(LOCATIONS),
      howWeMet: fill(rnd.pick(HOW_WE_MET), topic),
      tags: topics,
      roles,
      notes: rnd.chance(0.5)
        ? `Knows a lot about **${topic}**.\n\n- Prefers ${rnd.pick(['mornings', 'Fridays', 'short calls', 'email first'])}\n- ${fill(rnd.pick(NOTES), topic)}`
        : null,
      cadence: cadenceDays ? { kind: 'every', days: cadenceDays } : { kind: 'none' },
    },
  };
}

function makeInteraction(
  rnd: Random,
  people: readonly NetworkPerson[],
  topicsOf: (key: string) => string[],
  today: Date,
): NetworkInteraction {
  const main = rnd.pick(people);
  const participants = [main.key];
  if (rnd.chance(0.2)) {
    for (let i = rnd.int(1, 2); i > 0; i -= 1) participants.push(rnd.pick(people).key);
  }
  const topic = rnd.pick(topicsOf(main.key).length ? topicsOf(main.key) : TOPICS);
  const daysAgo = Math.floor(rnd.next() ** 1.5 * 3 * 365);
  const when = new Date(today.getTime() - daysAgo * DAY + rnd.int(8, 18) * 3_600_000);
  const kind: InteractionKind = rnd.chance(0.35) ? 'coffee' : rnd.pick(INTERACTION_KINDS);
  const insightCount = rnd.chance(0.4) ? 0 : rnd.int(1, 3);
  return {
    participants,
    interaction: {
      occurredAt: new Date(
        Date.UTC(when.getUTCFullYear(), when.getUTCMonth(), when.getUTCDate(), when.getUTCHours()),
      ).toISOString(),
      kind,
      summary: fill(rnd.pick(SUMMARIES), topic),
      notes: rnd.chance(0.6) ? fill(rnd.pick(NOTES), topic) : null,
      insights: Array.from({ length: insightCount }, () => fill(rnd.pick(INSIGHTS), topic)),
    },
  };
}

export function generateNetwork(options: DemoOptions): NetworkData {
  const rnd = seededRandom(options.seed);
  const people = Array.from({ length: options.size }, (_, i) => makePerson(rnd, i));
  const topics = new Map(
    people.map((p) => [p.key, ((p.person as { tags?: string[] }).tags ?? []) as string[]]),
  );
  const today = new Date(
    Date.UTC(
      options.today.getUTCFullYear(),
      options.today.getUTCMonth(),
      options.today.getUTCDate(),
    ),
  );
  // Strangers are drawn from a stream of their own, so the people stay the same for a seed.
  const strangerRnd = seededRandom(options.seed ^ 0x5eed);
  const strangerShare = options.strangerShare ?? 0.15;
  const known = people.filter(() => !strangerRnd.chance(strangerShare));
  const count = Math.round(options.size * (options.interactionsPerPerson ?? 6));
  const interactions = Array.from({ length: count }, () =>
    makeInteraction(rnd, known.length ? known : people, (k) => topics.get(k) ?? [], today),
  );
  return {
    people,
    interactions,
    knows: makeKnows(seededRandom(options.seed ^ 0xc0ffee), people, options.knowsPerPerson ?? 2),
  };
}

const OTHER_CONTEXTS = ['same board', 'met at a conference', 'studied together', 'old neighbours'];
const TIE_LABELS = ['strong', 'good', 'good', 'weak', 'weak'] as const;

/**
 * Who knows whom: from each person, `perPerson` edges — mostly colleagues at the same
 * organization, some people working on the same topic, a few from elsewhere in life.
 */
function makeKnows(
  rnd: Random,
  people: readonly NetworkPerson[],
  perPerson: number,
): NetworkKnows[] {
  const fields = people.map((p) => p.person as { organization?: string; tags?: string[] });
  const byOrganization = new Map<string, number[]>();
  const byTopic = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  fields.forEach((f, i) => {
    if (f.organization) add(byOrganization, f.organization, i);
    for (const t of f.tags ?? []) add(byTopic, t, i);
  });
  const seen = new Set<number>();
  const knows: NetworkKnows[] = [];
  const n = people.length;
  for (let i = 0; i < n && n > 1; i += 1) {
    for (let e = 0; e < perPerson; e += 1) {
      const f = fields[i] ?? {};
      const roll = rnd.next();
      let j: number;
      let context: string;
      const colleagues = f.organization ? byOrganization.get(f.organization) : undefined;
      const topic = f.tags?.length ? rnd.pick(f.tags) : undefined;
      if (roll < 0.6 && colleagues && colleagues.length > 1) {
        j = rnd.pick(colleagues);
        context = `worked together at ${f.organization ?? ''}`;
      } else if (roll < 0.8 && topic) {
        j = rnd.pick(byTopic.get(topic) ?? [i]);
        context = `both work on ${topic}`;
      } else {
        j = rnd.int(0, n - 1);
        context = rnd.pick(OTHER_CONTEXTS);
      }
      const pair = Math.min(i, j) * n + Math.max(i, j);
      if (j === i || seen.has(pair)) continue;
      seen.add(pair);
      knows.push({
        a: people[i]?.key ?? '',
        b: people[j]?.key ?? '',
        context,
        strength: rnd.pick(TIE_LABELS),
      });
    }
  }
  return knows;
}
