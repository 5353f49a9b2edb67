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
import type { ActivityRead } from './linkedin-activity.js';
import { recurrenceRuleProblem } from './recurrence-rule.js';
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
/** Occurrences one recurring event may be walked through, and the whole file. */
const MAX_OCCURRENCES_READ = 50_000;
export const MAX_OCCURRENCES_PER_FILE = 50_000;
/** A chat recurs daily at most; a rule of seconds, minutes or hours is no conversation. */
const TOO_OFTEN = new Set(['SECONDLY', 'MINUTELY', 'HOURLY']);
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

interface Rule {
  freq?: unknown;
  parts?: Record<string, unknown[] | undefined>;
}

const rulesOf = (component: Component): Rule[] =>
  component.getAllProperties('rrule').map((p) => (p.getFirstValue() ?? {}) as Rule);

/**
 * A rule that recurs more often than daily: by the hour, minute or second, or a daily one
 * that lists several hours, minutes or seconds (BYHOUR=0,…,23). No conversation does.
 */
function recursTooOften(rule: Rule): boolean {
  if (TOO_OFTEN.has(String(rule.freq ?? '').toUpperCase())) return true;
  return ['BYHOUR', 'BYMINUTE', 'BYSECOND'].some((part) => (rule.parts?.[part]?.length ?? 0) > 1);
}

/**
 * A zone whose changes of offset recur yearly on a day of a month, as every real zone's do.
 * One whose rule recurs by the second would be expanded without end as soon as a time in it
 * is read (a 300-byte file that exhausts the memory): such a zone is left out, and its times
 * are read as the IANA zone of that name, or UTC.
 */
function isSoundZone(zone: Component): boolean {
  const sound = (rule: Rule) =>
    String(rule.freq ?? '').toUpperCase() === 'YEARLY' &&
    Object.entries(rule.parts ?? {}).every(
      ([part, values]) =>
        ['BYMONTH', 'BYDAY', 'BYMONTHDAY'].includes(part) && (values?.length ?? 0) <= 7,
    );
  return zone.getAllSubcomponents().every((part) => rulesOf(part).every(sound));
}

/**
 * A daily or weekly series that began long before the window, begun again a few periods
 * before it: the same occurrences in the window, without walking every one since 2015 (a
 * file of thousands of such series would otherwise take seconds). Only rules whose
 * occurrences follow from their start by whole periods qualify: no COUNT (it counts from the
 * first), one RRULE, no RDATE-only series. Dates taken out, added or moved stay as they are.
 */
function nearWindow(event: Event, windowStart: number): Event {
  const rules = rulesOf(event.component);
  const rule = rules[0] as (Rule & { count?: unknown; interval?: unknown }) | undefined;
  if (rules.length !== 1 || !rule || rule.count) return event;
  const freq = String(rule.freq ?? '').toUpperCase();
  if (freq !== 'DAILY' && freq !== 'WEEKLY') return event;
  const periodDays = (freq === 'WEEKLY' ? 7 : 1) * Math.max(1, Number(rule.interval) || 1);
  const start = event.startDate;
  if (!start) return event;
  const behind = windowStart - 2 * DAY_MS - start.toUnixTime() * 1000;
  const periods = Math.floor(behind / (periodDays * DAY_MS));
  if (periods < 2) return event;
  const copy = new ICAL.Component(event.component.toJSON() as unknown[]);
  for (const name of ['dtstart', 'dtend']) {
    const prop = copy.getFirstProperty(name);
    const time = prop?.getFirstValue() as Time | null | undefined;
    if (!prop || !time || typeof time.adjust !== 'function') continue;
    const moved = time.clone();
    moved.adjust(periods * periodDays, 0, 0, 0);
    prop.setValue(moved);
  }
  return new ICAL.Event(copy);
}

interface Occurrence {
  start: Time;
  /** null: the start plus the series' duration. */
  end: Time | null;
  item: Event;
  recurring: boolean;
}

/**
 * A series' occurrences within the window, reading at most `budget` of them (how many were
 * read is said). The DTSTART of a series given by RDATEs alone is its first occurrence
 * (RFC 5545), which ical.js's expansion leaves out.
 */
