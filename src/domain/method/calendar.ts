// Calendar days in the user's time zone. The method counts days as a person does ("a week
// after I wrote"), so an ask sent late on Monday evening in Auckland is a week old the next
// Monday in Auckland, whatever the UTC date says.

/**
 * Formatters by time zone: building an Intl.DateTimeFormat costs far more than using one,
 * and Today asks for tens of thousands of local dates in one zone.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const minuteFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format;
}

function minuteFormat(timeZone: string): Intl.DateTimeFormat {
  let format = minuteFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    minuteFormats.set(timeZone, format);
  }
  return format;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone (IANA name). */
export function localDate(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a moment: ${String(instant)}`);
  const parts = dateFormat(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

/** Whole calendar days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The local date `days` after a local date. */
export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** True when the time zone is one Intl knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** The instant of noon on a local date in a time zone: a stable "moment of that day". */
export function localNoon(isoDate: string, timeZone: string): string {
  return localInstant(`${isoDate}T12:00:00`, timeZone);
}

/** The instant a wall-clock time (YYYY-MM-DDTHH:MM[:SS]) shows in a time zone (IANA name). */
export function localInstant(wallTime: string, timeZone: string): string {
  const wanted = Date.parse(`${wallTime}Z`);
  if (Number.isNaN(wanted)) throw new RangeError(`not a wall-clock time: ${wallTime}`);
  // The zone is read to the minute: seconds are set aside and added back.
  const seconds = ((wanted % 60_000) + 60_000) % 60_000;
  const minute = wanted - seconds;
  let guess = minute;
  for (let i = 0; i < 3; i += 1) {
    const parts = minuteFormat(timeZone).formatToParts(new Date(guess));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const seen = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    if (seen === minute) break;
    guess += minute - seen;
  }
  return new Date(guess + seconds).toISOString();
}

/** "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago". */
export function timeAgo(days: number): string {
  const d = Math.floor(days);
  if (d < 1) return 'today';
  if (d === 1) return 'yesterday';
  if (d < 14) return `${d} days ago`;
  if (d < 60) return `${Math.round(d / 7)} weeks ago`;
  if (d < 730) return `${Math.round(d / 30)} months ago`;
  return `${Math.round(d / 365)} years ago`;
}
