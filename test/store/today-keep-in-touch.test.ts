// Today finds who is due to keep in touch through the stored, indexed due date, loading only
// the people near the top and the edge. This checks it against the plain rule — the domain's
// buildToday over every person — on a random workspace, in zones either side of the date line,
// before and after every kind of write that moves a due date.
import { expect, it } from 'vitest';
import type { Cadence } from '../../src/domain/cadence.js';
import type { Person } from '../../src/domain/person.js';
import { localNoon } from '../../src/domain/method/calendar.js';
import { buildToday, type TodayItem } from '../../src/domain/method/today.js';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase } from '../support/databases.js';

const NOW = '2026-06-01T12:00:00Z';
const ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York'];
const DATES = ['2026-05-20', '2026-06-01', '2026-06-15', '2026-07-10', '2026-08-05'];

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const instant = (from: string, days: number) =>
    new Date(Date.parse(from) + next() * days * 86_400_000).toISOString();
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;
  return { next, int, instant, pick };
}

const keepInTouchLines = (items: TodayItem[]) =>
  items.filter((i) => i.kind === 'keep-in-touch' || i.kind === 'keep-in-touch-more');

async function everyone(store: Store): Promise<Person[]> {
  const all: Person[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.people.list({ limit: 1000, offset });
    all.push(...page.items);
    if (page.items.length < 1000) return all;
  }
}

describeEachDatabase('Today keep-in-touch from stored due dates', (db) => {
  it(
    'lists the same people, in the same order, as the rule applied to everyone',
    { timeout: 120_000 },
    async () => {
      const store = await db().newStore({ now: () => new Date(NOW) });
      const rnd = random(20261129);
      const cadence = (): Cadence => {
        const roll = rnd.next();
        if (roll < 0.35) return { kind: 'none' };
        if (roll < 0.8) return { kind: 'every', days: rnd.int(1, 60) };
        return { kind: 'once', on: rnd.instant('2026-05-01T00:00:00Z', 100).slice(0, 10) };
      };
      const roles = ['mentor', 'work-friend', 'connector', 'peer', 'sponsor'] as const;
      await store.bulkLoad({
        people: Array.from({ length: 400 }, (_, i) => ({
          key: `p${i}`,
          person: {
            displayName: `Person ${i % 50} ${i}`,
            cadence: cadence(),
            roles: rnd.next() < 0.5 ? [rnd.pick(roles)] : [],
          },
        })),
        interactions: Array.from({ length: 500 }, () => ({
          participants: [`p${rnd.int(0, 399)}`, `p${rnd.int(0, 399)}`],
          interaction: {
            kind: 'coffee',
            summary: 'Coffee',
            occurredAt: rnd.instant('2026-03-01T00:00:00Z', 130),
          },
        })),
      });
      // The most overdue, crowded within two days of each other: who comes first depends on
      // the zone's calendar day of each last chat, then on the name.
      await store.bulkLoad({
        people: Array.from({ length: 60 }, (_, i) => ({
          key: `c${i}`,
          person: { displayName: `Crowd ${rnd.int(10, 99)}`, cadence: { kind: 'every', days: 1 } },
        })),
        interactions: Array.from({ length: 60 }, (_, i) => ({
          participants: [`c${i}`],
          interaction: {
            kind: 'call',
            summary: 'Call',
            occurredAt: rnd.instant('2026-03-01T00:00:00Z', 2),
          },
        })),
      });
      let people = await everyone(store);
      const snoozed = new Map<string, string>();
      for (const p of people.slice(0, 40)) {
        const until = rnd.instant('2026-05-15T00:00:00Z', 90).slice(0, 10);
        await store.snooze(p.id, { until });
        snoozed.set(p.id, until);
      }
      for (const p of people.slice(40, 50)) await store.people.archive(p.id);

      const compare = async (dates: readonly string[]) => {
        const [settings, all] = await Promise.all([store.settings.get(), everyone(store)]);
        for (const timeZone of ZONES) {
          for (const date of dates) {
            const fromStore = await store.agenda({ date, timeZone, fallbackTimeZone: 'UTC' });
            const expected = buildToday(
              {
                people: all.map((p) => ({
                  ...p,
                  organization: p.organization?.name ?? null,
                  snoozedUntil: snoozed.get(p.id) ?? null,
                })),
                asks: [],
                campaigns: [],
                tasks: [],
                roleCadence: settings.roleCadence,
              },
              localNoon(date, timeZone),
              timeZone,
            );
            expect(keepInTouchLines(fromStore.items), `${date} in ${timeZone}`).toEqual(
              keepInTouchLines(expected),
            );
          }
        }
      };
      await compare(DATES);

      // Every write that moves a due date: role defaults, cadences, roles, snoozes, and
      // interactions added, moved and deleted.
      await store.settings.update({ roleCadence: { mentor: 7, peer: 30 } });
      people = await everyone(store);
      for (const p of people.slice(50, 80)) {
        await store.people.update(p.id, { cadence: cadence(), roles: [rnd.pick(roles)] });
      }
      for (const p of people.slice(0, 10)) {
        await store.snooze(p.id, { until: null });
        snoozed.delete(p.id);
      }
      const { items: logged } = await store.interactions.list({ limit: 60 });
      for (const i of logged.slice(0, 20)) {
        await store.interactions.update(i.id, {
          occurredAt: rnd.instant('2026-05-25T00:00:00Z', 10),
        });
      }
      for (const i of logged.slice(20, 40)) await store.interactions.delete(i.id);
      for (const p of people.slice(80, 120)) {
        await store.interactions.create({
          kind: 'call',
          summary: 'Call',
          occurredAt: rnd.instant('2026-05-28T00:00:00Z', 8),
          participantIds: [p.id],
        });
      }
      await compare(DATES.slice(1, 4));
    },
  );
});
