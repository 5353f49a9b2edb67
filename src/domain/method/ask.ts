// An ask: one specific question to one person, asking for a short chat. Its life:
//   draft → sent → replied → scheduled → met → thanked
// or declined, or — when they never answer — one gentle nudge, then "moved on", without
// the user having to chase or remember. Every change is kept in the ask's history.
// An ask can also come the other way: someone asked the user (a LinkedIn invitation, a
// question for a chat). It arrives sent and waits on the user's answer, so nothing about it
// is nudged or moved on, and answering it is giving, not taking.
import { z } from 'zod';
import { KithError } from '../errors.js';
import { addDays, daysBetween, localDate, localNoon } from './calendar.js';

import { ASK_PURPOSES, type AskPurpose } from './ask-purposes.js';

export { ASK_PURPOSES, type AskPurpose };

export const ASK_STATES = [
  'draft',
  'sent',
  'replied',
  'scheduled',
  'met',
  'thanked',
  'declined',
  'moved-on',
] as const;
export type AskState = (typeof ASK_STATES)[number];

/** outgoing: the user asked them; incoming: they asked the user. */
export const ASK_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type AskDirection = (typeof ASK_DIRECTIONS)[number];

/** States in which the ask is still waiting on something. */
export const OPEN_STATES: readonly AskState[] = ['draft', 'sent', 'replied', 'scheduled'];
export const isOpen = (state: AskState): boolean => OPEN_STATES.includes(state);

/** Asked and waiting for a date: a chat found in the calendar schedules such an ask. */
export const AWAITING_DATE: readonly AskState[] = ['sent', 'replied'];
/** A chat still to happen, whose date may move with the calendar. */
export const CALENDAR_MOVES: readonly AskState[] = [...AWAITING_DATE, 'scheduled'];

export type AskAction =
  | { type: 'send' }
  | { type: 'nudge' }
  | { type: 'reply' }
  | { type: 'schedule'; for: string }
  | { type: 'meet'; interactionId?: string }
  | { type: 'thank' }
  | { type: 'decline' }
  | { type: 'move-on'; automatic?: boolean };

export interface AskEvent {
  at: string;
  action: AskAction['type'] | 'draft';
  from: AskState;
  to: AskState;
  note?: string;
}

export interface Ask {
  id: string;
  personId: string;
  direction: AskDirection;
  question: string;
  purpose: AskPurpose;
  minutes: number;
  state: AskState;
  sentAt: string | null;
  nudgedAt: string | null;
  repliedAt: string | null;
  scheduledFor: string | null;
  metAt: string | null;
  interactionId: string | null;
  closedAt: string | null;
  history: AskEvent[];
}

type Transitions = Record<AskState, Partial<Record<AskAction['type'], AskState>>>;

/** Which actions each state of an ask the user made allows, and where they lead. */
const OUTGOING: Transitions = {
  draft: { send: 'sent', 'move-on': 'moved-on' },
  sent: {
    nudge: 'sent',
    reply: 'replied',
    schedule: 'scheduled',
    meet: 'met',
    decline: 'declined',
    'move-on': 'moved-on',
  },
  replied: { schedule: 'scheduled', meet: 'met', decline: 'declined', 'move-on': 'moved-on' },
  scheduled: { schedule: 'scheduled', meet: 'met', decline: 'declined', 'move-on': 'moved-on' },
  met: { thank: 'thanked' },
  thanked: {},
  declined: {},
  'moved-on': { reply: 'replied' },
};

/**
 * An ask made of the user: "sent" is only how it arrives (the store sends it on their
 * behalf); then the user answers (reply), agrees a time, meets, or declines. The user does
 * not nudge or move on from their own answer, and owes no thanks for a chat they gave.
 */
const INCOMING: Transitions = {
  draft: { send: 'sent' },
  sent: { reply: 'replied', schedule: 'scheduled', meet: 'met', decline: 'declined' },
  replied: { schedule: 'scheduled', meet: 'met', decline: 'declined' },
  scheduled: { schedule: 'scheduled', meet: 'met', decline: 'declined' },
  met: {},
  thanked: {},
  declined: {},
  'moved-on': {},
};

const TRANSITIONS: Record<AskDirection, Transitions> = { outgoing: OUTGOING, incoming: INCOMING };

export function allowedActions(
  state: AskState,
  direction: AskDirection = 'outgoing',
): AskAction['type'][] {
  return Object.keys(TRANSITIONS[direction][state]) as AskAction['type'][];
}

