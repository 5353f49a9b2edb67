// Keep in touch: a cadence per person (or a default for their role), measured from the last
// time you were in touch, in calendar days of the user's time zone; snoozing pushes it back.
import type { Cadence } from '../cadence.js';
import type { Role } from '../person.js';
import { addDays, daysBetween, localDate } from './calendar.js';

/** Days between chats by role, when a person has no cadence of their own (editable in settings). */
export const DEFAULT_ROLE_CADENCE: Partial<Record<Role, number>> = {
  mentor: 42,
  'work-friend': 14,
  connector: 90,
  sponsor: 60,
};

/** A person's own cadence wins; otherwise the most frequent default among their roles. */
export function effectiveCadence(
  own: Cadence,
  roles: readonly Role[],
  roleDefaults: Partial<Record<Role, number>> = DEFAULT_ROLE_CADENCE,
): Cadence {
  return cadenceInEffect(own, roles, roleDefaults).cadence;
}

/**
 * The cadence in effect and where it comes from: the person's own, or the default of one of
 * their roles (the most frequent), or none.
 */
export function cadenceInEffect(
  own: Cadence,
  roles: readonly Role[],
  roleDefaults: Partial<Record<Role, number>> = DEFAULT_ROLE_CADENCE,
): { cadence: Cadence; role: Role | null } {
  if (own.kind !== 'none') return { cadence: own, role: null };
  let best: { days: number; role: Role } | null = null;
  for (const role of roles) {
    const days = roleDefaults[role];
    if (days !== undefined && (!best || days < best.days)) best = { days, role };
  }
  return best
    ? { cadence: { kind: 'every', days: best.days }, role: best.role }
    : { cadence: own, role: null };
}

export interface KeepInTouchInput {
  cadence: Cadence;
  lastContactAt: string | null;
  /** When the person was added: the clock starts then if you have never been in touch. */
  since: string;
  snoozedUntil?: string | null;
}

export type KeepInTouch =
  | { kind: 'upcoming'; dueOn: string; inDays: number }
  | { kind: 'due'; dueOn: string }
  | { kind: 'overdue'; dueOn: string; daysOverdue: number };

export function keepInTouch(
  input: KeepInTouchInput,
  now: string,
  timeZone: string,
): KeepInTouch | null {
  const today = localDate(now, timeZone);
  const last = input.lastContactAt ? localDate(input.lastContactAt, timeZone) : null;
  let dueOn: string;
  switch (input.cadence.kind) {
    case 'none':
      return null;
    case 'once':
      // A one-time reminder is done once you have been in touch on or after its day.
      if (last && daysBetween(input.cadence.on, last) >= 0) return null;
      dueOn = input.cadence.on;
      break;
    case 'every':
      dueOn = addDays(last ?? localDate(input.since, timeZone), input.cadence.days);
      break;
  }
  if (input.snoozedUntil && daysBetween(dueOn, input.snoozedUntil) > 0) dueOn = input.snoozedUntil;
  const late = daysBetween(dueOn, today);
  if (late < 0) return { kind: 'upcoming', dueOn, inDays: -late };
  if (late === 0) return { kind: 'due', dueOn };
  return { kind: 'overdue', dueOn, daysOverdue: late };
}

/**
 * The due date the store keeps on each person so Today can find who is due with an index
 * instead of loading everyone. Days are counted in UTC, so it is the same in every zone and
 * at most one day away from the exact date in the user's zone (zones are within a day of
 * UTC): the store loads the people whose stored date is near the edge and lets keepInTouch
 * decide. null: nothing will ever be due (no cadence, or a one-time reminder surely done).
 */
export function storedDueOn(input: KeepInTouchInput): string | null {
  const utcDate = (iso: string) => iso.slice(0, 10);
  const last = input.lastContactAt ? utcDate(input.lastContactAt) : null;
  let dueOn: string;
  switch (input.cadence.kind) {
    case 'none':
      return null;
    case 'once':
      // Done for sure when the contact's UTC date is after the reminder's day; a contact on
      // the day before or the day itself may fall on either side of it in the user's zone.
      if (last && daysBetween(input.cadence.on, last) >= 1) return null;
      dueOn = input.cadence.on;
      break;
    case 'every':
      dueOn = addDays(last ?? utcDate(input.since), input.cadence.days);
      break;
  }
  if (input.snoozedUntil && daysBetween(dueOn, input.snoozedUntil) > 0) dueOn = input.snoozedUntil;
  return dueOn;
}
