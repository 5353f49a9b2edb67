// A thank-you after every chat: which chats earn one, and how Today says it is owed.
// A chat logged by the user (a coffee, a call, a meeting by default; the user chooses the
// kinds in Settings) owes a thank-you to the people in it, unless the user says none is
// needed for that chat or for that person. An ask's chat is thanked through the ask.
import type { InteractionKind, ThankYouState } from '../interaction.js';
import { daysBetween, localDate, timeAgo } from './calendar.js';

/** The kinds of chat that earn a thank-you unless the user chooses others. */
export const DEFAULT_THANK_YOU_KINDS: readonly InteractionKind[] = [
  'coffee',
  'call',
  'video-call',
  'meeting',
];

/**
 * A thank-you is on Today for this many days after the chat; an older one is still shown
 * as owed on the person's page, but a thank-you weeks later is no longer the day's news.
 * A chat logged longer ago than this (history written down later) owes none.
 */
export const THANK_YOU_NOTICE_DAYS = 14;

const DAY_MS = 86_400_000;

/**
 * What a chat owes when it is logged: nothing when its kind earns no thank-you or it is old
 * history; "not-needed" when the user said so, or every person in it needs none; else owed.
 */
export function thankYouWhenLogged(chat: {
  kind: InteractionKind;
  occurredAt: string;
  now: string;
  /** The user's choice for this chat, if any. */
  asked?: 'owed' | 'not-needed' | undefined;
  /** The kinds that earn one (Settings). */
  kinds: readonly InteractionKind[];
  /** True when every person in the chat is marked "no thank-you needed". */
  nobodyWantsOne: boolean;
}): ThankYouState | null {
  if (chat.asked === 'not-needed') return 'not-needed';
  if (chat.asked === 'owed') return 'owed';
  if (!chat.kinds.includes(chat.kind)) return null;
  if (Date.parse(chat.occurredAt) < Date.parse(chat.now) - THANK_YOU_NOTICE_DAYS * DAY_MS)
    return null;
  return chat.nobodyWantsOne ? 'not-needed' : 'owed';
}

export interface ChatOwed {
  interactionId: string;
  kind: InteractionKind;
  occurredAt: string;
  /** The people in the chat who want a thank-you (those marked "no thank-you" left out). */
  people: readonly { id: string; displayName: string }[];
}

const KIND_NOUN: Record<InteractionKind, string> = {
  coffee: 'coffee',
  'video-call': 'video call',
  call: 'call',
  email: 'email',
  message: 'message',
  meeting: 'meeting',
  event: 'event',
};

/** "Dana Finch", "Dana Finch and Lee Park", "Dana Finch, Lee Park and 2 others". */
export function namesInALine(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'someone';
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  const rest = names.length - 2;
  return `${names[0]}, ${names[1]} and ${rest} other${rest === 1 ? '' : 's'}`;
}

/**
 * The line Today shows for a chat that owes a thank-you, or null when it is not due yet
 * (a chat planned for later), is past the notice, or nobody in it wants one.
 */
export function thankYouLine(
  chat: ChatOwed,
  now: string,
  timeZone: string,
): { reason: string; daysAgo: number } | null {
  if (chat.people.length === 0 || chat.occurredAt > now) return null;
  const days = daysBetween(localDate(chat.occurredAt, timeZone), localDate(now, timeZone));
  if (days > THANK_YOU_NOTICE_DAYS) return null;
  const who = namesInALine(chat.people.map((p) => p.displayName));
  return { reason: `Thank ${who} for the ${KIND_NOUN[chat.kind]} ${timeAgo(days)}`, daysAgo: days };
}