/** The state an action leads to from a state, or undefined when the action is not allowed. */
export function stateAfter(
  state: AskState,
  action: AskAction['type'],
  direction: AskDirection = 'outgoing',
): AskState | undefined {
  return TRANSITIONS[direction][state][action];
}

/** Campaigns pace the user's own asks; someone else's question is not one of them. */
export const INCOMING_NOT_IN_CAMPAIGN =
  'campaign: an ask made of you is not part of a campaign (campaigns pace your own asks)';

/** An answer given to someone who asked: what counts as the user giving back. */
export const answered = (ask: Pick<Ask, 'direction' | 'repliedAt' | 'state'>): boolean =>
  ask.direction === 'incoming' && ask.repliedAt !== null && ask.state !== 'declined';

const momentSchema = z.iso.datetime({ offset: true });

/**
 * Apply an action at a moment. An illegal action is refused with a message that says what
 * the ask allows; the ask passed in is never changed.
 */
export function transition(ask: Ask, action: AskAction, at: string): Ask {
  const to = stateAfter(ask.state, action.type, ask.direction);
  if (to === undefined) {
    const allowed = allowedActions(ask.state, ask.direction);
    const which = ask.direction === 'incoming' ? 'An ask made of you' : 'An ask';
    throw new KithError(
      'invalid_state',
      `${which} that is ${ask.state} cannot be marked "${action.type}"; ` +
        (allowed.length ? `it can be: ${allowed.join(', ')}.` : 'it is closed.'),
      'state',
    );
  }
  if (!momentSchema.safeParse(at).success) {
    throw new KithError('invalid_input', `at: "${at}" is not an ISO-8601 date-time`, 'at');
  }
  if (action.type === 'nudge' && ask.nudgedAt) {
    throw new KithError(
      'invalid_state',
      'This ask was nudged already; one gentle nudge is enough.',
      'state',
    );
  }
  const when = new Date(at).toISOString();
  const next: Ask = { ...ask, state: to, history: [...ask.history] };
  switch (action.type) {
    case 'send':
      next.sentAt = when;
      break;
    case 'nudge':
      next.nudgedAt = when;
      break;
    case 'reply':
      next.repliedAt = when;
      next.closedAt = null;
      break;
    case 'schedule': {
      const parsed = momentSchema.safeParse(action.for);
      if (!parsed.success) {
        throw new KithError(
          'invalid_input',
          `for: "${action.for}" is not an ISO-8601 date-time`,
          'for',
        );
      }
      next.scheduledFor = new Date(action.for).toISOString();
      // A reply is implied by agreeing on a time.
      next.repliedAt = ask.repliedAt ?? when;
      break;
    }
    case 'meet':
      next.metAt = when;
      next.repliedAt = ask.repliedAt ?? when;
      next.interactionId = action.interactionId ?? ask.interactionId;
      break;
    case 'thank':
      next.closedAt = when;
      break;
    case 'decline':
    case 'move-on':
      next.closedAt = when;
      break;
  }
  next.history.push({
    at: when,
    action: action.type,
    from: ask.state,
    to,
    ...(action.type === 'move-on' && action.automatic
      ? { note: 'no reply; moved on automatically' }
      : {}),
  });
  return next;
}

export interface FollowUpPolicy {
  /** Days after sending with no reply before one nudge is suggested. */
  nudgeAfterDays: number;
  /** Days after the nudge (or after it fell due) with no reply before the ask moves on. */
  moveOnAfterDays: number;
}

export const DEFAULT_FOLLOW_UP: FollowUpPolicy = { nudgeAfterDays: 7, moveOnAfterDays: 7 };

export type FollowUp =
  | { kind: 'waiting'; nudgeOn: string }
  | { kind: 'nudge'; since: string }
  | { kind: 'waiting-after-nudge'; moveOnOn: string }
  | { kind: 'move-on'; since: string };

/**
 * What a sent ask with no reply calls for on a day, counted in calendar days of the user's
 * time zone: wait, nudge once, or move on. Null when the ask is not waiting for a reply.
 */
