import { describe, expect, it } from 'vitest';
import { formatCadence, parseCadence } from './cadence.js';
import { describeCadenceInEffect } from './cadence-text.js';
import { cadenceInEffect } from './method/keep-in-touch.js';

describe('parseCadence', () => {
  it.each([
    ['none', { kind: 'none' }],
    ['every 14d', { kind: 'every', days: 14 }],
    ['every 6w', { kind: 'every', days: 42 }],
    ['Every 3m', { kind: 'every', days: 90 }],
    ['every 1y', { kind: 'every', days: 365 }],
    ['every 10', { kind: 'every', days: 10 }],
    ['once 2027-01-15', { kind: 'once', on: '2027-01-15' }],
  ])('reads "%s"', (text, cadence) => {
    expect(parseCadence(text)).toEqual(cadence);
  });

  it.each(['weekly', 'every 0d', 'every 11y', 'once 2027-02-30', 'once tomorrow'])(
    'refuses "%s", naming the field',
    (text) => {
      expect(() => parseCadence(text, '--cadence')).toThrow(/^--cadence: /);
    },
  );

  it('formats back to the short form', () => {
    expect(formatCadence({ kind: 'every', days: 42 })).toBe('every 6w');
    expect(formatCadence({ kind: 'every', days: 10 })).toBe('every 10d');
    expect(formatCadence({ kind: 'once', on: '2027-01-15' })).toBe('once 2027-01-15');
  });
});

describe('the cadence in effect', () => {
  it('is the person’s own, else their roles’ most frequent default, said with where it comes from', () => {
    const defaults = { mentor: 42, 'work-friend': 14 } as const;
    const say = (
      own: Parameters<typeof cadenceInEffect>[0],
      roles: ('mentor' | 'work-friend' | 'peer')[],
    ) => describeCadenceInEffect(cadenceInEffect(own, roles, defaults));
    expect(say({ kind: 'none' }, ['mentor'])).toBe('every 6 weeks, the default for mentors');
    expect(say({ kind: 'none' }, ['mentor', 'work-friend'])).toBe(
      'every 2 weeks, the default for work friends',
    );
    expect(say({ kind: 'every', days: 10 }, ['mentor'])).toBe('every 10 days');
    expect(say({ kind: 'once', on: '2027-01-15' }, [])).toBe('once, on 2027-01-15');
    expect(say({ kind: 'none' }, ['peer'])).toBe('not set');
  });
});
