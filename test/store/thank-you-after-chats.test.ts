// #25.2: every chat earns a thank-you — a coffee, a call, a meeting (the kinds in Settings),
// not a message — shown on Today until it is thanked or declared not needed, per chat or per
// person; an ask's chat is thanked once, through the ask.
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase } from '../support/databases.js';

const now = () => new Date('2026-12-07T18:00:00Z');

const thankLines = async (store: Store) =>
  (await store.today(now().toISOString(), 'UTC')).items
    .filter((i) => i.kind === 'thank' || i.kind === 'thank-chat')
    .map((i) => i.reason);

describeEachDatabase('a thank-you after every chat', (db) => {
  const newStore = () => db().newStore({ now });

  it('owes one after a coffee, not after a message, and settles it from Today', async () => {
    const store = await newStore();
    const dana = await store.people.create({ displayName: 'Dana Kim' });
    const coffee = await store.interactions.create({
      kind: 'coffee',
      occurredAt: '2026-12-06T15:00:00Z',
      participantIds: [dana.id],
      summary: 'Coffee about pricing',
    });
    const message = await store.interactions.create({
      kind: 'message',
      occurredAt: '2026-12-07T08:00:00Z',
      participantIds: [dana.id],
      summary: 'Thanks again',
    });
    expect(coffee.thankYou).toBe('owed');
    expect(message.thankYou).toBeNull();
    const today = await store.today(now().toISOString(), 'UTC');
    expect(today.items.filter((i) => i.kind === 'thank-chat')).toEqual([
      {
        kind: 'thank-chat',
        interactionId: coffee.id,
        personId: dana.id,
        personName: 'Dana Kim',
        reason: 'Thank Dana Kim for the coffee yesterday',
      },
    ]);
    expect((await store.interactions.update(coffee.id, { thankYou: 'thanked' })).thankYou).toBe(
      'thanked',
    );
    expect(await thankLines(store)).toEqual([]);
  });

  it('owes none when the chat or the person says so, and follows the kinds in Settings', async () => {
    const store = await newStore();
    const lee = await store.people.create({ displayName: 'Lee Park' });
    const partner = await store.people.create({ displayName: 'Sam Rivera', noThankYou: true });
    expect(partner.noThankYou).toBe(true);
    const declined = await store.interactions.create({
      kind: 'call',
      occurredAt: '2026-12-07T09:00:00Z',
      participantIds: [lee.id],
      summary: 'Quick call',
      thankYou: 'not-needed',
    });
    const dinner = await store.interactions.create({
      kind: 'meeting',
      occurredAt: '2026-12-07T19:30:00Z',
      participantIds: [partner.id],
      summary: 'Dinner planning',
    });
    expect(declined.thankYou).toBe('not-needed');
    expect(dinner.thankYou).toBe('not-needed');
    // Old history written down today owes nothing.
    const old = await store.interactions.create({
      kind: 'coffee',
      occurredAt: '2026-10-01T09:00:00Z',
      participantIds: [lee.id],
      summary: 'Coffee in October',
    });
    expect(old.thankYou).toBeNull();

    await store.settings.update({ thankYouKinds: ['coffee', 'message'] });
    const call = await store.interactions.create({
      kind: 'call',
      occurredAt: '2026-12-07T10:00:00Z',
      participantIds: [lee.id],
      summary: 'Another call',
    });
    const note = await store.interactions.create({
      kind: 'message',
      occurredAt: '2026-12-07T11:00:00Z',
      participantIds: [lee.id, partner.id],
      summary: 'A long message thread',
    });
    expect(call.thankYou).toBeNull();
    expect(note.thankYou).toBe('owed');
    // The person who wants none is left out of the line.
    expect(await thankLines(store)).toEqual(['Thank Lee Park for the message today']);

    // Marked later, a person's chats leave Today too.
    await store.people.update(lee.id, { noThankYou: true });
    expect(await thankLines(store)).toEqual([]);
    expect((await store.people.get(lee.id)).noThankYou).toBe(true);
    await store.people.update(lee.id, { noThankYou: false });
    expect(await thankLines(store)).toEqual(['Thank Lee Park for the message today']);
  });

  it('names everyone in a group chat, and waits for a chat planned later today', async () => {
    const store = await newStore();
    const ids = [];
    for (const name of ['Ada Byrne', 'Ben Cho', 'Cleo Diaz', 'Dev Ellis'])
      ids.push((await store.people.create({ displayName: name })).id);
    await store.interactions.create({
      kind: 'meeting',
      occurredAt: '2026-12-04T10:00:00Z',
      participantIds: ids,
      summary: 'Team lunch',
    });
    await store.interactions.create({
      kind: 'coffee',
      occurredAt: '2026-12-07T20:00:00Z',
      participantIds: [ids[0] ?? ''],
      summary: 'Coffee tonight',
    });
    expect(await thankLines(store)).toEqual([
      'Thank Ada Byrne, Ben Cho and 2 others for the meeting 3 days ago',
    ]);
  });

  it('thanks an ask’s chat once: through the ask, or through the chat', async () => {
    const store = await newStore();
    const dana = await store.people.create({ displayName: 'Dana Kim' });
    const lee = await store.people.create({ displayName: 'Lee Park' });
    const first = await store.asks.create({ personId: dana.id, question: 'How did you price it?' });
    await store.asks.act(first.id, { type: 'send', at: '2026-12-01T09:00:00Z' });
    const coffee = await store.interactions.create({
      kind: 'coffee',
      occurredAt: '2026-12-07T15:00:00Z',
      participantIds: [dana.id],
      summary: 'Coffee about pricing',
    });
    expect(await thankLines(store)).toEqual(['Thank Dana Kim for the coffee today']);
    await store.asks.act(first.id, { type: 'meet' });
    // One line, the ask's.
    expect(await thankLines(store)).toEqual(['Thank Dana Kim for the chat']);
    await store.asks.act(first.id, { type: 'thank' });
    expect(await thankLines(store)).toEqual([]);
    expect((await store.interactions.get(coffee.id)).thankYou).toBe('thanked');

    // The other way round: the chat marked thanked from the person's page thanks the ask.
    const second = await store.asks.create({ personId: lee.id, question: 'How did you hire?' });
    await store.asks.act(second.id, { type: 'send', at: '2026-12-01T09:00:00Z' });
    const met = await store.asks.act(second.id, { type: 'meet' });
    expect(await thankLines(store)).toEqual(['Thank Lee Park for the chat']);
    await store.interactions.update(met.interactionId ?? '', { thankYou: 'thanked' });
    expect((await store.asks.get(second.id)).state).toBe('thanked');
    expect(await thankLines(store)).toEqual([]);
  });

  it('refuses a thank-you state that is not one, naming the field', async () => {
    const store = await newStore();
    const dana = await store.people.create({ displayName: 'Dana Kim' });
    await expect(
      store.interactions.create({
        kind: 'coffee',
        occurredAt: '2026-12-07T15:00:00Z',
        participantIds: [dana.id],
        summary: 'Coffee',
        thankYou: 'thanked',
      }),
    ).rejects.toThrow(/thankYou/);
    await expect(store.settings.update({ thankYouKinds: ['tea'] })).rejects.toThrow(
      /thankYouKinds\.0/,
    );
  });
});
