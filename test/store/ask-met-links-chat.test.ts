// #25.3: marking an ask met after the coffee was logged links that coffee to the ask, says
// so in the ask's history, and logs no second chat; with nothing logged that day, the chat is
// logged as before. A message thread that day is not the meeting.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';

const now = () => new Date('2026-12-07T18:00:00Z');

describeEachDatabase('we met', (db) => {
  it('links the chat logged that day instead of logging a second one', async () => {
    const store = await db().newStore({ now });
    const dana = await store.people.create({ displayName: 'Dana Kim' });
    const ask = await store.asks.create({ personId: dana.id, question: 'How did you price it?' });
    await store.asks.act(ask.id, { type: 'send', at: '2026-12-01T09:00:00Z' });
    await store.interactions.create({
      kind: 'message',
      occurredAt: '2026-12-07T08:00:00Z',
      participantIds: [dana.id],
      summary: 'See you at 3',
    });
    const coffee = await store.interactions.create({
      kind: 'coffee',
      occurredAt: '2026-12-07T15:00:00Z',
      participantIds: [dana.id],
      summary: 'Coffee about pricing',
    });
    const met = await store.asks.act(ask.id, { type: 'meet' });
    expect(met.state).toBe('met');
    expect(met.interactionId).toBe(coffee.id);
    expect(met.history.at(-1)?.note).toBe(
      'linked to the coffee logged on 2026-12-07: Coffee about pricing',
    );
    const timeline = await store.interactions.list({ personId: dana.id });
    expect(timeline.items.map((i) => i.summary).sort()).toEqual([
      'Coffee about pricing',
      'See you at 3',
    ]);
  });

  it('logs the chat when none was logged that day, and never takes another ask’s meeting', async () => {
    const store = await db().newStore({ now });
    const lee = await store.people.create({ displayName: 'Lee Park' });
    const first = await store.asks.create({ personId: lee.id, question: 'First question?' });
    const second = await store.asks.create({ personId: lee.id, question: 'Second question?' });
    for (const ask of [first, second])
      await store.asks.act(ask.id, { type: 'send', at: '2026-12-01T09:00:00Z' });
    const coffee = await store.interactions.create({
      kind: 'coffee',
      occurredAt: '2026-12-07T10:00:00Z',
      participantIds: [lee.id],
      summary: 'Coffee',
    });
    expect((await store.asks.act(first.id, { type: 'meet' })).interactionId).toBe(coffee.id);
    const other = await store.asks.act(second.id, { type: 'meet' });
    expect(other.interactionId).not.toBe(coffee.id);
    const timeline = await store.interactions.list({ personId: lee.id });
    expect(timeline.items.map((i) => i.summary).sort()).toEqual([
      'Chat: Second question?',
      'Coffee',
    ]);
  });
});
