// A recurrence rule (RRULE, RFC 5545 §3.3.10) checked before a calendar library expands it:
// a rule with a value out of range or trailing text ("BYMONTH=13 x") can send an expander
// into an endless search, and a rule in another calendar scale (RSCALE, RFC 7529) would be
// expanded as Gregorian, on the wrong days. What is not a rule Kith can expand is named.

const FREQS = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const DAY = '(SU|MO|TU|WE|TH|FR|SA)';
const DATE = /^\d{8}(T\d{6}Z?)?$/;

/** Each BY part's values: signed or not, and their range (RFC 5545). */
const RANGES: Record<string, { min: number; max: number; signed: boolean }> = {
  BYSECOND: { min: 0, max: 60, signed: false },
  BYMINUTE: { min: 0, max: 59, signed: false },
  BYHOUR: { min: 0, max: 23, signed: false },
  BYMONTHDAY: { min: 1, max: 31, signed: true },
  BYYEARDAY: { min: 1, max: 366, signed: true },
  BYWEEKNO: { min: 1, max: 53, signed: true },
  BYMONTH: { min: 1, max: 12, signed: false },
  BYSETPOS: { min: 1, max: 366, signed: true },
};

function numbersProblem(name: string, value: string): string | null {
  const range = RANGES[name];
  if (!range) return null;
  for (const item of value.split(',')) {
    if (!(range.signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/).test(item))
      return `${name} "${item}" is not a number`;
    const n = Math.abs(Number(item));
    if (n < range.min || n > range.max)
      return `${name} ${item} is outside ${range.min}..${range.max}`;
  }
  return null;
}

/** Why a rule cannot be expanded, or null when it can. */
export function recurrenceRuleProblem(rule: string): string | null {
  const parts = rule.trim().split(';');
  const seen = new Set<string>();
  for (const part of parts) {
    const match = /^([A-Z]+)=(.*)$/i.exec(part);
    if (!match) return `"${part.slice(0, 40)}" is not NAME=VALUE`;
    const name = (match[1] ?? '').toUpperCase();
    const value = (match[2] ?? '').toUpperCase();
    if (seen.has(name)) return `${name} is given twice`;
    seen.add(name);
    if (name === 'FREQ') {
      if (!FREQS.has(value)) return `FREQ "${value.slice(0, 20)}" is not a frequency`;
    } else if (name === 'RSCALE') {
      if (value !== 'GREGORIAN') return `the ${value.slice(0, 20)} calendar is not one Kith reads`;
    } else if (name === 'SKIP') {
      if (!['OMIT', 'BACKWARD', 'FORWARD'].includes(value)) return `SKIP "${value}" is unknown`;
    } else if (name === 'UNTIL') {
      if (!DATE.test(value)) return `UNTIL "${value.slice(0, 20)}" is not a date`;
    } else if (name === 'COUNT' || name === 'INTERVAL') {
      if (!/^\d{1,6}$/.test(value) || Number(value) < 1)
        return `${name} "${value.slice(0, 20)}" is not a whole number from 1 to 999999`;
    } else if (name === 'WKST') {
      if (!new RegExp(`^${DAY}$`).test(value)) return `WKST "${value.slice(0, 20)}" is not a day`;
    } else if (name === 'BYDAY') {
      for (const item of value.split(','))
        if (!new RegExp(`^([+-]?([1-9]|[1-4]\\d|5[0-3]))?${DAY}$`).test(item))
          return `BYDAY "${item.slice(0, 20)}" is not a day`;
    } else if (RANGES[name]) {
      const problem = numbersProblem(name, value);
      if (problem) return problem;
    } else if (!name.startsWith('X-')) return `${name} is not part of a recurrence rule`;
  }
  if (!seen.has('FREQ')) return 'it has no FREQ';
  if (seen.has('COUNT') && seen.has('UNTIL')) return 'it has both COUNT and UNTIL';
  return null;
}
