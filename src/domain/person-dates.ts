// Dates that matter about a person: a birthday (with or without the year), a wedding or work
// anniversary, any named date ("moved to Lisbon", "launch day"), each yearly or once. Today
// names the ones coming up ("Dana Kim's birthday on Friday — a good moment to get back in
// touch"); a yearly date on 29 February falls on the 28th in other years.
import { z } from 'zod';
import { daysBetween } from './method/calendar.js';

export const DATE_KINDS = ['birthday', 'anniversary', 'other'] as const;
export type DateKind = (typeof DATE_KINDS)[number];

/** A date as written: YYYY-MM-DD, or --MM-DD when the year is not known (vCard's form). */
export interface Day {
  year: number | null;
  month: number;
  day: number;
}

const DAYS_IN = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** "1990-05-17" or "--05-17" (also "05-17"), checked; null when it is no day of any year. */
export function readDay(text: string): Day | null {
  const m = /^(?:(\d{4})|--|)-?(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = m[1] ? Number(m[1]) : null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const last = month === 2 && year !== null && !isLeap(year) ? 28 : (DAYS_IN[month - 1] ?? 0);
  if (day > last) return null;
  if (year !== null && (year < 1 || year > 9999)) return null;
  return { year, month, day };
}

const two = (n: number) => String(n).padStart(2, '0');
export const writeDay = (d: Day) =>
  `${d.year === null ? '-' : String(d.year).padStart(4, '0')}-${two(d.month)}-${two(d.day)}`;

const daySchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const day = readDay(text);
    if (!day) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a date: write YYYY-MM-DD, or --MM-DD without the year`,
      });
      return z.NEVER;
    }
    return writeDay(day);
  });

export const personDateSchema = z
  .object({
    kind: z.enum(DATE_KINDS, {
      error: (issue) =>
        `"${String(issue.input)}" is not a kind of date; use one of ${DATE_KINDS.join(', ')}`,
    }),
    /** What the date is ("work anniversary", "moved to Lisbon"); a birthday needs none. */
    label: z
      .string()
      .trim()
      .max(60, { error: 'a label is longer than 60 characters' })
      .nullable()
      .optional(),
    on: daySchema,
    /** Every year on that day (a birthday always); else once. */
    yearly: z.boolean().optional(),
  })
  .strict()
  .transform((d) => ({
    kind: d.kind,
    label: d.label || null,
    on: d.on,
    yearly: d.kind === 'birthday' || d.on.startsWith('--') ? true : (d.yearly ?? true),
  }))
  .refine((d) => d.kind !== 'other' || d.label, {
    error: 'a date of kind other needs a label ("moved to Lisbon")',
    path: ['label'],
  });
export type PersonDate = z.output<typeof personDateSchema>;

export const personDatesSchema = z
  .array(personDateSchema)
  .max(20, { error: 'at most 20 dates' })
  .refine((dates) => dates.filter((d) => d.kind === 'birthday').length <= 1, {
    error: 'one birthday at most',
  });

/** When a date next comes, on or after `today` (YYYY-MM-DD); null when a one-time date is past. */
export function nextOn(date: PersonDate, today: string): string | null {
  const day = readDay(date.on);
  if (!day) return null;
  if (!date.yearly) {
    const once = writeDay(day);
    return day.year !== null && once >= today ? once : null;
  }
  const thisYear = Number(today.slice(0, 4));
  for (const year of [thisYear, thisYear + 1]) {
    const fits = day.month === 2 && day.day === 29 && !isLeap(year) ? 28 : day.day;
    const on = writeDay({ year, month: day.month, day: fits });
    if (on >= today) return on;
  }
  return null;
}

export interface DateAhead {
  personId: string;
  personName: string;
  date: PersonDate;
  /** The day it comes (YYYY-MM-DD) and in how many days. */
  on: string;
  inDays: number;
  /** Years since the first one, when its year is known (an age, an anniversary's count). */
  years: number | null;
}

/** The dates coming in the next `days` days (today included), soonest first. */
export function datesAhead(
  people: readonly { id: string; name: string; dates: readonly PersonDate[] }[],
  today: string,
  days: number,
): DateAhead[] {
  const out: DateAhead[] = [];
  for (const p of people)
    for (const date of p.dates) {
      const on = nextOn(date, today);
      if (!on) continue;
      const inDays = daysBetween(today, on);
      if (inDays < 0 || inDays >= days) continue;
      const first = readDay(date.on)?.year ?? null;
      const years = date.yearly && first !== null ? Number(on.slice(0, 4)) - first : null;
      out.push({ personId: p.id, personName: p.name, date, on, inDays, years });
    }
  return out.sort((a, b) => a.inDays - b.inDays || a.personName.localeCompare(b.personName));
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "today", "tomorrow", "on Friday" within the week, else "on Dec 20". */
export function whenSaid(on: string, inDays: number): string {
  if (inDays === 0) return 'today';
  if (inDays === 1) return 'tomorrow';
  const d = new Date(`${on}T12:00:00Z`);
  if (inDays < 7) return `on ${WEEKDAYS[d.getUTCDay()]}`;
  return `on ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

const ordinal = (n: number) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${n % 10 > 3 ? 'th' : s}`;
};

/** Today's line for a date coming up. */
export function dateLine(a: DateAhead): string {
  const when = whenSaid(a.on, a.inDays);
  if (a.date.kind === 'birthday')
    return `${a.personName}'s ${a.years ? `${ordinal(a.years)} ` : ''}birthday ${when} — a good moment to get back in touch`;
  const what = a.date.label ?? (a.date.kind === 'anniversary' ? 'anniversary' : 'a date');
  const count = a.years ? ` (${a.years} ${a.years === 1 ? 'year' : 'years'})` : '';
  return `${a.personName}: ${what} ${when}${count}`;
}

/**
 * A date as files write it, as Kith keeps it (YYYY-MM-DD or --MM-DD), or null when it is no
 * day: vCard's 19861211, --1211 and --12-11 (a time after it is dropped), Apple's year 1604
 * for "year not known", Outlook's 12/11/1986 (month first) and its 0/0/00 for none.
 */
export function fileDay(text: string | null | undefined): string | null {
  const t = (text ?? '').trim().replace(/T.*$/, '');
  if (!t || /^0{1,2}\/0{1,2}\/0{2,4}$/.test(t)) return null;
  let m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(t);
  if (m) return checked(m[1] === '1604' ? null : m[1], m[2], m[3]);
  m = /^--(\d{2})-?(\d{2})$/.exec(t);
  if (m) return checked(null, m[1], m[2]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return checked(m[3], m[1], m[2]);
  return null;
}

function checked(year: string | null | undefined, month?: string, day?: string): string | null {
  const text = `${year ?? '-'}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
  const d = readDay(text);
  return d ? writeDay(d) : null;
}

/** The dates a file names, those it writes as days; the others are left out. */
export function fileDates(
  found: readonly { kind: DateKind; label?: string | null; text: string | null | undefined }[],
): { kind: DateKind; label: string | null; on: string }[] {
  return found.flatMap((f) => {
    const on = fileDay(f.text);
    return on ? [{ kind: f.kind, label: f.label ?? null, on }] : [];
  });
}
