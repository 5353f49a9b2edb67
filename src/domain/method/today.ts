// Today: one ordered list of what to do, each line with its reason — thank-yous owed, chats
// scheduled today, people waiting on the user's answer, asks to nudge, tasks due, people to keep in touch with, campaign pacing —
// and, for information and without guilt, the asks that just moved on.
import type { Cadence } from '../cadence.js';
import type { Role } from '../person.js';
import { followUp, type Ask, type FollowUpPolicy, DEFAULT_FOLLOW_UP } from './ask.js';
import { daysBetween, localDate, timeAgo } from './calendar.js';
import {
  pacing,
  suggestPeople,
  type Campaign,
  type Candidate,
  type PacingCounts,
  type Suggestion,
} from './campaign.js';
import { effectiveCadence, keepInTouch } from './keep-in-touch.js';
import { giveBackSuggestions, type Helper } from '../connect/ledger.js';
import { firstName } from '../connect/who.js';
import { shortened } from '../text.js';
import { thankYouLine, type ChatOwed } from './thank-you.js';
import { dateLine, datesAhead, type PersonDate } from '../person-dates.js';

export interface TodayPerson extends Candidate {
  displayName: string;
  cadence: Cadence;
  createdAt: string;
  snoozedUntil?: string | null;
  archived?: boolean;
}

export interface Task {
  id: string;
  title: string;
  dueOn: string;
  personId: string | null;
  done: boolean;
}

export interface TodayInput {
  /** People checked for keep-in-touch; also named on lines and considered for suggestions. */
  people: readonly TodayPerson[];
  /**
   * People due whom the store counted but did not load: each is less overdue than every
   * loaded person who is due, so they only add to "…and N more".
   */
  alsoDue?: number;
  /** Other people the lines name or the suggestions may pick, not checked for keep-in-touch. */
  others?: readonly TodayPerson[];
  /** Asks that may make a line: open, met, or just moved on. */
  asks: readonly (Ask & { campaignId?: string | null })[];
  /** Further asks the user made of the people who may be suggested ("not asked recently"). */
  otherAsks?: readonly Pick<Ask, 'personId' | 'state' | 'sentAt'>[];
  campaigns: readonly (Campaign & { progress: PacingCounts })[];
  tasks: readonly Task[];
  roleCadence?: Partial<Record<Role, number>>;
  followUpPolicy?: FollowUpPolicy;
  keepInTouchPerDay?: number;
  /** People who helped lately and had nothing back since (see connect/ledger.ts). */
  giveBack?: readonly Helper[];
  /** Chats logged lately that owe a thank-you (see thank-you.ts). */
  chatsOwed?: readonly ChatOwed[];
  /** People with a date that may come within `datesAheadDays` (person-dates.ts decides). */
  withDates?: readonly { id: string; name: string; dates: readonly PersonDate[] }[];
  datesAheadDays?: number;
}

export type TodayItem =
  | { kind: 'thank'; askId: string; personId: string; personName: string; reason: string }
  | {
      kind: 'thank-chat';
      interactionId: string;
      personId: string;
      personName: string;
      reason: string;
    }
  | { kind: 'date'; personId: string; personName: string; on: string; reason: string }
  | {
      kind: 'chat-today';
      askId: string;
      personId: string;
      personName: string;
      at: string;
      reason: string;
    }
  | { kind: 'answer'; askId: string; personId: string; personName: string; reason: string }
  | { kind: 'answer-more'; count: number; reason: string }
  | { kind: 'nudge'; askId: string; personId: string; personName: string; reason: string }
  | { kind: 'task'; taskId: string; personId: string | null; reason: string }
  | {
      kind: 'keep-in-touch';
      personId: string;
      personName: string;
      dueOn: string;
      reason: string;
    }
  | { kind: 'keep-in-touch-more'; count: number; reason: string }
  | {
      kind: 'pacing';
      campaignId: string;
      suggestions: (Suggestion & { displayName: string })[];
      reason: string;
    }
  | { kind: 'give-back'; personId: string; personName: string; reason: string }
  | { kind: 'moved-on'; askId: string; personId: string; personName: string; reason: string };

