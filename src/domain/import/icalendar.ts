// Calendar files (iCalendar, .ics) read with ical.js: every event with other people in it.
// A past event becomes an interaction with them; an event still to come, a scheduled chat.
// Recurring events are expanded within a window around today (a weekly one-to-one since
// 2015 is not 500 separate chats to import), moved and cancelled occurrences respected.
// Times are read in the event's own zone: the file's VTIMEZONE when it has one, else the
// IANA zone it names, else UTC — never the zone of the machine that happens to read it.
// Cancelled events, declined invitations, rooms and events with many people (an all-hands
// is not a conversation) are left out, and the report says how many.
import ICAL from 'ical.js';
import { KithError } from '../errors.js';
import { isoDate, LIMITS } from '../fields.js';
import { isTimeZone, localInstant } from '../method/calendar.js';
import { fingerprintOf, kindOfEvent, type ImportedActivity, type PersonRef } from './activity.js';
import type { RowError } from './contacts-csv.js';
import type { ActivityRead } from './linkedin-activity.js';
import { repairText } from './text-repair.js';

export interface CalendarOptions {
  /** What counts as past (interactions) and future (scheduled chats). */
  now: Date;
  /** Occurrences of recurring events are taken from this many days ago… */
  daysBack?: number;
  /** …up to this many days ahead. */
  daysAhead?: number;
  /** Or from this day (YYYY-MM-DD, UTC)… */
  recurringFrom?: string;
  /** …up to the end of this one. */
  recurringTo?: string;
}

/** Where a recurring event's occurrences are taken from and up to (milliseconds, UTC). */
export function recurringWindow(options: CalendarOptions): { start: number; end: number } {
  const day = (field: 'recurringFrom' | 'recurringTo', value: string) => {
    const date = isoDate.safeParse(value);
    if (!date.success)
      throw new KithError('invalid_input', `${field}: must be a date as YYYY-MM-DD`, field);
    return Date.parse(`${date.data}T00:00:00.000Z`);
  };
  const now = options.now.getTime();
  const start =
    options.recurringFrom !== undefined
      ? day('recurringFrom', options.recurringFrom)
      : now - (options.daysBack ?? 365) * DAY_MS;
  const end =
    options.recurringTo !== undefined
      ? day('recurringTo', options.recurringTo) + DAY_MS - 1
      : now + (options.daysAhead ?? 90) * DAY_MS;
  if (end < start) {
    const field = options.recurringTo !== undefined ? 'recurringTo' : 'recurringFrom';
    throw new KithError(
      'invalid_input',
      `${field}: recurring events would be read from ${new Date(start).toISOString().slice(0, 10)} to ${new Date(end).toISOString().slice(0, 10)}, which is no time at all`,
      field,
    );
  }
  return { start, end };
}

/** More other people than this and an event is a meeting of a group, not a chat. */
export const MAX_EVENT_PEOPLE = 12;
const MAX_OCCURRENCES_READ = 50_000;
const DAY_MS = 86_400_000;

type Event = InstanceType<typeof ICAL.Event>;
type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;

const fix = (text: unknown) => repairText(typeof text === 'string' ? text : '').text.trim();

/** The instant an event's time stands for, in UTC. */
function instantOf(time: Time, tzid: string | null): string {
  if (time.isDate) return `${time.toString().slice(0, 10)}T00:00:00.000Z`;
  const wall = time.toString().slice(0, 19);
  if (time.zone === ICAL.Timezone.localTimezone) {
    // A zone the file names but does not define: Intl knows the IANA ones; else UTC.
    return tzid && isTimeZone(tzid) ? localInstant(wall, tzid) : new Date(`${wall}Z`).toISOString();
  }
  return time.toJSDate().toISOString();
}

/** The people of an event other than rooms and those who declined, as the file names them. */
function peopleOf(component: Component): PersonRef[] {
  const out = new Map<string, PersonRef>();
  const props = [
    ...component.getAllProperties('organizer'),
    ...component.getAllProperties('attendee'),
  ];
  for (const prop of props) {
    const cutype = String(prop.getParameter('cutype') ?? '').toUpperCase();
    const partstat = String(prop.getParameter('partstat') ?? '').toUpperCase();
    if (cutype === 'ROOM' || cutype === 'RESOURCE' || partstat === 'DECLINED') continue;
    const value = String(prop.getFirstValue() ?? '');
    const email = /^mailto:/i.test(value) ? value.slice(7).trim().toLowerCase() : '';
    const name = fix(prop.getParameter('cn'));
    if (!email && !name) continue;
    const key = email || name.toLowerCase();
    if (!out.has(key)) out.set(key, { name: name || email, ...(email ? { email } : {}) });
  }
  return [...out.values()];
}

/** The line each VEVENT begins on, in the order the parser meets them. */
function eventLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (/^BEGIN:VEVENT\s*$/i.test(line)) lines.push(i + 1);
  });
  return lines;
}