function occurrencesWithin(
  event: Event,
  tzid: string,
  windowStart: number,
  windowEnd: number,
  budget: number,
): { occurrences: Occurrence[]; read: number } {
  const moved = Object.keys(event.exceptions).length > 0 || event.rangeExceptions.length > 0;
  const occurrence = (start: Time): Occurrence => {
    if (!moved) return { start, end: null, item: event, recurring: true };
    const details = event.getOccurrenceDetails(start);
    return { start: details.startDate, end: details.endDate, item: details.item, recurring: true };
  };
  const within = (time: Time) => {
    const at = Date.parse(instantOf(time, tzid));
    return at >= windowStart && at <= windowEnd;
  };
  const occurrences: Occurrence[] = [];
  const seen = new Set<string>();
  const iterator = event.iterator();
  let read = 0;
  for (; read < MAX_OCCURRENCES_READ && read < budget; read++) {
    const next = iterator.next();
    if (!next) break;
    seen.add(next.toString());
    // Far from the window (most of a long series): decided without the exact instant,
    // which a floating time needs Intl for; a day covers any zone's offset.
    const rough = next.toUnixTime() * 1000;
    if (rough < windowStart - DAY_MS) continue;
    if (rough > windowEnd + DAY_MS) break;
    if (Date.parse(instantOf(next, tzid)) > windowEnd) break;
    if (within(next)) occurrences.push(occurrence(next));
  }
  const start = event.startDate;
  const excluded = event.component
    .getAllProperties('exdate')
    .flatMap((p) => p.getValues().map((v) => String(v)));
  if (
    rulesOf(event.component).length === 0 &&
    !seen.has(start.toString()) &&
    !excluded.includes(start.toString()) &&
    within(start)
  )
    occurrences.unshift(occurrence(start));
  return { occurrences, read };
}

/** An occurrence's end: its own, or its start plus the series' duration. */
function endOf(o: { start: Time; end: Time | null }, series: Event): Time {
  if (o.end) return o.end;
  const end = o.start.clone();
  end.addDuration(series.duration);
  return end;
}

