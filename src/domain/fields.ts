// Field schemas used by every entity: trimmed text with limits, dates, ids.
// The limits are generous for people and strict enough that a runaway paste is refused.
import { z } from 'zod';
import { isRealDate } from './dates.js';
import { isId } from './ids.js';

export { isRealDate };

export const LIMITS = {
  name: 200,
  shortText: 300,
  longText: 2_000,
  notes: 200_000,
  listItems: 50,
  insights: 100,
} as const;

// Control characters other than tab, newline and carriage return never belong in a field.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text that must not be blank once trimmed. */
export const requiredText = (max: number, what = 'text') =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} must not be blank` })
    .max(max, { error: `${what} is longer than ${max} characters` })
    .refine((s) => !CONTROL.test(s), { error: `${what} contains control characters` });

/** Optional text: an empty string or null clears the value. */
export const optionalText = (max: number, what = 'text') =>
  z
    .string()
    .trim()
    .max(max, { error: `${what} is longer than ${max} characters` })
    .refine((s) => !CONTROL.test(s), { error: `${what} contains control characters` })
    .nullable()
    .transform((s) => (s === null || s === '' ? null : s));

/** Markdown notes: newlines and tabs allowed, size capped. */
export const notesText = z
  .string()
  .max(LIMITS.notes, { error: `notes are longer than ${LIMITS.notes} characters` })
  .nullable()
  .transform((s) => (s === null || s.trim() === '' ? null : s));

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (YYYY-MM-DD) that exists. */
export const isoDate = z
  .string()
  .trim()
  .refine((s) => DATE_PATTERN.test(s) && isRealDate(s), {
    error: 'must be a date as YYYY-MM-DD',
  })
  .meta({ description: 'A calendar date, YYYY-MM-DD', examples: ['2026-11-20'] });

/**
 * A moment: a date (midnight UTC) or an ISO-8601 date-time with an offset, stored in UTC.
 */
export const moment = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (DATE_PATTERN.test(s)) {
      if (isRealDate(s)) return `${s}T00:00:00.000Z`;
    } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) {
      const d = new Date(s);
      if (!Number.isNaN(d.getTime()) && isRealDate(s.slice(0, 10))) return d.toISOString();
    }
    ctx.addIssue({
      code: 'custom',
      message: 'must be a date (YYYY-MM-DD) or a date-time with a time zone (2026-11-20T09:30:00Z)',
    });
    return z.NEVER;
  })
  .meta({
    description: 'A date (YYYY-MM-DD, taken as midnight UTC) or an ISO-8601 date-time with a zone',
    examples: ['2026-11-20', '2026-11-20T09:30:00+01:00'],
  });

export const idSchema = z.string().refine(isId, { error: 'must be an id (a UUID)' });

export const timestamp = z.string().describe('UTC ISO-8601 timestamp');

/** A list of unique, trimmed values. */
export function uniqueList<T extends z.ZodType<string>>(item: T, what: string) {
  return z
    .array(item)
    .max(LIMITS.listItems, { error: `at most ${LIMITS.listItems} ${what}` })
    .transform((list) => [...new Set(list)]);
}
