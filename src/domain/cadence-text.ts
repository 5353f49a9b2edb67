// The short text form of a keep-in-touch cadence ("every 6w", "once 2027-01-15", "none"), read
// and written without the schema library (the CLI's options use it as they are parsed).
import type { Cadence } from './cadence.js';
import { isRealDate } from './dates.js';
import { invalid } from './errors.js';

const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

/** Parse "none", "once 2027-01-15", "every 14d", "every 6w", "every 3m", "every 1y". */
export function parseCadence(text: string, field = 'cadence'): Cadence {
  const t = text.trim().toLowerCase();
  if (t === 'none' || t === '') return { kind: 'none' };
  const once = /^once\s+(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (once?.[1]) {
    if (!isRealDate(once[1])) throw invalid(field, `"${once[1]}" is not a real date`);
    return { kind: 'once', on: once[1] };
  }
  const every = /^every\s+(\d+)\s*([dwmy])?$/.exec(t);
  if (every?.[1]) {
    const days = Number(every[1]) * (UNIT_DAYS[every[2] ?? 'd'] ?? 1);
    if (days < 1 || days > 3650) throw invalid(field, 'must be between 1 day and 10 years');
    return { kind: 'every', days };
  }
  throw invalid(
    field,
    `"${text}" is not a cadence; use "none", "once YYYY-MM-DD" or "every 6w" (d, w, m, y)`,
  );
}

export function formatCadence(c: Cadence): string {
  switch (c.kind) {
    case 'none':
      return 'none';
    case 'once':
      return `once ${c.on}`;
    case 'every':
      return c.days % 7 === 0 ? `every ${c.days / 7}w` : `every ${c.days}d`;
  }
}

/** A cadence in words: "every 6 weeks", "every 10 days", "once, on 2027-01-15", "not set". */
export function cadenceInWords(c: Cadence): string {
  switch (c.kind) {
    case 'none':
      return 'not set';
    case 'once':
      return `once, on ${c.on}`;
    case 'every':
      if (c.days === 7) return 'every week';
      if (c.days % 7 === 0) return `every ${c.days / 7} weeks`;
      return c.days === 1 ? 'every day' : `every ${c.days} days`;
  }
}

/**
 * The keep-in-touch cadence in effect and where it comes from: "every 6 weeks, the default for
 * mentors" when a role's default applies, the person's own in words otherwise.
 */
export function describeCadenceInEffect(inEffect: {
  cadence: Cadence;
  role: string | null;
}): string {
  const words = cadenceInWords(inEffect.cadence);
  return inEffect.role ? `${words}, the default for ${inEffect.role.replace(/-/g, ' ')}s` : words;
}
