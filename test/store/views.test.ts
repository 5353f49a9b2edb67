// #23.5: saved views of the People list — filters kept under a name — and the filter they
// most need: people not contacted in so many days.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';

const now = () => new Date('2026-12-07T12:00:00Z');

describeEachDatabase('saved views', (db) => {
  it('keep filters under a name, list people through them, and are replaced or forgotten', async () => {
    const store = await db().newStore({ now });
    const names = async (query: Record<string, unknown>) =>
      (await store.people.list(query)).items.map((p) => p.displayName);
    const ada = await store.people.create({ displayName: 'Ada Byrne', roles: ['mentor'] });
    const ben = await store.people.create({ displayName: 'Ben Cho', roles: ['mentor'] });
    await store.people.create({ displayName: 'Cleo Diaz', roles: ['peer'] });
    for (const [who, day] of [
      [ada.id, '2026-11-30'],
      [ben.id, '2026-06-01'],
    ] as const)
      await store.interactions.create({
        kind: 'email',
        occurredAt: day,
        summary: 'Catching up',
        participantIds: [who],
      });
    // Not contacted in 90 days: Ben (June) and Cleo (never); not Ada (last week).
    expect(await names({ quietDays: 90 })).toEqual(['Ben Cho', 'Cleo Diaz']);
    await expect(store.people.list({ quietDays: 0 })).rejects.toThrow(/quietDays: at least 1 day/);

    const view = await store.views.save({
      name: 'Mentors gone quiet',
      filter: { role: 'mentor', quietDays: 90, sort: 'last-contact' },
    });
    expect(view).toEqual({
      name: 'Mentors gone quiet',
      slug: 'mentors-gone-quiet',
      filter: { role: 'mentor', quietDays: 90, sort: 'last-contact' },
    });
    const { sort, ...filter } = (await store.views.get('mentors-gone-quiet')).filter;
    expect(await names({ ...filter, sort })).toEqual(['Ben Cho']);

    // Saved again under the same name: replaced, not doubled.
    await store.views.save({ name: 'Mentors Gone Quiet', filter: { role: 'mentor' } });
    expect((await store.views.list()).map((v) => [v.slug, v.filter])).toEqual([
      ['mentors-gone-quiet', { role: 'mentor' }],
    ]);
    await expect(store.views.save({ name: 'Everyone', filter: {} })).rejects.toThrow(
      /^filter: a view keeps at least one filter/,
    );
    await expect(store.views.save({ name: 'Bad', filter: { role: 'boss' } })).rejects.toThrow(
      /^filter\.role: "boss" is not a role/,
    );
    await store.views.remove('Mentors gone quiet');
    expect(await store.views.list()).toEqual([]);
    await expect(store.views.get('mentors-gone-quiet')).rejects.toThrow(
      'No saved view is called "mentors-gone-quiet": there are none yet',
    );
  });
});
