import { beforeEach, expect, it } from 'vitest';
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