export function readIcalendar(text: string, file: string, options: CalendarOptions): ActivityRead {
  // The options first: a window that cannot be is refused before the file is read.
  const { start: windowStart, end: windowEnd } = recurringWindow(options);
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    throw new KithError(
      'invalid_input',
      `${file}: not a readable calendar (${(error as Error).message.slice(0, 200)})`,
      'file',
    );
  }
  const roots = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]).map(
    (jcal) => new ICAL.Component(jcal as unknown[]),
  );
  const now = options.now.getTime();
  const lines = eventLines(text);
  const activities: ImportedActivity[] = [];
  const errors: RowError[] = [];
  const left = { cancelled: 0, alone: 0, crowded: 0, outside: 0 };
  let eventIndex = 0;

  for (const root of roots) {
    const registered: string[] = [];
    try {
      for (const zone of root.getAllSubcomponents('vtimezone')) {
        const tz = new ICAL.Timezone(zone);
        if (tz.tzid && !ICAL.TimezoneService.has(tz.tzid)) {
          ICAL.TimezoneService.register(tz);
          registered.push(tz.tzid);
        }
      }
      const events = root.getAllSubcomponents('vevent').map((component) => ({
        component,
        line: lines[eventIndex++] ?? 0,
      }));
      // Moved or changed occurrences (RECURRENCE-ID) belong to their series.
      const masters = new Map<string, { event: Event; line: number }>();
      const exceptions: { event: Event; line: number }[] = [];
      for (const { component, line } of events) {
        try {
          const event = new ICAL.Event(component);
          if (event.isRecurrenceException()) exceptions.push({ event, line });
          else masters.set(event.uid || `line-${line}`, { event, line });
        } catch (error) {
          errors.push({ file, line, field: null, message: (error as Error).message.slice(0, 200) });
        }
      }
      for (const ex of exceptions) {
        const master = masters.get(ex.event.uid);
        if (master) master.event.relateException(ex.event);
        else masters.set(`${ex.event.uid}-${ex.line}`, ex);
      }
      for (const [uid, { event, line }] of masters) {
        try {
          const tzid = String(
            event.component.getFirstProperty('dtstart')?.getParameter('tzid') ?? '',
          );
          if (!event.startDate) {
            errors.push({
              file,
              line,
              field: 'DTSTART',
              message: 'DTSTART: the event has no start',
            });
            continue;
          }
          const occurrences: { start: Time; end: Time; item: Event; recurring: boolean }[] = [];
          if (event.isRecurring()) {
            const iterator = event.iterator();
            for (let i = 0; i < MAX_OCCURRENCES_READ; i++) {
              const next = iterator.next();
              if (!next) break;
              const at = Date.parse(instantOf(next, tzid));
              if (at > windowEnd) break;
              if (at < windowStart) continue;
              const details = event.getOccurrenceDetails(next);
              occurrences.push({
                start: details.startDate,
                end: details.endDate,
                item: details.item,
                recurring: true,
              });
            }
            if (occurrences.length === 0) left.outside += 1;
          } else {
            occurrences.push({
              start: event.startDate,
              end: event.endDate,
              item: event,
              recurring: false,
            });
          }
          for (const o of occurrences) {
            const component = o.item.component;
            if (
              String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED'
            ) {
              left.cancelled += 1;
              continue;
            }
            const people = peopleOf(component);
            if (people.length === 0) {
              left.alone += 1;
              continue;
            }
            if (people.length > MAX_EVENT_PEOPLE + 1) {
              left.crowded += 1;
              continue;
            }
            const at = instantOf(o.start, tzid);
            const summary = (fix(o.item.summary) || 'Meeting').slice(0, LIMITS.shortText);
            const location = fix(o.item.location);
            const description = fix(o.item.description);
            const key = `ics:${uid}${o.recurring ? `:${at}` : ''}`;
            const source = { file, line };
            if (Date.parse(at) < now) {
              const notes =
                [location && `Where: ${location}`, description].filter(Boolean).join('\n\n') ||
                null;
              activities.push({
                type: 'interaction',
                kind: kindOfEvent(summary, location, description),
                source,
                key,
                fingerprint: fingerprintOf(summary, notes, at),
                at,
                with: people,
                summary,
                notes: notes?.slice(0, LIMITS.notes) ?? null,
              });
            } else {
              const minutes = Math.round(
                (Date.parse(instantOf(o.end, tzid)) - Date.parse(at)) / 60_000,
              );
              activities.push({
                type: 'scheduled',
                source,
                key,
                fingerprint: fingerprintOf(summary, at),
                at,
                with: people,
                summary,
                minutes: Number.isFinite(minutes) && minutes >= 5 && minutes <= 480 ? minutes : 30,
              });
            }
          }
        } catch (error) {
          errors.push({ file, line, field: null, message: (error as Error).message.slice(0, 200) });
        }
      }
    } finally {
      for (const tzid of registered) ICAL.TimezoneService.remove(tzid);
    }
  }
  const remarks = [
    left.cancelled && `${left.cancelled} cancelled`,
    left.alone && `${left.alone} with nobody else in them`,
    left.crowded && `${left.crowded} with more than ${MAX_EVENT_PEOPLE} people`,
    left.outside && `${left.outside} recurring with no occurrence in the window`,
  ].filter(Boolean);
  return {
    people: [],
    activities,
    errors,
    ignoredColumns: [],
    remarks: remarks.length ? [`Events left out: ${remarks.join(', ')}.`] : [],
  };
}