/** What an event (or a moved occurrence) says, the same for each of its occurrences. */
function whatItSays(item: Event) {
  const summary = (fix(item.summary) || 'Meeting').slice(0, LIMITS.shortText);
  const location = fix(item.location);
  const description = fix(item.description);
  return {
    cancelled:
      String(item.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
    people: peopleOf(item.component),
    summary,
    location,
    description,
    kind: kindOfEvent(summary, location, description),
  };
}

const UNREADABLE = 'X-KITH-UNREADABLE-RULE';

/**
 * The calendar's recurrence rules checked before ical.js reads them (recurrence-rule.ts):
 * each one Kith cannot expand is put out of the parser's reach — renamed to a property of
 * Kith's own that holds its line — and its reason kept, by line. Lines keep their numbers.
 */
function screenRules(text: string): { text: string; unreadable: Map<number, string> } {
  const lines = text.split(/\r\n|\n|\r/);
  const unreadable = new Map<number, string>();
  for (let i = 0; i < lines.length; i++) {
    const match = /^(RRULE|EXRULE)([;:])/i.exec(lines[i] ?? '');
    if (!match) continue;
    let end = i + 1;
    while (end < lines.length && /^[ \t]/.test(lines[end] ?? '')) end++;
    const whole = [lines[i] ?? '', ...lines.slice(i + 1, end).map((l) => l.slice(1))].join('');
    const value = whole.slice(whole.indexOf(':') + 1);
    const problem = whole.includes(':') ? recurrenceRuleProblem(value) : 'it has no value';
    if (!problem) continue;
    unreadable.set(i + 1, problem);
    lines[i] = `${UNREADABLE}:${i + 1}`;
    for (let k = i + 1; k < end; k++) lines[k] = ' ';
  }
  return { text: unreadable.size ? lines.join('\r\n') : text, unreadable };
}

/** A content line: its first physical line's index and how many lines it spans (folds). */
function contentLines(lines: string[]): { at: number; end: number; whole: string }[] {
  const out: { at: number; end: number; whole: string }[] = [];
  for (let i = 0; i < lines.length;) {
    let end = i + 1;
    while (end < lines.length && /^[ \t]/.test(lines[end] ?? '')) end++;
    const whole = [lines[i] ?? '', ...lines.slice(i + 1, end).map((l) => l.slice(1))].join('');
    out.push({ at: i, end, whole });
    i = end;
  }
  return out;
}

/**
 * RDATE given as periods (RFC 5545 allows DATE, DATE-TIME and PERIOD): ical.js expands a
 * period into something that is not a time, so each period is read as its start (the
 * occurrence lasts as long as the series does). Lines keep their numbers.
 */
function periodsAsStarts(text: string): string {
  if (!/^RDATE[^:\r\n]*VALUE=PERIOD/im.test(text)) return text;
  const lines = text.split(/\r\n|\n|\r/);
  for (const { at, end, whole } of contentLines(lines)) {
    const m = /^(RDATE)((?:;[^:]*)?):(.*)$/i.exec(whole);
    if (!m || !/VALUE=PERIOD/i.test(m[2] ?? '')) continue;
    const params = (m[2] ?? '').replace(/;VALUE=PERIOD/i, '');
    const starts = (m[3] ?? '').split(',').map((period) => period.split('/')[0]?.trim() ?? '');
    lines[at] = `RDATE${params}:${starts.filter(Boolean).join(',')}`;
    for (let k = at + 1; k < end; k++) lines[k] = ' ';
  }
  return lines.join('\r\n');
}

/**
 * The calendar parsed; when one line cannot be read (a broken fold, a quote never closed),
 * each line the parser refuses on its own is put out of its reach (blanked: lines keep
 * their numbers) and listed, and the rest is read. A file that still cannot be read is
 * not a calendar Kith can read, said in a calendar's words.
 */
function parseLeniently(text: string, file: string): { parsed: unknown; dropped: number[] } {
  try {
    return { parsed: ICAL.parse(text), dropped: [] };
  } catch (first) {
    const lines = text.split(/\r\n|\n|\r/);
    const dropped: number[] = [];
    for (const { at, end, whole } of contentLines(lines)) {
      if (whole.trim() === '' || /^(BEGIN|END):/i.test(whole)) continue;
      try {
        ICAL.parse.property(whole);
      } catch {
        dropped.push(at + 1);
        for (let k = at; k < end; k++) lines[k] = '';
      }
    }
    try {
      if (dropped.length) return { parsed: ICAL.parse(lines.join('\r\n')), dropped };
    } catch {
      // Said below, with the first reason.
    }
    throw new KithError(
      'invalid_input',
      `${file}: not a readable calendar (${(first as Error).message.slice(0, 200)})`,
      'file',
    );
  }
}

/**
 * Why an event could not be used, in the user's words: the parser's own messages name its
 * internals ("time.toJSDate is not a function"), not what is wrong with the file.
 */
function unusableBecause(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/duration/i.test(message)) return 'its duration could not be read';
  if (/date|time|integer/i.test(message)) return 'a date or time in it could not be read';
  return 'it could not be read';
}

/**
 * The file's calendars; events (and zones) written with no calendar around them are put in
 * one, as if the file had said BEGIN:VCALENDAR.
 */
function calendarsOf(parsed: unknown): Component[] {
  const components = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]).map(
    (jcal) => new ICAL.Component(jcal as unknown[]),
  );
  const loose = components.filter((c) => c.name !== 'vcalendar');
  if (loose.length === 0) return components;
  const around = new ICAL.Component('vcalendar');
  for (const c of loose) around.addSubcomponent(c);
  return [...components.filter((c) => c.name === 'vcalendar'), around];
}

