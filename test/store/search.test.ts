import { beforeEach, expect, it } from 'vitest';
import { generateNetwork } from '../../src/demo/generate-network.js';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase } from '../support/databases.js';

describeEachDatabase('search', (db) => {
  let store: Store;
  beforeEach(async () => {
    store = await db().newStore();
    const jose = await store.people.create({
      displayName: 'José Núñez',
      organization: 'Société Générale',
      title: 'Tax Advisor',
      tags: ['taxes'],
      notes: 'Went independent in 2024.',
    });
    await store.people.create({ displayName: 'Dana Finch', tags: ['finance'], roles: ['mentor'] });
    await store.people.create({
      displayName: 'Priya Raman',
      notes: 'Mentioned Finch as a finance contact once.',
    });
    await store.people.create({ displayName: 'Zoë Müller', title: 'Straße planner' });
    await store.interactions.create({
      occurredAt: '2026-10-01',
      kind: 'coffee',
      summary: 'Coffee about going independent',
      notes: 'We talked about pricing and clients.',
      insights: ['Quarterly tax prepayments surprise new consultants', 'Price by the project'],
      participantIds: [jose.id],
    });
  });

  it('matches a prefix: "fin" finds finance and Finch', async () => {
    const result = await store.search({ q: 'fin' });
    expect(result.people.map((p) => p.displayName)).toEqual(
      expect.arrayContaining(['Dana Finch', 'Priya Raman']),
    );
  });

  it('folds accents both ways: "jose nunez" finds José Núñez, "zoe muller" finds Zoë Müller', async () => {
    expect((await store.search({ q: 'jose nunez' })).people.map((p) => p.displayName)).toEqual([
      'José Núñez',
    ]);
    expect((await store.search({ q: 'JOSÉ' })).people.map((p) => p.displayName)).toEqual([
      'José Núñez',
    ]);
    expect((await store.search({ q: 'zoe muller' })).people.map((p) => p.displayName)).toEqual([
      'Zoë Müller',
    ]);
    expect((await store.search({ q: 'societe' })).people.map((p) => p.displayName)).toEqual([
      'José Núñez',
    ]);
    expect((await store.search({ q: 'strasse' })).people.map((p) => p.displayName)).toEqual([
      'Zoë Müller',
    ]);
  });

  it('ranks a match in the name above a match in the notes', async () => {
    const result = await store.search({ q: 'finch' });
    expect(result.people.map((p) => p.displayName)).toEqual(['Dana Finch', 'Priya Raman']);
    expect(result.people[1]?.snippet).toContain('Finch');
    expect(result.people[0]?.score).toBeGreaterThan(result.people[1]?.score ?? Infinity);
  });

  it('ranks people alike on both databases: field by field, a whole word above a word beginning, then newest', async () => {
    // Made oldest first; the names say what each holds.
    for (const person of [
      { displayName: 'Anna Berg', notes: 'Met at a design meetup' },
      { displayName: 'Ann Lee', tags: ['design'] },
      { displayName: 'Annika Sjö', title: 'Design lead' },
      { displayName: 'Mia Designer' },
    ])
      await store.people.create(person);
    const ranked = async (q: string) =>
      (await store.search({ q, in: 'people' })).people.map((p) => p.displayName);
    // "Ann" is a whole name of one and the beginning of two: the whole word first, then the
    // newer of the two.
    expect(await ranked('ann')).toEqual(['Ann Lee', 'Annika Sjö', 'Anna Berg']);
    // A tag (whole word) above a name's beginning above a title above the notes.
    expect(await ranked('design')).toEqual(['Ann Lee', 'Mia Designer', 'Annika Sjö', 'Anna Berg']);
    // Every word must match; the name's counts most.
    expect(await ranked('ann design')).toEqual(['Ann Lee', 'Annika Sjö', 'Anna Berg']);
  });

  it('lists chats that hold the whole word before those with a word beginning with it', async () => {
    const { id } = await store.people.create({ displayName: 'Lena Park' });
    const chat = (occurredAt: string, summary: string) =>
      store.interactions.create({ occurredAt, kind: 'call', summary, participantIds: [id] });
    await chat('2026-01-01', 'Tax call');
    await chat('2026-11-01', 'Taxes lunch');
    const found = await store.search({ q: 'tax', in: 'interactions' });
    expect(found.interactions.map((i) => i.summary)).toEqual([
      'Coffee about going independent', // an insight says "tax", 2026-10-01
      'Tax call',
      'Taxes lunch',
    ]);
  });

  it('finds an interaction by a word of one insight and says which insight matched', async () => {
    const result = await store.search({ q: 'prepay' });
    expect(result.interactions).toHaveLength(1);
    expect(result.interactions[0]).toMatchObject({
      summary: 'Coffee about going independent',
      matchedInsights: ['Quarterly tax prepayments surprise new consultants'],
      participants: [{ displayName: 'José Núñez' }],
    });
  });

  it('lists matching interactions newest first, and moves one when its date changes', async () => {
    const [jose] = (await store.search({ q: 'jose' })).people;
    const log = (occurredAt: string, summary: string) =>
      store.interactions.create({
        occurredAt,
        kind: 'call',
        summary,
        participantIds: [jose?.id ?? ''],
      });
    const old = await log('2024-05-01', 'Budget call one');
    await log('2026-11-01T08:00:00Z', 'Budget call two');
    await log('2025-06-15', 'Budget call three');
    await log('2026-11-01T08:00:30Z', 'Budget call four');
    const order = async () =>
      (await store.search({ q: 'budget' })).interactions.map((i) => i.summary);
    expect(await order()).toEqual([
      'Budget call four',
      'Budget call two',
      'Budget call three',
      'Budget call one',
    ]);
    await store.interactions.update(old.id, { occurredAt: '2026-11-27' });
    expect((await order())[0]).toBe('Budget call one');
  });

  it('requires every word to match', async () => {
    expect((await store.search({ q: 'dana taxes' })).people).toEqual([]);
    expect((await store.search({ q: 'independent pricing' })).interactions).toHaveLength(1);
  });

  it('treats punctuation and query syntax as plain text', async () => {
    for (const q of ['"', 'NEAR(a b)', 'fin*', 'a OR b', "o'brien", '(', 'tax:*', '&|!']) {
      await expect(store.search({ q })).resolves.toBeDefined();
    }
    expect((await store.search({ q: '***' })).people).toEqual([]);
  });

  it('leaves people in the trash out, and finds them again once restored', async () => {
    const [dana] = (await store.search({ q: 'dana' })).people;
    await store.people.archive(dana?.id ?? '');
    expect((await store.search({ q: 'dana' })).people).toEqual([]);
    await store.people.restore(dana?.id ?? '');
    expect((await store.search({ q: 'dana' })).people).toHaveLength(1);
  });

  it('finds a person by new words after an edit, and by an organization’s new name', async () => {
    const [jose] = (await store.search({ q: 'jose' })).people;
    await store.people.update(jose?.id ?? '', { tags: ['mortgages'] });
    expect((await store.search({ q: 'mortgage' })).people).toHaveLength(1);
    expect((await store.search({ q: 'taxes' })).people).toEqual([]);
    const org = (await store.organizations.list()).find((o) => o.name === 'Société Générale');
    await store.organizations.update(org?.id ?? '', { name: 'Banque Nouvelle' });
    expect((await store.search({ q: 'banque' })).people.map((p) => p.displayName)).toEqual([
      'José Núñez',
    ]);
  });

  it('finds a chat by whom it was with, by their new name after a rename or a merge', async () => {
    const chats = async (q: string) =>
      (await store.search({ q, in: 'interactions' })).interactions.map((i) => i.summary);
    // "Nunez" is in no word of the chat: it is the name of the person in it.
    expect(await chats('nunez pricing')).toEqual(['Coffee about going independent']);
    expect(await chats('nunez lunch')).toEqual([]);
    const [jose] = (await store.search({ q: 'José Núñez', in: 'people' })).people;
    const dana = (await store.search({ q: 'Dana', in: 'people' })).people[0];
    if (!jose || !dana) throw new Error('José and Dana expected');
    const lunch = await store.interactions.create({
      occurredAt: '2026-10-05',
      kind: 'meeting',
      summary: 'Lunch',
      participantIds: [dana.id],
    });
    expect(await chats('finch')).toEqual(['Lunch']);
    // Added to a chat later: found by it.
    await store.interactions.update(lunch.id, { participantIds: [dana.id, jose.id] });
    expect(await chats('nunez lunch')).toEqual(['Lunch']);
    // Renamed: the chats follow the new name.
    await store.people.update(dana.id, { displayName: 'Dana Okafor' });
    expect(await chats('okafor')).toEqual(['Lunch']);
    expect(await chats('finch')).toEqual([]);
    // Merged: the other's chats are found by the kept person's name.
    await store.merges.merge(dana.id, jose.id);
    expect((await chats('okafor')).sort()).toEqual(['Coffee about going independent', 'Lunch']);
    expect(await chats('nunez')).toEqual([]);
  });

  it('refuses a blank query', async () => {
    await expect(store.search({ q: '  ' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'q',
    });
  });
});

describeEachDatabase('search on a network larger than the newest rows it reads first', (db) => {
  it('finds a rare word however old, and a common one newest first', async () => {
    const store = await db().newStore({ now: () => new Date('2026-11-28T10:00:00Z') });
    // The oldest person and the oldest chat, each with a word nobody else has.
    const oldest = await store.people.create({ displayName: 'Ines Quixotic' });
    await store.interactions.create({
      occurredAt: '2001-01-01',
      kind: 'call',
      summary: 'Call about Zanzibar',
      participantIds: [oldest.id],
    });
    const network = generateNetwork({
      size: 2100,
      seed: 3,
      interactionsPerPerson: 1,
      today: new Date('2026-11-28T00:00:00Z'),
    });
    await store.bulkLoad(network);
    expect((await store.counts()).interactions).toBeGreaterThan(2100);

    const quixotic = await store.search({ q: 'quixotic', in: 'people' });
    expect(quixotic.people.map((p) => p.displayName)).toEqual(['Ines Quixotic']);
    const zanzibar = await store.search({ q: 'zanzibar', in: 'interactions' });
    expect(zanzibar.interactions.map((i) => i.summary)).toEqual(['Call about Zanzibar']);

    const common = (await store.search({ q: 'coffee', in: 'interactions', limit: 10 }))
      .interactions;
    expect(common).toHaveLength(10);
    const times = common.map((i) => i.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    // Nothing newer holds the word than what was listed.
    const newest = await store.interactions.list({ limit: 200 });
    const newer = newest.items.filter(
      (i) =>
        i.occurredAt >= (times.at(-1) ?? '') &&
        /\bcoffee\b/i.test(
          `${i.summary} ${i.notes ?? ''} ${i.insights.map((x) => x.text).join(' ')}`,
        ),
    );
    expect(newer.map((i) => i.id).sort()).toEqual(common.map((i) => i.id).sort());
    await store.close();
  });
});

describeEachDatabase('search that reads the newest rows in more than one step', (db) => {
  it('finds the newest matches of a word neither common nor rare, and all of a rarer one', async () => {
    const store = await db().newStore({ now: () => new Date('2026-11-28T10:00:00Z') });
    // 1,500 chats, one a day going back; every 30th says "ledger" (50), every 300th "zephyr" (5).
    const day = (i: number) => new Date(Date.UTC(2026, 10, 27) - i * 86_400_000).toISOString();
    const summary = (i: number) =>
      i % 300 === 0 ? `Walk ${i} zephyr` : i % 30 === 0 ? `Review ${i} ledger` : `Chat ${i}`;
    await store.bulkLoad({
      people: [{ key: 'p', person: { displayName: 'Pat Steps' } }],
      interactions: Array.from({ length: 1500 }, (_, i) => ({
        participants: ['p'],
        interaction: { occurredAt: day(i), kind: 'call', summary: summary(i) },
      })),
    });
    const found = async (q: string) =>
      (await store.search({ q, in: 'interactions', limit: 20 })).interactions.map((i) => i.summary);
    const newest = (word: string, n: number) =>
      Array.from({ length: 1500 }, (_, i) => i)
        .filter((i) => summary(i).endsWith(word))
        .slice(0, n)
        .map(summary);
    expect(await found('ledger')).toEqual(newest('ledger', 20));
    expect(await found('zephyr')).toEqual(newest('zephyr', 20));
    expect(await found('zephyr')).toHaveLength(5);
    await store.close();
  });
});
