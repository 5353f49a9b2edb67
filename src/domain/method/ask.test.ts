import { describe, expect, it } from 'vitest';
import {
  ASK_STATES,
  allowedActions,
  followUp,
  answered,
  askFromInput,
  moveOnIfDue,
  newAsk,
  questionWarnings,
  receivedAsk,
  transition,
  type Ask,
  type AskAction,
  type AskState,
  stateAfter,
} from './ask.js';

const T0 = '2026-11-02T09:00:00Z';
const draft = () =>
  newAsk({ id: 'a1', personId: 'p1', question: 'How did you go independent?', at: T0 });
const run = (ask: Ask, ...steps: [AskAction, string][]) =>
  steps.reduce((a, [action, at]) => transition(a, action, at), ask);

describe('ask lifecycle', () => {
  it('goes draft → sent → replied → scheduled → met → thanked, keeping every step', () => {
    const ask = run(
      draft(),
      [{ type: 'send' }, '2026-11-02T10:00:00Z'],
      [{ type: 'reply' }, '2026-11-03T08:00:00Z'],
      [{ type: 'schedule', for: '2026-11-10T15:00:00+01:00' }, '2026-11-03T08:05:00Z'],
      [{ type: 'meet', interactionId: 'i1' }, '2026-11-10T15:30:00Z'],
      [{ type: 'thank' }, '2026-11-10T18:00:00Z'],
    );
    expect(ask).toMatchObject({
      state: 'thanked',
      sentAt: '2026-11-02T10:00:00.000Z',
      repliedAt: '2026-11-03T08:00:00.000Z',
      scheduledFor: '2026-11-10T14:00:00.000Z',
      interactionId: 'i1',
      closedAt: '2026-11-10T18:00:00.000Z',
    });
    expect(ask.history.map((e) => `${e.from}>${e.to}`)).toEqual([
      'draft>draft',
      'draft>sent',
      'sent>replied',
      'replied>scheduled',
      'scheduled>met',
      'met>thanked',
    ]);
  });

  it('can be declined from any open state after sending, and reschedules', () => {
    for (const start of [
      run(draft(), [{ type: 'send' }, T0]),
      run(draft(), [{ type: 'send' }, T0], [{ type: 'reply' }, T0]),
      run(draft(), [{ type: 'send' }, T0], [{ type: 'schedule', for: '2026-11-09T10:00:00Z' }, T0]),
    ]) {
      expect(transition(start, { type: 'decline' }, T0).state).toBe('declined');
    }
    const rescheduled = run(
      draft(),
      [{ type: 'send' }, T0],
      [{ type: 'schedule', for: '2026-11-09T10:00:00Z' }, T0],
      [{ type: 'schedule', for: '2026-11-12T10:00:00Z' }, T0],
    );
    expect(rescheduled).toMatchObject({
      state: 'scheduled',
      scheduledFor: '2026-11-12T10:00:00.000Z',
    });
  });

  it('reopens an ask that had moved on when a late reply comes', () => {
    const late = run(
      draft(),
      [{ type: 'send' }, T0],
      [{ type: 'move-on' }, T0],
      [{ type: 'reply' }, T0],
    );
    expect(late).toMatchObject({ state: 'replied', closedAt: null });
  });

  // Every state × every action: allowed ones move, the rest are refused and change nothing.
  const actions: AskAction[] = [
    { type: 'send' },
    { type: 'nudge' },
    { type: 'reply' },
    { type: 'schedule', for: '2026-11-20T10:00:00Z' },
    { type: 'meet' },
    { type: 'thank' },
    { type: 'decline' },
    { type: 'move-on' },
  ];
  const reach: Record<AskState, [AskAction, string][]> = {
    draft: [],
    sent: [[{ type: 'send' }, T0]],
    replied: [
      [{ type: 'send' }, T0],
      [{ type: 'reply' }, T0],
    ],
    scheduled: [
      [{ type: 'send' }, T0],
      [{ type: 'schedule', for: '2026-11-09T10:00:00Z' }, T0],
    ],
    met: [
      [{ type: 'send' }, T0],
      [{ type: 'meet' }, T0],
    ],
    thanked: [
      [{ type: 'send' }, T0],
      [{ type: 'meet' }, T0],
      [{ type: 'thank' }, T0],
    ],
    declined: [
      [{ type: 'send' }, T0],
      [{ type: 'decline' }, T0],
    ],
    'moved-on': [
      [{ type: 'send' }, T0],
      [{ type: 'move-on' }, T0],
    ],
  };
  for (const state of ASK_STATES) {
    for (const action of actions) {
      const allowed = allowedActions(state).includes(action.type);
      it(`${state} + ${action.type}: ${allowed ? 'allowed' : 'refused, unchanged'}`, () => {
        const ask = run(draft(), ...reach[state]);
        expect(ask.state).toBe(state);
        const before = structuredClone(ask);
        if (allowed) {
          expect(transition(ask, action, '2026-11-05T10:00:00Z').history).toHaveLength(
            ask.history.length + 1,
          );
        } else {
          expect(() => transition(ask, action, '2026-11-05T10:00:00Z')).toThrow(
            new RegExp(`^An ask that is ${state} cannot be marked "${action.type}"`),
          );
        }
        expect(ask).toEqual(before);
      });
    }
  }

  it('allows one nudge, not two', () => {
    const nudged = run(
      draft(),
      [{ type: 'send' }, T0],
      [{ type: 'nudge' }, '2026-11-09T10:00:00Z'],
    );
    expect(nudged).toMatchObject({ state: 'sent', nudgedAt: '2026-11-09T10:00:00.000Z' });
    expect(() => transition(nudged, { type: 'nudge' }, '2026-11-10T10:00:00Z')).toThrow(
      /one gentle nudge/,
    );
  });

  it('refuses a moment that is not one', () => {
    expect(() => transition(draft(), { type: 'send' }, 'yesterday')).toThrow(/^at: /);
    const sent = transition(draft(), { type: 'send' }, T0);
    expect(() => transition(sent, { type: 'schedule', for: 'next week' }, T0)).toThrow(/^for: /);
  });
});

