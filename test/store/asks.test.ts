import { beforeEach, expect, it } from 'vitest';
import type { Person } from '../../src/domain/person.js';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';

const TZ = 'Europe/Lisbon';

describeEachDatabase('asks and campaigns', (db) => {
  let store: Store;
  let dana: Person;
  let lee: Person;
  let clock = new Date('2026-11-02T09:00:00Z');
  beforeEach(async () => {
    clock = new Date('2026-11-02T09:00:00Z');
    store = await db().newStore({ now: () => clock });
    dana = await store.people.create({
      displayName: 'Dana Finch',
      tags: ['taxes'],
      roles: ['mentor'],
    });
    lee = await store.people.create({ displayName: 'Lee Park', tags: ['independent consulting'] });
  });

  it('drafts an ask, warns about a double question, and keeps its history through each step', async () => {
    const ask = await store.asks.create({
      personId: dana.id,
      question: 'How did you start? What would you change?',
    });
    expect(ask).toMatchObject({
      state: 'draft',
      personName: 'Dana Finch',
      minutes: 30,
      purpose: 'path',
    });
    expect(ask.warnings[0]).toMatch(/holds 2 questions/);
    await store.asks.act(ask.id, { type: 'send' });
    await store.asks.act(ask.id, { type: 'reply', at: '2026-11-03T10:00:00Z' });
    await store.asks.act(ask.id, { type: 'schedule', for: '2026-11-10T15:00:00Z' });
    const met = await store.asks.act(ask.id, { type: 'meet' });
    expect(met.state).toBe('met');
    const chat = await store.interactions.get(met.interactionId ?? '');
    expect(chat).toMatchObject({
      occurredAt: '2026-11-10T15:00:00.000Z',
      participants: [{ id: dana.id }],
    });
    const thanked = await store.asks.act(ask.id, { type: 'thank' });
    expect(thanked.history.map((e) => e.to)).toEqual([
      'draft',
      'sent',
      'replied',
      'scheduled',
      'met',
      'thanked',
    ]);
    expect(await store.asks.get(ask.id)).toEqual(thanked);
  });

  it('refuses an illegal step with the allowed ones named, and changes nothing', async () => {
    const ask = await store.asks.create({ personId: dana.id, question: 'How did you start?' });
    const before = await snapshot(store);
    const asked = await store.asks.get(ask.id);
    await expect(store.asks.act(ask.id, { type: 'thank' })).rejects.toMatchObject({
      code: 'invalid_state',
      message: 'An ask that is draft cannot be marked "thank"; it can be: send, move-on.',
    });
    await expect(store.asks.act(ask.id, { type: 'fly' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(store.asks.create({ personId: dana.id, question: '  ' })).rejects.toMatchObject({
      field: 'question',
    });
    expect(await store.asks.get(ask.id)).toEqual(asked);
    expect(await snapshot(store)).toEqual(before);
  });

  it('moves on from an ask with no reply, after the nudge window, and says so on Today', async () => {
    const ask = await store.asks.create({
      personId: lee.id,
      question: 'How did you find clients?',
    });
    await store.asks.act(ask.id, { type: 'send' });
    const nudgeDay = await store.today('2026-11-09T10:00:00Z', TZ);
    expect(nudgeDay.items.map((i) => i.kind)).toContain('nudge');
    expect(await store.asks.moveOnOverdue('2026-11-15T10:00:00Z', TZ)).toBe(0);
    expect(await store.asks.moveOnOverdue('2026-11-16T10:00:00Z', TZ)).toBe(1);
    const moved = await store.asks.get(ask.id);
    expect(moved).toMatchObject({ state: 'moved-on' });
    expect(moved.history.at(-1)?.note).toBe('no reply; moved on automatically');
    const later = await store.today('2026-11-16T12:00:00Z', TZ);
    expect(later.items.find((i) => i.kind === 'moved-on')?.reason).toBe(
      'Lee Park did not answer; the ask moved on. No need to chase.',
    );
  });

  it('runs a campaign: pacing on Today, progress with response rate', async () => {
    const campaign = await store.campaigns.create({
      name: 'Going independent',
      tags: ['taxes', 'independent consulting'],
      targetChats: 4,
    });
    expect(campaign).toMatchObject({
      batchSize: 2,
      targetChats: 4,
      tags: ['independent consulting', 'taxes'],
    });
    const first = await store.today('2026-11-02T10:00:00Z', TZ);
    const prompt = first.items.find((i) => i.kind === 'pacing');
    expect(prompt?.reason).toBe('Going independent: time to try 2 (0 of 4 chats so far).');
    expect(prompt?.kind === 'pacing' && prompt.suggestions.map((s) => s.id).sort()).toEqual(
      [dana.id, lee.id].sort(),
    );
    for (const person of [dana, lee]) {
      const ask = await store.asks.create({
        personId: person.id,
        question: 'Was it worth it?',
        campaignId: campaign.id,
      });
      await store.asks.act(ask.id, { type: 'send' });
    }
    expect(
      (await store.today('2026-11-02T11:00:00Z', TZ)).items.find((i) => i.kind === 'pacing'),
    ).toBeUndefined();
    const [a] = await store.asks.list({ personId: dana.id });
    await store.asks.act(a?.id ?? '', { type: 'reply', at: '2026-11-04T09:00:00Z' });
    await store.asks.act(a?.id ?? '', { type: 'meet', at: '2026-11-06T09:00:00Z' });
    const today = await store.today('2026-11-06T12:00:00Z', TZ);
    expect(today.items.map((i) => i.reason)).toEqual(
      expect.arrayContaining([
        'Thank Dana Finch for the chat',
        'Going independent: time to try one more (1 of 4 chats so far).',
      ]),
    );
    const [progress] = await store.campaigns.list();
    expect(progress?.progress).toMatchObject({
      asked: 2,
      replied: 1,
      met: 1,
      open: 1,
      responseRate: 0.5,
      medianDaysToReply: 2,
    });
    expect((await store.campaigns.resolve('going INDEPENDENT')).id).toBe(campaign.id);
    await expect(store.campaigns.create({ name: 'going independent' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('shows keep-in-touch from cadences and role defaults on the day they fall due', async () => {
    await store.interactions.create({
      occurredAt: '2026-09-01',
      kind: 'call',
      summary: 'Catch-up',
      participantIds: [dana.id],
    });
    await store.people.update(lee.id, { cadence: { kind: 'once', on: '2026-11-20' } });
    const items = (await store.today('2026-11-20T12:00:00Z', TZ)).items.map((i) => i.reason);
    expect(items).toEqual([
      'Keep in touch with Dana Finch: 38 days overdue',
      'Reminder: get in touch with Lee Park',
    ]);
  });

  it('lists tasks due on Today until done, and snoozes a keep-in-touch reminder', async () => {
    const task = await store.tasks.create({
      title: 'Send Dana the deck',
      dueOn: '2026-11-19',
      personId: dana.id,
    });
    await store.tasks.create({ title: 'Later', dueOn: '2026-12-01' });
    await expect(store.tasks.create({ title: 'x', dueOn: '2026-11-31' })).rejects.toMatchObject({
      field: 'dueOn',
    });
    await expect(
      store.tasks.create({ title: 'x', dueOn: '2026-11-30', askId: dana.id }),
    ).rejects.toMatchObject({ field: 'askId' });
    await store.interactions.create({
      occurredAt: '2026-10-01',
      kind: 'call',
      summary: 'Catch-up',
      participantIds: [dana.id],
    });
    const reasons = async () =>
      (await store.today('2026-11-20T12:00:00Z', TZ)).items.map((i) => i.reason);
    expect(await reasons()).toEqual([
      'Send Dana the deck (due 2026-11-19)',
      'Keep in touch with Dana Finch: 8 days overdue',
    ]);
    await store.tasks.complete(task.id);
    await store.snooze(dana.id, { until: '2026-11-25' });
    expect(await reasons()).toEqual([]);
    expect((await store.tasks.list()).map((t) => t.title)).toEqual(['Later']);
    expect((await store.tasks.list({ done: true })).map((t) => t.done)).toEqual([true, false]);
    await expect(store.snooze(dana.id, { until: 'soon' })).rejects.toMatchObject({
      field: 'until',
    });
  });

  it('lists asks newest first in pages, while Today still sees an older ask that needs a thank-you', async () => {
    const old = await store.asks.create({ personId: dana.id, question: 'First?' });
    await store.asks.act(old.id, { type: 'send' });
    await store.asks.act(old.id, { type: 'meet' });
    for (const question of ['Second?', 'Third?']) {
      const ask = await store.asks.create({ personId: lee.id, question });
      await store.asks.act(ask.id, { type: 'move-on' });
    }
    expect((await store.asks.list({ limit: 2 })).map((a) => a.question)).toEqual([
      'Third?',
      'Second?',
    ]);
    expect((await store.asks.list({ limit: 2, offset: 2 })).map((a) => a.question)).toEqual([
      'First?',
    ]);
    const today = await store.today('2026-11-03T10:00:00Z', TZ);
    expect(today.items.map((i) => i.reason)).toContain('Thank Dana Finch for the chat');
    await expect(store.asks.list({ limit: 0 })).rejects.toMatchObject({ field: 'limit' });
  });

  it('keeps an ask made of the user: waiting on their answer, never nudged or moved on, and answering it is giving', async () => {
    const asked = await store.asks.create({
      personId: lee.id,
      question: 'Could you tell me how you price a retainer?',
      direction: 'incoming',
      askedAt: '2026-10-30T16:00:00Z',
      channel: 'email',
    });
    expect(asked).toMatchObject({
      direction: 'incoming',
      state: 'sent',
      sentAt: '2026-10-30T16:00:00.000Z',
      personName: 'Lee Park',
    });
    expect(asked.history.map((e) => e.action)).toEqual(['draft', 'send']);
    const mine = await store.asks.create({ personId: dana.id, question: 'How did you start?' });
    await store.asks.act(mine.id, { type: 'send' });
    expect((await store.asks.list({ direction: 'incoming' })).map((a) => a.id)).toEqual([asked.id]);
    expect((await store.asks.list({ direction: 'outgoing' })).map((a) => a.id)).toEqual([mine.id]);

    // Three weeks on, it is on Today, waiting on the user.
    const waiting = await store.today('2026-11-20T10:00:00Z', TZ);
    expect(waiting.items.filter((i) => i.kind === 'answer')).toEqual([
      {
        kind: 'answer',
        askId: asked.id,
        personId: lee.id,
        personName: 'Lee Park',
        reason: 'Lee Park asked you 3 weeks ago: Could you tell me how you price a retainer?',
      },
    ]);
    // Weeks later: the user's own ask moved on; the one made of the user still waits on them,
    // counted on Today (past a month it is not the day's news), never nudged.
    expect(await store.asks.moveOnOverdue('2026-12-01T10:00:00Z', TZ)).toBe(1);
    expect((await store.asks.get(asked.id)).state).toBe('sent');
    const monthOn = await store.today('2026-12-01T10:00:00Z', TZ);
    expect(monthOn.items.filter((i) => i.kind.startsWith('answer'))).toEqual([
      {
        kind: 'answer-more',
        count: 1,
        reason: '…and 1 more ask made of you waiting on an answer',
      },
    ]);
    expect(monthOn.items.map((i) => i.kind)).not.toContain('nudge');

    // Refused, changing nothing: a nudge of one's own answer, a campaign, a date to come.
    const campaign = await store.campaigns.create({ name: 'Pricing' });
    const before = await snapshot(store);
    await expect(store.asks.act(asked.id, { type: 'nudge' })).rejects.toMatchObject({
      code: 'invalid_state',
      message:
        'An ask made of you that is sent cannot be marked "nudge"; it can be: reply, schedule, meet, decline.',
    });
    await expect(
      store.asks.create({
        personId: lee.id,
        question: 'Why?',
        direction: 'incoming',
        campaignId: campaign.id,
      }),
    ).rejects.toMatchObject({ field: 'campaignId' });
    await expect(
      store.asks.create({
        personId: lee.id,
        question: 'Why?',
        direction: 'incoming',
        askedAt: '2027-01-01T00:00:00Z',
      }),
    ).rejects.toMatchObject({
      field: 'askedAt',
      message: 'askedAt: 2027-01-01T00:00:00Z is in the future',
    });
    await expect(
      store.asks.create({ personId: lee.id, question: 'Why?', askedAt: '2026-10-01T00:00:00Z' }),
    ).rejects.toMatchObject({ field: 'askedAt' });
    await expect(
      store.asks.create({ personId: lee.id, question: 'Why?', direction: 'sideways' }),
    ).rejects.toMatchObject({ field: 'direction' });
    expect(await snapshot(store)).toEqual(before);

    // Answered: the ledger counts it as given, and Today no longer lists it.
    expect((await store.ledger.of(lee.id)).gave).toBe(0);
    clock = new Date('2026-12-01T11:00:00Z');
    await store.asks.act(asked.id, { type: 'reply' });
    const ledger = await store.ledger.of(lee.id);
    expect(ledger).toMatchObject({ asked: 0, gave: 1 });
    expect(ledger.entries.map((e) => e.what)).toEqual([
      'you answered: Could you tell me how you price a retainer?',
    ]);
    expect((await store.ledger.of(dana.id)).asked).toBe(1);
    const later = await store.today('2026-12-01T12:00:00Z', TZ);
    expect(later.items.map((i) => i.kind)).not.toContain('answer');
    // The chat they asked for: met, and no thank-you owed by the user for it.
    const met = await store.asks.act(asked.id, { type: 'meet' });
    expect(met.state).toBe('met');
    const after = await store.today('2026-12-01T13:00:00Z', TZ);
    expect(after.items.map((i) => i.reason)).not.toContain('Thank Lee Park for the chat');
  });
});
