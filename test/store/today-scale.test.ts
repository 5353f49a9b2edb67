// Today on a workspace with more people due than one SQL statement may bind parameters for
// (SQLite allows 32,766): it once failed there with "too many SQL variables".
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';

const PEOPLE = 34_000;

describeEachDatabase('Today at scale', (db) => {
  it(
    `builds the agenda when ${PEOPLE.toLocaleString('en')} people are due`,
    { timeout: 120_000 },
    async () => {
      const store = await db().newStore({ now: () => new Date('2026-11-02T09:00:00Z') });
      await store.bulkLoad({
        people: Array.from({ length: PEOPLE }, (_, i) => ({
          key: `p${i}`,
          person: {
            displayName: `Person ${String(i).padStart(5, '0')}`,
            roles: ['mentor'],
            tags: i % 2 ? ['taxes'] : [],
          },
        })),
        interactions: [],
      });
      const today = await store.today('2027-06-01T09:00:00Z', 'Europe/Lisbon');
      const keep = today.items.filter((i) => i.kind === 'keep-in-touch');
      expect(keep).toHaveLength(7);
      expect(today.items.find((i) => i.kind === 'keep-in-touch-more')).toMatchObject({
        count: PEOPLE - 7,
      });
    },
  );
});