describe('no reply: nudge once, then move on', () => {
  const sentAt = (at: string) => transition(draft(), { type: 'send' }, at);
  const UTC = 'UTC';

  it('an ask with no reply after 7 days suggests one nudge', () => {
    const ask = sentAt('2026-11-02T10:00:00Z');
    expect(followUp(ask, '2026-11-08T23:59:00Z', UTC)).toEqual({
      kind: 'waiting',
      nudgeOn: '2026-11-09',
    });
    expect(followUp(ask, '2026-11-09T00:00:00Z', UTC)).toEqual({
      kind: 'nudge',
      since: '2026-11-09',
    });
  });

  it('moves on 7 days after the nudge, or 7 days after it fell due when none was sent', () => {
    const ask = sentAt('2026-11-02T10:00:00Z');
    expect(followUp(ask, '2026-11-15T12:00:00Z', UTC)).toEqual({
      kind: 'nudge',
      since: '2026-11-09',
    });
    expect(followUp(ask, '2026-11-16T00:00:00Z', UTC)).toEqual({
      kind: 'move-on',
      since: '2026-11-16',
    });
    const nudged = transition(ask, { type: 'nudge' }, '2026-11-12T10:00:00Z');
    expect(followUp(nudged, '2026-11-16T00:00:00Z', UTC)).toEqual({
      kind: 'waiting-after-nudge',
      moveOnOn: '2026-11-19',
    });
    const moved = moveOnIfDue(nudged, '2026-11-19T08:00:00Z', UTC);
    expect(moved).toMatchObject({ state: 'moved-on', closedAt: '2026-11-19T08:00:00.000Z' });
    expect(moved.history.at(-1)).toMatchObject({
      action: 'move-on',
      note: 'no reply; moved on automatically',
    });
    expect(moveOnIfDue(nudged, '2026-11-18T08:00:00Z', UTC)).toBe(nudged);
    // Looked at days later, it moved on the day it was due (noon there), not the day it was seen.
    expect(moveOnIfDue(nudged, '2026-11-25T08:00:00Z', UTC).closedAt).toBe(
      '2026-11-19T12:00:00.000Z',
    );
    expect(
      moveOnIfDue(sentAt('2024-01-15T10:03:00Z'), '2026-11-25T08:00:00Z', 'Asia/Tokyo'),
    ).toMatchObject({ state: 'moved-on', closedAt: '2024-01-29T03:00:00.000Z' });
  });

  it('stops counting once they reply', () => {
    const replied = transition(
      sentAt('2026-11-02T10:00:00Z'),
      { type: 'reply' },
      '2026-11-20T10:00:00Z',
    );
    expect(followUp(replied, '2026-12-30T10:00:00Z', UTC)).toBeNull();
  });

  it('counts calendar days where the user lives', () => {
    // Sent Monday 23:30 in New York, which is already Tuesday in UTC.
    const ask = sentAt('2026-11-03T04:30:00Z');
    const ny = 'America/New_York';
    expect(followUp(ask, '2026-11-09T05:00:00Z', ny)).toEqual({
      kind: 'nudge',
      since: '2026-11-09',
    });
    expect(followUp(ask, '2026-11-09T05:00:00Z', UTC)).toEqual({
      kind: 'waiting',
      nudgeOn: '2026-11-10',
    });
  });

  it('handles the date line: the same instant is a day apart in Kiritimati and Pago Pago', () => {
    const ask = sentAt('2026-11-02T10:30:00Z'); // Tue 00:30 in Kiritimati (+14), Sun 23:30 in Pago Pago (-11)
    const now = '2026-11-09T10:30:00Z';
    expect(followUp(ask, now, 'Pacific/Kiritimati')).toEqual({
      kind: 'nudge',
      since: '2026-11-10',
    });
    expect(followUp(ask, now, 'Pacific/Pago_Pago')).toEqual({ kind: 'nudge', since: '2026-11-08' });
    expect(followUp(ask, '2026-11-09T09:00:00Z', 'Pacific/Kiritimati')).toEqual({
      kind: 'waiting',
      nudgeOn: '2026-11-10',
    });
  });

  it('follows a custom policy', () => {
    const ask = sentAt('2026-11-02T10:00:00Z');
    expect(
      followUp(ask, '2026-11-05T10:00:00Z', UTC, { nudgeAfterDays: 3, moveOnAfterDays: 2 }),
    ).toEqual({ kind: 'nudge', since: '2026-11-05' });
    expect(
      followUp(ask, '2026-11-07T10:00:00Z', UTC, { nudgeAfterDays: 3, moveOnAfterDays: 2 }),
    ).toEqual({ kind: 'move-on', since: '2026-11-07' });
  });
});

