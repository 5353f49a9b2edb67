// #23.1: dates that matter — a birthday with or without its year, anniversaries, named dates
// yearly or once — kept on a person, named on Today a chosen number of days ahead (in the
// user's zone, 29 February included), through merges and backups.
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase } from '../support/databases.js';

const dateLines = async (store: Store, at: string, zone = 'UTC') =>
  (await store.today(at, zone)).items.filter((i) => i.kind === 'date').map((i) => i.reason);

describeEachDatabase('dates that matter', (db) => {
  it('are kept on a person and named on Today in the days before them', async () => {
    const store = await db().newStore({ now: () => new Date('2026-12-07T10:00:00Z') });
    const dana = await store.people.create({
      displayName: 'Dana Kim',
      dates: [
        { kind: 'birthday', on: '1986-12-11' },
        { kind: 'other', label: 'moved to Lisbon', on: '2021-12-08' },
        { kind: 'other', label: 'launch day', on: '2026-12-09', yearly: false },
      ],
    });
    expect(dana.dates).toEqual([
      { kind: 'birthday', label: null, on: '1986-12-11', yearly: true },
      { kind: 'other', label: 'moved to Lisbon', on: '2021-12-08', yearly: true },
      { kind: 'other', label: 'launch day', on: '2026-12-09', yearly: false },
    ]);
    await store.people.create({
      displayName: 'Lee Park',
      dates: [{ kind: 'birthday', on: '--12-07' }],
    });
    // Monday 7 December 2026.
    expect(await dateLines(store, '2026-12-07T10:00:00Z')).toEqual([
      "Lee Park's birthday today — a good moment to get back in touch",
      'Dana Kim: moved to Lisbon tomorrow (5 years)',
      'Dana Kim: launch day on Wednesday',
      "Dana Kim's 40th birthday on Friday — a good moment to get back in touch",
    ]);
    // The user's zone decides the day: in Auckland it is already the 8th.
    expect((await dateLines(store, '2026-12-07T12:00:00Z', 'Pacific/Auckland'))[0]).toBe(
      'Dana Kim: moved to Lisbon today (5 years)',
    );
    // Three days ahead, then none at all.
    await store.settings.update({ datesAheadDays: 3 });
    expect(await dateLines(store, '2026-12-07T10:00:00Z')).toHaveLength(3);
    await store.settings.update({ datesAheadDays: 0 });
    expect(await dateLines(store, '2026-12-07T10:00:00Z')).toEqual([]);
  });

  it('puts 29 February on the 28th in other years, and over the turn of the year', async () => {
    const store = await db().newStore({ now: () => new Date('2027-02-26T10:00:00Z') });
    await store.people.create({
      displayName: 'Leap Lee',
      dates: [{ kind: 'birthday', on: '2000-02-29' }],
    });
    await store.people.create({
      displayName: 'New Year Ned',
      dates: [{ kind: 'anniversary', label: 'wedding', on: '2019-01-02' }],
    });
    expect(await dateLines(store, '2027-02-26T10:00:00Z')).toEqual([
      "Leap Lee's 27th birthday on Sunday — a good moment to get back in touch",
    ]);
    expect(await dateLines(store, '2027-12-30T10:00:00Z')).toEqual([
      'New Year Ned: wedding on Sunday (9 years)',
    ]);
  });

  it('checks each date, keeps them through a merge and a backup, and leaves with the trash', async () => {
    const store = await db().newStore({ now: () => new Date('2026-12-07T10:00:00Z') });
    await expect(
      store.people.create({ displayName: 'X', dates: [{ kind: 'birthday', on: '1990-02-30' }] }),
    ).rejects.toThrow(/^dates\.0\.on: "1990-02-30" is not a date/);
    await expect(
      store.people.create({
        displayName: 'X',
        dates: [
          { kind: 'birthday', on: '--01-01' },
          { kind: 'birthday', on: '--02-02' },
        ],
      }),
    ).rejects.toThrow(/one birthday at most/);
    await expect(
      store.people.create({ displayName: 'X', dates: [{ kind: 'other', on: '--01-01' }] }),
    ).rejects.toThrow(/^dates\.0\.label: a date of kind other needs a label/);

    const a = await store.people.create({
      displayName: 'Ana Ruiz',
      dates: [{ kind: 'birthday', on: '--12-09' }],
    });
    const b = await store.people.create({
      displayName: 'Ana Ruiz',
      dates: [
        { kind: 'birthday', on: '1990-01-01' },
        { kind: 'anniversary', label: 'work anniversary', on: '2020-12-08' },
      ],
    });
    const merged = await store.merges.merge(a.id, b.id);
    expect(merged.dates.map((d) => d.on)).toEqual(['--12-09', '2020-12-08']);
    const copy = await db().newDatabase({ now: () => new Date('2026-12-07T10:00:00Z') });
    await copy.imports.contacts(
      new TextEncoder().encode(JSON.stringify(await store.exports.json())),
      'kith-backup.json',
    );
    expect(await dateLines(copy, '2026-12-07T10:00:00Z')).toEqual([
      'Ana Ruiz: work anniversary tomorrow (6 years)',
      "Ana Ruiz's birthday on Wednesday — a good moment to get back in touch",
    ]);
    await store.people.archive(merged.id);
    expect(await dateLines(store, '2026-12-07T10:00:00Z')).toEqual([]);
    await store.people.update(merged.id, { dates: [] });
    expect((await store.people.get(merged.id)).dates).toEqual([]);
  });
});
