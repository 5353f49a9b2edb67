import { describe, expect, it } from 'vitest';
import { effectiveCadence, keepInTouch } from './keep-in-touch.js';

const every = (days: number) => ({ kind: 'every', days }) as const;

describe('keep in touch', () => {
  it('is due N days after the last contact, then overdue', () => {
    const input = {
      cadence: every(14),
      lastContactAt: '2026-11-01T18:00:00Z',
      since: '2025-01-01T00:00:00Z',
    };
    expect(keepInTouch(input, '2026-11-10T12:00:00Z', 'UTC')).toEqual({
      kind: 'upcoming',
      dueOn: '2026-11-15',
      inDays: 5,
    });
    expect(keepInTouch(input, '2026-11-15T12:00:00Z', 'UTC')).toEqual({
      kind: 'due',
      dueOn: '2026-11-15',
    });
    expect(keepInTouch(input, '2026-11-18T12:00:00Z', 'UTC')).toEqual({
      kind: 'overdue',
      dueOn: '2026-11-15',
      daysOverdue: 3,
    });
  });

  it('starts the clock when the person was added if you never met', () => {
    const input = { cadence: every(7), lastContactAt: null, since: '2026-11-01T10:00:00Z' };
    expect(keepInTouch(input, '2026-11-08T10:00:00Z', 'UTC')).toEqual({
      kind: 'due',
      dueOn: '2026-11-08',
    });
  });

  it('counts in the user’s time zone', () => {
    // 18:00 UTC on Nov 1 is already Nov 2 in Tokyo.
    const input = {
      cadence: every(14),
      lastContactAt: '2026-11-01T18:00:00Z',
      since: '2025-01-01T00:00:00Z',
    };
    expect(keepInTouch(input, '2026-11-15T12:00:00Z', 'Asia/Tokyo')).toEqual({
      kind: 'upcoming',
      dueOn: '2026-11-16',
      inDays: 1,
    });
  });

  it('snoozes to a later day, never to an earlier one', () => {
    const input = {
      cadence: every(14),
      lastContactAt: '2026-11-01T10:00:00Z',
      since: '2025-01-01T00:00:00Z',
    };
    expect(
      keepInTouch({ ...input, snoozedUntil: '2026-11-20' }, '2026-11-18T10:00:00Z', 'UTC'),
    ).toMatchObject({ kind: 'upcoming', dueOn: '2026-11-20' });
    expect(
      keepInTouch({ ...input, snoozedUntil: '2026-11-03' }, '2026-11-18T10:00:00Z', 'UTC'),
    ).toMatchObject({ kind: 'overdue', dueOn: '2026-11-15' });
  });

  it('reminds once, and is done after a chat on or after that day', () => {
    const once = {
      cadence: { kind: 'once', on: '2027-01-15' } as const,
      since: '2026-01-01T00:00:00Z',
    };
    expect(
      keepInTouch(
        { ...once, lastContactAt: '2026-12-01T10:00:00Z' },
        '2027-01-16T10:00:00Z',
        'UTC',
      ),
    ).toMatchObject({ kind: 'overdue', daysOverdue: 1 });
    expect(
      keepInTouch(
        { ...once, lastContactAt: '2027-01-15T10:00:00Z' },
        '2027-01-16T10:00:00Z',
        'UTC',
      ),
    ).toBeNull();
  });

  it('uses a role default when the person has no cadence, the most frequent one', () => {
    expect(effectiveCadence({ kind: 'none' }, ['connector', 'work-friend'])).toEqual(every(14));
    expect(effectiveCadence({ kind: 'none' }, ['peer'])).toEqual({ kind: 'none' });
    expect(effectiveCadence(every(3), ['mentor'])).toEqual(every(3));
  });
});