describe('the question', () => {
  it('warns, without refusing, when the text holds more than one question', () => {
    expect(questionWarnings('How did you price your first project?')).toEqual([]);
    expect(questionWarnings('How did you start? And what would you change?')[0]).toMatch(
      /holds 2 questions/,
    );
    expect(questionWarnings('¿Cómo empezaste?')).toEqual([]);
  });

  it('needs a question to draft an ask', () => {
    expect(() => newAsk({ id: 'x', personId: 'p', question: '  ', at: T0 })).toThrow(/^question: /);
  });
});

describe('stateAfter', () => {
  it('names the state an allowed action leads to, and nothing for one not allowed', () => {
    expect(stateAfter('draft', 'send')).toBe('sent');
    expect(stateAfter('sent', 'nudge')).toBe('sent');
    expect(stateAfter('moved-on', 'reply')).toBe('replied');
    expect(stateAfter('sent', 'thank')).toBeUndefined();
    expect(stateAfter('thanked', 'reply')).toBeUndefined();
  });
});

describe('an ask made of the user (incoming)', () => {
  const received = () =>
    receivedAsk({
      id: 'in1',
      personId: 'p2',
      question: 'Could you tell me how you moved into product?',
      at: '2026-11-01T08:00:00Z',
    });

  it('arrives sent, at the time they asked, with its story kept', () => {
    const ask = received();
    expect(ask).toMatchObject({
      direction: 'incoming',
      state: 'sent',
      sentAt: '2026-11-01T08:00:00.000Z',
      closedAt: null,
    });
    expect(ask.history.map((e) => e.action)).toEqual(['draft', 'send']);
  });

  it('is answered, scheduled, met or declined by the user, never nudged, moved on or thanked', () => {
    expect(allowedActions('sent', 'incoming')).toEqual(['reply', 'schedule', 'meet', 'decline']);
    expect(allowedActions('met', 'incoming')).toEqual([]);
    expect(() => transition(received(), { type: 'nudge' }, T0)).toThrow(
      'An ask made of you that is sent cannot be marked "nudge"; it can be: reply, schedule, meet, decline.',
    );
    const met = run(received(), [{ type: 'meet', interactionId: 'i9' }, T0]);
    expect(met).toMatchObject({ state: 'met', repliedAt: '2026-11-02T09:00:00.000Z' });
    expect(() => transition(met, { type: 'thank' }, T0)).toThrow(/it is closed/);
    // The same steps on an ask the user made are allowed: the rules differ by direction.
    expect(stateAfter('sent', 'nudge', 'outgoing')).toBe('sent');
    expect(stateAfter('sent', 'nudge', 'incoming')).toBeUndefined();
  });

  it('waits on the user: no nudge falls due and it never moves on by itself', () => {
    const longAgo = '2027-06-01T09:00:00Z';
    expect(followUp(received(), longAgo, 'Europe/Paris')).toBeNull();
    expect(moveOnIfDue(received(), longAgo, 'Europe/Paris')).toEqual(received());
  });

  it('counts as given once answered, unless declined', () => {
    expect(answered(received())).toBe(false);
    const replied = run(received(), [{ type: 'reply' }, T0]);
    expect(answered(replied)).toBe(true);
    expect(answered(run(replied, [{ type: 'decline' }, T0]))).toBe(false);
    // An answer to the user's own ask is them giving, not the user.
    expect(answered(run(draft(), [{ type: 'send' }, T0], [{ type: 'reply' }, T0]))).toBe(false);
  });
});

