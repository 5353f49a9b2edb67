import { describe, expect, it } from 'vitest';
import { formatCadence, parseCadence } from './cadence.js';

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
