// Kith's calendar as iCalendar (RFC 5545): chats that are scheduled, the days to keep in
// touch with someone, and follow-ups. A calendar app subscribes to it (the secret feed) or
// imports the file. Every event has a UID that stays the same from one export to the next,
// so the app updates an event instead of adding it again.
import { nextOn, type PersonDate } from '../person-dates.js';
import { escapeText, foldLine } from './vcard.js';

export type CalendarEvent = {
  uid: string;
  summary: string;
  description?: string;
} & (
  | { at: string; minutes: number }
  /** A whole day: keep-in-touch days and follow-ups have a day, not a time. */
  | {
      day: string;
      /** Every year on that day (birthdays); 29 February comes on the month's last day. */
      yearly?: boolean;
    }
);

/**
 * What the calendar shows, from what the store holds: a scheduled chat at its time; a
 * keep-in-touch day on its day — today when overdue, the day a snooze ends when snoozed; a
 * follow-up on its day, or today when overdue (a calendar should not hide what is late).
 */
export function calendarOf(input: {
  today: string;
  chats: { id: string; person: string; question: string; at: string; minutes: number }[];
  keepInTouch: { id: string; person: string; dueOn: string; snoozedUntil: string | null }[];
  followUps: { id: string; title: string; person: string | null; dueOn: string }[];
  /** People's dates that matter (person-dates.ts): yearly ones repeat, a past one-time one goes. */
  dates?: { id: string; person: string; dates: readonly PersonDate[] }[];
}): CalendarEvent[] {
  const { today } = input;
  const notBefore = (day: string, earliest: string) => (day < earliest ? earliest : day);
  return [
    ...input.chats.map((c) => ({
      uid: `ask-${c.id}@kith`,
      summary: `Chat with ${c.person}`,
      description: c.question,
      at: c.at,
      minutes: c.minutes,
    })),
    ...input.keepInTouch.map((p) => ({
      uid: `touch-${p.id}@kith`,
      summary: `Keep in touch with ${p.person}`,
      day: notBefore(notBefore(p.dueOn, today), p.snoozedUntil ?? today),
    })),
    ...input.followUps.map((t) => ({
      uid: `task-${t.id}@kith`,
      summary: `Follow up: ${t.title}`,
      ...(t.person ? { description: `With ${t.person}` } : {}),
      day: notBefore(t.dueOn, today),
    })),
    ...(input.dates ?? []).flatMap((p) =>
      p.dates.flatMap((d, i) => {
        // A yearly date starts on its first day when its year is known, else on its next.
        const first = d.yearly && !d.on.startsWith('--') ? d.on : nextOn(d, today);
        if (!first) return [];
        const what =
          d.kind === 'birthday' ? `${p.person}'s birthday` : `${p.person}: ${d.label ?? d.kind}`;
        return [{ uid: `date-${p.id}-${i}@kith`, summary: what, day: first, yearly: d.yearly }];
      }),
    ),
  ];
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const day = (isoDate: string) => isoDate.replace(/-/g, '');

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function toIcalendar(
  events: CalendarEvent[],
  options: { now: string; name: string },
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kith//Kith networking CRM//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name, true)}`,
  ];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp(options.now)}`);
    if ('day' in e) {
      lines.push(
        `DTSTART;VALUE=DATE:${day(e.day)}`,
        `DTEND;VALUE=DATE:${day(nextDay(e.day))}`,
        'TRANSP:TRANSPARENT',
      );
      if (e.yearly)
        lines.push(
          e.day.endsWith('-02-29')
            ? 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1'
            : 'RRULE:FREQ=YEARLY',
        );
    } else {
      lines.push(`DTSTART:${stamp(new Date(e.at).toISOString())}`, `DURATION:PT${e.minutes}M`);
    }
    lines.push(`SUMMARY:${escapeText(e.summary, true)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description, true)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