export function followUp(
  ask: Ask,
  now: string,
  timeZone: string,
  policy: FollowUpPolicy = DEFAULT_FOLLOW_UP,
): FollowUp | null {
  if (ask.direction === 'incoming' || ask.state !== 'sent' || !ask.sentAt) return null;
  const today = localDate(now, timeZone);
  const nudgeOn = addDays(localDate(ask.sentAt, timeZone), policy.nudgeAfterDays);
  const moveOnOn = ask.nudgedAt
    ? addDays(localDate(ask.nudgedAt, timeZone), policy.moveOnAfterDays)
    : addDays(nudgeOn, policy.moveOnAfterDays);
  if (daysBetween(moveOnOn, today) >= 0) return { kind: 'move-on', since: moveOnOn };
  if (ask.nudgedAt) return { kind: 'waiting-after-nudge', moveOnOn };
  if (daysBetween(nudgeOn, today) >= 0) return { kind: 'nudge', since: nudgeOn };
  return { kind: 'waiting', nudgeOn };
}

/** An ask someone made of the user, as it arrives: sent by them at `at`, waiting on an answer. */
export function receivedAsk(fields: {
  id: string;
  personId: string;
  question: string;
  purpose?: AskPurpose;
  minutes?: number;
  at: string;
}): Ask {
  return transition(newAsk({ ...fields, direction: 'incoming' }), { type: 'send' }, fields.at);
}

/**
 * A new ask from what the user entered. The user's own starts as a draft (dated when it is
 * marked sent); one made of the user arrives sent, on the day they asked — not a day to come
 * — and is never part of a campaign.
 */
export function askFromInput(
  input: {
    personId: string;
    question: string;
    purpose?: AskPurpose | undefined;
    minutes?: number | undefined;
    campaignId?: string | null | undefined;
    direction?: AskDirection | undefined;
    askedAt?: string | undefined;
  },
  id: string,
  now: string,
): Ask {
  const fields = {
    id,
    personId: input.personId,
    question: input.question,
    purpose: input.purpose,
    minutes: input.minutes,
  };
  if (input.direction !== 'incoming') {
    if (input.askedAt)
      throw new KithError(
        'invalid_input',
        'askedAt: only for an ask made of you (direction "incoming"); your own ask is dated when you mark it sent',
        'askedAt',
      );
    return newAsk({ ...fields, at: now });
  }
  if (input.campaignId)
    throw new KithError('invalid_input', INCOMING_NOT_IN_CAMPAIGN, 'campaignId');
  if (input.askedAt && Date.parse(input.askedAt) > Date.parse(now))
    throw new KithError('invalid_input', `askedAt: ${input.askedAt} is in the future`, 'askedAt');
  return receivedAsk({ ...fields, at: input.askedAt ?? now });
}

/**
 * Close the ask as "moved on" when its time has come; otherwise return it unchanged. It is
 * closed on the day it fell due (at noon there, or now if that is earlier), not on the day
 * someone looked: an invitation imported today that went unanswered a year ago moved on a year
 * ago, and Today does not announce it as news.
 */
export function moveOnIfDue(
  ask: Ask,
  now: string,
  timeZone: string,
  policy: FollowUpPolicy = DEFAULT_FOLLOW_UP,
): Ask {
  const due = followUp(ask, now, timeZone, policy);
  if (due?.kind !== 'move-on') return ask;
  const dueDay = localNoon(due.since, timeZone);
  const at = Date.parse(dueDay) < Date.parse(now) ? dueDay : now;
  return transition(ask, { type: 'move-on', automatic: true }, at);
}

/** A warning (never a refusal) when the text asks more than one question. */
export function questionWarnings(question: string): string[] {
  const marks = (question.match(/[?？¿]/g) ?? []).filter((m) => m !== '¿').length;
  return marks > 1
    ? [
        `This holds ${marks} questions. One specific question gets a better answer; consider keeping one.`,
      ]
    : [];
}

export function newAsk(fields: {
  id: string;
  personId: string;
  question: string;
  purpose?: AskPurpose;
  minutes?: number;
  direction?: AskDirection;
  at: string;
}): Ask {
  const question = fields.question.trim();
  if (question === '')
    throw new KithError('invalid_input', 'question: an ask needs a question', 'question');
  return {
    id: fields.id,
    personId: fields.personId,
    direction: fields.direction ?? 'outgoing',
    question,
    purpose: fields.purpose ?? 'path',
    minutes: fields.minutes ?? 30,
    state: 'draft',
    sentAt: null,
    nudgedAt: null,
    repliedAt: null,
    scheduledFor: null,
    metAt: null,
    interactionId: null,
    closedAt: null,
    history: [
      { at: new Date(fields.at).toISOString(), action: 'draft', from: 'draft', to: 'draft' },
    ],
  };
}
