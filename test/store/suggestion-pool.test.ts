// Whom Today suggests asking next for a campaign comes from a bounded pool: warm people
// tagged with the campaign's topics first; someone whose title names the topic joins the
// pool while there are not a hundred warm tagged people to choose from.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';

const NOW = '2026-11-02T09:00:00Z';

describeEachDatabase('campaign suggestions', (db) => {
  async function workspace(taggedWarm: number) {
    const store = await db().newStore({ now: () => new Date(NOW) });
    await store.bulkLoad({
      people: [
        ...Array.from({ length: taggedWarm }, (_, i) => ({
          key: `t${i}`,
          person: { displayName: `Tagged ${String(i).padStart(3, '0')}`, tags: ['pricing'] },
        })),
        { key: 'titled', person: { displayName: 'Tess Title', title: 'Pricing strategy lead' } },
      ],
      interactions: [
        ...Array.from({ length: taggedWarm }, (_, i) => ({
          participants: [`t${i}`],
          interaction: { occurredAt: '2026-10-01T10:00:00Z', kind: 'coffee', summary: 'Chat' },
        })),
        {
          participants: ['titled'],
          interaction: { occurredAt: '2026-10-20T10:00:00Z', kind: 'coffee', summary: 'Chat' },
        },
      ],
    });
    await store.campaigns.create({ name: 'Pricing', tags: ['pricing', 'strategy'], batchSize: 2 });
    const today = await store.today(NOW, 'UTC');
    const pacing = today.items.find((i) => i.kind === 'pacing');
    return pacing?.kind === 'pacing' ? pacing.suggestions.map((s) => s.displayName) : [];
  }

  it('finds a title that names the topic while few tagged people are warm', async () => {
    // Her title names both topics: she fits better than anyone tagged with one of them.
    const names = await workspace(3);
    expect(names[0]).toBe('Tess Title');
    expect(names).toHaveLength(3);
  });

  it('reads a topic with punctuation as its words: "work-life", "taxes (us)"', async () => {
    const store = await db().newStore({ now: () => new Date(NOW) });
    await store.people.create({ displayName: 'Wanda Coach', title: 'Work-life balance coach' });
    await store.people.create({ displayName: 'Ulf Tax', title: 'Taxes, US expats' });
    await store.people.create({ displayName: 'Otto Other', title: 'Designer' });
    await store.campaigns.create({
      name: 'A calmer year',
      tags: ['work-life', 'taxes (us)'],
      batchSize: 2,
    });
    const today = await store.today(NOW, 'UTC');
    const pacing = today.items.find((i) => i.kind === 'pacing');
    const names = pacing?.kind === 'pacing' ? pacing.suggestions.map((s) => s.displayName) : [];
    expect(names.sort()).toEqual(['Ulf Tax', 'Wanda Coach']);
  });

  it(
    'keeps to warm tagged people when there is a full pool of them',
    { timeout: 60_000 },
    async () => {
      const names = await workspace(100);
      expect(names).toHaveLength(3);
      expect(names.every((n) => n.startsWith('Tagged'))).toBe(true);
    },
  );
});