/** A remark listing at most ten things, and how many more. */
function listed(what: string, items: string[]): string[] {
  if (items.length === 0) return [];
  const more = items.length > 10 ? `; and ${items.length - 10} more` : '';
  return [`${what}: ${items.slice(0, 10).join('; ')}${more}.`];
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
  const screened = screenRules(periodsAsStarts(text));
  const badRule = (component: Component) => {
    const at = Number(component.getFirstPropertyValue(UNREADABLE.toLowerCase()) ?? 0);
    return at ? { line: at, why: screened.unreadable.get(at) ?? '' } : null;
  };
  const { parsed, dropped } = parseLeniently(screened.text, file);
  const roots = calendarsOf(parsed);
  const now = options.now.getTime();
  const lines = eventLines(text);
  const activities: ImportedActivity[] = [];
  // An event that cannot be used is left out, with its line and why: a calendar is a record
  // of many events, and the rest of it is imported.
  const unusable: { line: number; why: string }[] = [];
  const left = { cancelled: 0, alone: 0, crowded: 0, outside: 0, tooOften: 0, tooMany: 0 };
  const unreadableRules: string[] = [];
  const unsoundZones: string[] = [];
  let budget = MAX_OCCURRENCES_PER_FILE;
  let eventIndex = 0;

  for (const root of roots) {
    const registered: string[] = [];
    try {
      for (const zone of root.getAllSubcomponents('vtimezone')) {
        if (!isSoundZone(zone) || zone.getAllSubcomponents().some(badRule)) {
          unsoundZones.push(String(zone.getFirstPropertyValue('tzid') ?? '?').slice(0, 60));
          // Removed, not merely unregistered: ical.js finds a time's zone in its calendar too.
          root.removeSubcomponent(zone);
          continue;
        }
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
          else
            masters.set(event.uid || `line-${line}`, {
              event: nearWindow(event, windowStart),
              line,
            });
        } catch (error) {
          unusable.push({ line, why: unusableBecause(error) });
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
            unusable.push({ line, why: 'no start time: DTSTART is missing' });
            continue;
          }
          const bad = badRule(event.component);
          if (bad) {
            unreadableRules.push(`line ${bad.line} (${bad.why})`);
            continue;
          }
          if (rulesOf(event.component).some(recursTooOften)) {
            left.tooOften += 1;
            continue;
          }
          if (event.isRecurring() && budget <= 0) {
            left.tooMany += 1;
            continue;
          }
          let occurrences: Occurrence[];
          if (event.isRecurring()) {
            const series = occurrencesWithin(event, tzid, windowStart, windowEnd, budget);
            budget -= series.read;
            occurrences = series.occurrences;
            if (occurrences.length === 0) left.outside += 1;
          } else {
            occurrences = [
              { start: event.startDate, end: event.endDate, item: event, recurring: false },
            ];
          }
          // What an occurrence says is its event's (or its exception's): read once for all.
          const said = new Map<Component, ReturnType<typeof whatItSays>>();
          for (const o of occurrences) {
            const component = o.item.component;
            const what = said.get(component) ?? whatItSays(o.item);
            said.set(component, what);
            if (what.cancelled) {
              left.cancelled += 1;
              continue;
            }
            const { people, summary, location, description } = what;
            if (people.length === 0) {
              left.alone += 1;
              continue;
            }
            if (people.length > MAX_EVENT_PEOPLE + 1) {
              left.crowded += 1;
              continue;
            }
            const at = instantOf(o.start, tzid);
            const key = `ics:${uid}${o.recurring ? `:${at}` : ''}`;
            const source = { file, line };
            if (Date.parse(at) < now) {
              const notes =
                [location && `Where: ${location}`, description].filter(Boolean).join('\n\n') ||
                null;
              activities.push({
                type: 'interaction',
                kind: what.kind,
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
                (Date.parse(instantOf(endOf(o, event), tzid)) - Date.parse(at)) / 60_000,
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
          unusable.push({ line, why: unusableBecause(error) });
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
    left.tooOften && `${left.tooOften} recurring more often than daily`,
    left.tooMany &&
      `${left.tooMany} recurring after ${MAX_OCCURRENCES_PER_FILE.toLocaleString('en')} occurrences had been read`,
  ].filter(Boolean);
  return {
    people: [],
    activities,
    errors: [],
    ignoredColumns: [],
    remarks: [
      ...listed(
        'Events that could not be used, left out',
        unusable.map((u) => `line ${u.line} (${u.why})`),
      ),
      ...listed(
        'Lines that are not calendar properties, left out',
        dropped.map((line) => `line ${line}`),
      ),
      ...(remarks.length ? [`Events left out: ${remarks.join(', ')}.`] : []),
      ...(unreadableRules.length
        ? [
            `Events left out, their recurrence rule unreadable: ${unreadableRules.slice(0, 10).join('; ')}${unreadableRules.length > 10 ? `; and ${unreadableRules.length - 10} more` : ''}.`,
          ]
        : []),
      ...(unsoundZones.length
        ? [
            `Time zones left out (their offsets change more often than yearly): ${unsoundZones.join(', ')}; their times were read as the IANA zone of that name, or UTC.`,
          ]
        : []),
    ],
  };
}