describe('an ask from what the user entered', () => {
  const now = '2026-11-20T10:00:00.000Z';
  it('drafts the user’s own, and takes one made of them as sent on the day they asked', () => {
    expect(askFromInput({ personId: 'p', question: 'Why?' }, 'a', now)).toMatchObject({
      direction: 'outgoing',
      state: 'draft',
    });
    const theirs = { personId: 'p', question: 'Coffee?', direction: 'incoming' as const };
    expect(askFromInput({ ...theirs, askedAt: '2026-11-18T08:00:00Z' }, 'b', now)).toMatchObject({
      direction: 'incoming',
      state: 'sent',
      sentAt: '2026-11-18T08:00:00.000Z',
    });
    expect(askFromInput(theirs, 'c', now).sentAt).toBe(now);
  });

  it('refuses a day to come, a date on the user’s own, and a campaign for theirs, naming the field', () => {
    const theirs = { personId: 'p', question: 'Coffee?', direction: 'incoming' as const };
    expect(() => askFromInput({ ...theirs, askedAt: '2026-11-21T00:00:00Z' }, 'x', now)).toThrow(
      'askedAt: 2026-11-21T00:00:00Z is in the future',
    );
    expect(() =>
      askFromInput({ personId: 'p', question: 'Why?', askedAt: '2026-11-01T00:00:00Z' }, 'x', now),
    ).toThrow(/^askedAt: only for an ask made of you/);
    expect(() => askFromInput({ ...theirs, campaignId: 'c1' }, 'x', now)).toThrow(/^campaign: /);
  });
});