const ORDER: TodayItem['kind'][] = [
  'thank',
  'thank-chat',
  'chat-today',
  'date',
  'answer',
  'answer-more',
  'nudge',
  'task',
  'keep-in-touch',
  'keep-in-touch-more',
  'pacing',
  'give-back',
  'moved-on',
];
/** A day's list stays short: the most overdue people first, the rest counted. */
export const KEEP_IN_TOUCH_PER_DAY = 7;
/** People waiting on the user's answer: the latest asks first, the rest counted. */
export const ANSWERS_PER_DAY = 5;
/**
 * An ask made of the user is on Today for this many days; after that it still waits on the
 * board (and is counted on Today), but an invitation from last year is not today's news.
 */
export const ANSWER_NOTICE_DAYS = 30;
/** Asks that moved on in the last few days are mentioned, then forgotten. */
export const MOVED_ON_NOTICE_DAYS = 3;
/**
 * How much of a question a line of the day quotes: the whole of a short one; a LinkedIn
 * invitation's paragraph is cut at a word, and read in full on the ask.
 */
export const QUESTION_IN_A_LINE = 100;

export function buildToday(input: TodayInput, now: string, timeZone: string): TodayItem[] {
  const today = localDate(now, timeZone);
  const everyone = [...input.people, ...(input.others ?? [])];
  const names = new Map(everyone.map((p) => [p.id, p.displayName]));
  const name = (id: string) => names.get(id) ?? 'someone';
  const items: TodayItem[] = [];
  const policy = input.followUpPolicy ?? DEFAULT_FOLLOW_UP;

  // The latest chat first: a thank-you is best sent the same day.
  const owed = (input.chatsOwed ?? []).flatMap((chat) => {
    const line = thankYouLine(chat, now, timeZone);
    const first = chat.people[0];
    return line && first ? [{ chat, first, ...line }] : [];
  });
  owed.sort(
    (a, b) =>
      b.chat.occurredAt.localeCompare(a.chat.occurredAt) ||
      a.chat.interactionId.localeCompare(b.chat.interactionId),
  );
  for (const { chat, first, reason } of owed) {
    items.push({
      kind: 'thank-chat',
      interactionId: chat.interactionId,
      personId: first.id,
      personName: first.displayName,
      reason,
    });
  }

  for (const a of datesAhead(input.withDates ?? [], today, input.datesAheadDays ?? 0))
    items.push({
      kind: 'date',
      personId: a.personId,
      personName: a.personName,
      on: a.on,
      reason: dateLine(a),
    });

  const waiting: Ask[] = [];
  for (const ask of input.asks) {
    const who = name(ask.personId);
    if (ask.direction === 'incoming' && ask.state === 'sent') {
      waiting.push(ask);
    } else if (ask.state === 'met' && ask.direction === 'outgoing') {
      items.push({
        kind: 'thank',
        askId: ask.id,
        personId: ask.personId,
        personName: who,
        reason: `Thank ${who} for the chat`,
      });
    } else if (
      ask.state === 'scheduled' &&
      ask.scheduledFor &&
      localDate(ask.scheduledFor, timeZone) === today
    ) {
      items.push({
        kind: 'chat-today',
        askId: ask.id,
        personId: ask.personId,
        personName: who,
        at: ask.scheduledFor,
        reason: `Chat with ${who} today: ${shortened(ask.question, QUESTION_IN_A_LINE)}`,
      });
    } else if (ask.state === 'sent' && ask.direction === 'outgoing') {
      const next = followUp(ask, now, timeZone, policy);
      if (next?.kind === 'nudge') {
        items.push({
          kind: 'nudge',
          askId: ask.id,
          personId: ask.personId,
          personName: who,
          reason: `No reply from ${who} since ${localDate(ask.sentAt ?? now, timeZone)}: one gentle nudge`,
        });
      }
    } else if (ask.state === 'moved-on' && ask.direction === 'outgoing' && ask.closedAt) {
      const ago = daysBetween(localDate(ask.closedAt, timeZone), today);
      if (ago >= 0 && ago < MOVED_ON_NOTICE_DAYS) {
        items.push({
          kind: 'moved-on',
          askId: ask.id,
          personId: ask.personId,
          personName: who,
          reason: `${who} did not answer; the ask moved on. No need to chase.`,
        });
      }
    }
  }

  // Latest first, the last month's only: an invitation from years ago still waits, but is not
  // today's news.
  waiting.sort(
    (a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? '') || a.id.localeCompare(b.id),
  );
  const askedDaysAgo = (ask: Ask) =>
    Math.max(0, daysBetween(localDate(ask.sentAt ?? now, timeZone), today));
  const shown = waiting
    .filter((ask) => askedDaysAgo(ask) <= ANSWER_NOTICE_DAYS)
    .slice(0, ANSWERS_PER_DAY);
  for (const ask of shown) {
    const who = name(ask.personId);
    const days = askedDaysAgo(ask);
    items.push({
      kind: 'answer',
      askId: ask.id,
      personId: ask.personId,
      personName: who,
      reason: `${who} asked you ${timeAgo(days)}: ${shortened(ask.question, QUESTION_IN_A_LINE)}`,
    });
  }
  if (waiting.length > shown.length) {
    const count = waiting.length - shown.length;
    items.push({
      kind: 'answer-more',
      count,
      reason: `…and ${count} more ${count === 1 ? 'ask' : 'asks'} made of you waiting on an answer`,
    });
  }

  for (const task of input.tasks) {
    if (task.done || daysBetween(task.dueOn, today) < 0) continue;
    const late = daysBetween(task.dueOn, today);
    items.push({
      kind: 'task',
      taskId: task.id,
      personId: task.personId,
      reason: `${task.title}${late > 0 ? ` (due ${task.dueOn})` : ''}`,
    });
  }

  const touch = input.people
    .filter((p) => !p.archived)
    .flatMap((p) => {
      const cadence = effectiveCadence(p.cadence, p.roles, input.roleCadence);
      const status = keepInTouch(
        {
          cadence,
          lastContactAt: p.lastContactAt,
          since: p.createdAt,
          snoozedUntil: p.snoozedUntil ?? null,
        },
        now,
        timeZone,
      );
      if (!status || status.kind === 'upcoming') return [];
      const late = status.kind === 'overdue' ? status.daysOverdue : 0;
      const reason =
        cadence.kind === 'once'
          ? `Reminder: get in touch with ${p.displayName}`
          : `Keep in touch with ${p.displayName}${late ? `: ${late} day${late > 1 ? 's' : ''} overdue` : ': due today'}`;
      return [
        {
          item: {
            kind: 'keep-in-touch' as const,
            personId: p.id,
            personName: p.displayName,
            dueOn: status.dueOn,
            reason,
          },
          late,
        },
      ];
    })
    .sort(
      (a, b) =>
        b.late - a.late ||
        a.item.personName.localeCompare(b.item.personName) ||
        a.item.personId.localeCompare(b.item.personId),
    );
  const limit = input.keepInTouchPerDay ?? KEEP_IN_TOUCH_PER_DAY;
  items.push(...touch.slice(0, limit).map((t) => t.item));
  const more = Math.max(0, touch.length - limit) + (input.alsoDue ?? 0);
  if (more > 0) {
    const count = more;
    items.push({
      kind: 'keep-in-touch-more',
      count,
      reason: `…and ${count} more ${count === 1 ? 'person' : 'people'} to get back in touch with`,
    });
  }

  const asksByPerson = new Map<string, Pick<Ask, 'state' | 'sentAt'>[]>();
  // Only what the user asked: being asked by someone does not make them "asked recently".
  const mine = input.asks.filter((a) => a.direction === 'outgoing');
  for (const a of [...mine, ...(input.otherAsks ?? [])])
    asksByPerson.set(a.personId, [...(asksByPerson.get(a.personId) ?? []), a]);
  const candidates = [...new Map(everyone.map((p) => [p.id, p])).values()].filter(
    (p) => !p.archived,
  );
  for (const campaign of input.campaigns) {
    const prompt = pacing(campaign, campaign.progress, now, timeZone);
    if (prompt?.kind !== 'try-more') continue;
    items.push({
      kind: 'pacing',
      campaignId: campaign.id,
      suggestions: suggestPeople(campaign, candidates, asksByPerson, now, {
        limit: Math.max(prompt.count, 3),
      }).map((s) => ({ ...s, displayName: name(s.id) })),
      reason: prompt.message,
    });
  }

  for (const helper of giveBackSuggestions(input.giveBack ?? [], now)) {
    const first = firstName(helper.name);
    const days = Math.max(0, daysBetween(localDate(helper.helpedAt, timeZone), today));
    items.push({
      kind: 'give-back',
      personId: helper.personId,
      personName: helper.name,
      reason: `${first} ${helper.how} ${timeAgo(days)}: is there someone ${first} would like to meet?`,
    });
  }

  return items.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
