import { beforeEach, expect, it } from 'vitest';
import type { Person } from '../../src/domain/person.js';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';

describeEachDatabase('interactions', (db) => {
  let store: Store;
  let ada: Person;
  let grace: Person;
  beforeEach(async () => {
    store = await db().newStore();
    ada = await store.people.create({ displayName: 'Ada Lovelace' });
    grace = await store.people.create({ displayName: 'Grace Hopper' });
  });

  it('logs a chat with several people and its insights, each on its own line', async () => {
    const chat = await store.interactions.create({
      occurredAt: '2026-11-20',
      kind: 'coffee',
      summary: 'Coffee about compilers',
      notes: 'Long talk.',
      insights: ['Ship early', 'Ask for feedback on one piece of work'],
      participantIds: [ada.id, grace.id, ada.id],
    });
    expect(chat).toMatchObject({
      occurredAt: '2026-11-20T00:00:00.000Z',
      kind: 'coffee',
      insights: [{ text: 'Ship early' }, { text: 'Ask for feedback on one piece of work' }],
      participants: [
        { id: ada.id, displayName: 'Ada Lovelace' },
        { id: grace.id, displayName: 'Grace Hopper' },
      ],
    });
    expect(await store.interactions.get(chat.id)).toEqual(chat);
    expect((await store.people.get(ada.id)).lastContactAt).toBe('2026-11-20T00:00:00.000Z');
  });

  it('stores a date-time with an offset in UTC', async () => {
    const chat = await store.interactions.create({
      occurredAt: '2026-11-20T09:30:00+02:00',
      kind: 'call',
      summary: 'Call',
      participantIds: [ada.id],
    });
    expect(chat.occurredAt).toBe('2026-11-20T07:30:00.000Z');
  });

  it('lists a person’s interactions newest first', async () => {
    for (const [day, summary] of [
      ['2026-01-01', 'first'],
      ['2026-03-01', 'third'],
      ['2026-02-01', 'second'],
    ] as const) {
      await store.interactions.create({
        occurredAt: day,
        kind: 'call',
        summary,
        participantIds: [ada.id],
      });
    }
    await store.interactions.create({
      occurredAt: '2026-04-01',
      kind: 'call',
      summary: 'other',
      participantIds: [grace.id],
    });
    const list = await store.interactions.list({ personId: ada.id });
    expect(list.items.map((i) => i.summary)).toEqual(['third', 'second', 'first']);
  });

  it('keeps each person’s last contact in step as interactions are logged, moved and deleted', async () => {
    const last = async (id: string) => (await store.people.get(id)).lastContactAt;
    const old = await store.interactions.create({
      occurredAt: '2026-01-10',
      kind: 'call',
      summary: 'a',
      participantIds: [ada.id],
    });
    const recent = await store.interactions.create({
      occurredAt: '2026-06-01',
      kind: 'call',
      summary: 'b',
      participantIds: [ada.id, grace.id],
    });
    expect(await last(ada.id)).toBe('2026-06-01T00:00:00.000Z');
    await store.interactions.update(recent.id, { participantIds: [grace.id] });
    expect(await last(ada.id)).toBe('2026-01-10T00:00:00.000Z');
    await store.interactions.update(old.id, { occurredAt: '2026-02-02' });
    expect(await last(ada.id)).toBe('2026-02-02T00:00:00.000Z');
    await store.interactions.delete(old.id);
    expect(await last(ada.id)).toBeNull();
    expect(await last(grace.id)).toBe('2026-06-01T00:00:00.000Z');
    const sorted = await store.people.list({ sort: 'last-contact' });
    expect(sorted.items.map((p) => p.id)).toEqual([grace.id, ada.id]);
  });

  it('updates and deletes an interaction, keeping search in step', async () => {
    const chat = await store.interactions.create({
      occurredAt: '2026-11-20',
      kind: 'coffee',
      summary: 'Coffee',
      insights: ['pelican'],
      participantIds: [ada.id],
    });
    const updated = await store.interactions.update(chat.id, {
      insights: ['flamingo'],
      participantIds: [grace.id],
    });
    expect(updated.insights.map((i) => i.text)).toEqual(['flamingo']);
    expect(updated.participants.map((p) => p.id)).toEqual([grace.id]);
    expect((await store.search({ q: 'pelican' })).interactions).toEqual([]);
    expect((await store.search({ q: 'flamingo' })).interactions.map((i) => i.id)).toEqual([
      chat.id,
    ]);
    await store.interactions.delete(chat.id);
    expect((await store.search({ q: 'flamingo' })).interactions).toEqual([]);
    await expect(store.interactions.get(chat.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it.each([
    ['no participants', { participantIds: [] }, 'participantIds'],
    [
      'an unknown participant',
      { participantIds: ['01900000-0000-7000-8000-000000000000'] },
      'participantIds.0',
    ],
    ['a bad date', { occurredAt: '2026-13-01' }, 'occurredAt'],
    ['a date-time without a zone', { occurredAt: '2026-11-20T10:00' }, 'occurredAt'],
    ['an unknown kind', { kind: 'telepathy' }, 'kind'],
    ['a blank summary', { summary: '  ' }, 'summary'],
    ['a blank insight', { insights: ['fine', ' '] }, 'insights.1'],
  ])('refuses %s and changes nothing', async (_what, change, field) => {
    const good = {
      occurredAt: '2026-11-20',
      kind: 'coffee',
      summary: 'ok',
      participantIds: [ada.id],
    };
    const before = await snapshot(store);
    await expect(store.interactions.create({ ...good, ...change })).rejects.toMatchObject({
      code: 'invalid_input',
      field,
    });
    expect(await snapshot(store)).toEqual(before);
  });
});
