import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isTimeZone, localDate, localNoon, timeAgo } from './calendar.js';

describe('calendar days', () => {
  it('gives the local date of an instant on both sides of the date line', () => {
    const instant = '2026-11-02T10:30:00Z';
    expect(localDate(instant, 'Pacific/Kiritimati')).toBe('2026-11-03');
    expect(localDate(instant, 'Pacific/Pago_Pago')).toBe('2026-11-01');
    expect(localDate(instant, 'UTC')).toBe('2026-11-02');
  });

  it('counts days across month, year and daylight-saving changes', () => {
    expect(daysBetween('2026-10-31', '2026-11-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // Europe springs forward on the 29th
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-11-02', -7)).toBe('2026-10-26');
  });

  it('knows real time zones from made-up ones', () => {
    expect(isTimeZone('Europe/Lisbon')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => localDate('not a date', 'UTC')).toThrow(RangeError);
  });
});

describe('localNoon', () => {
  it('is noon of that day where the user is', () => {
    expect(localNoon('2026-11-20', 'UTC')).toBe('2026-11-20T12:00:00.000Z');
    expect(localNoon('2026-11-20', 'America/Los_Angeles')).toBe('2026-11-20T20:00:00.000Z');
    expect(localNoon('2026-11-20', 'Pacific/Kiritimati')).toBe('2026-11-19T22:00:00.000Z');
    expect(localDate(localNoon('2026-07-01', 'Asia/Kolkata'), 'Asia/Kolkata')).toBe('2026-07-01');
  });
});

describe('timeAgo', () => {
  it('says how long ago in the unit a person would use', () => {
    expect([0, 0.9, 1, 5, 13, 14, 59, 60, 729, 730].map(timeAgo)).toEqual([
      'today',
      'today',
      'yesterday',
      '5 days ago',
      '13 days ago',
      '2 weeks ago',
      '8 weeks ago',
      '2 months ago',
      '24 months ago',
      '2 years ago',
    ]);
  });
});
