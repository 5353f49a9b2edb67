import { describe, expect, it } from 'vitest';
import { giveBackSuggestions, ledgerOf, type Helper } from './ledger.js';

const asked = (at: string) => ({ at, direction: 'asked' as const, what: 'asked: How?' });
const gave = (at: string) => ({ at, direction: 'gave' as const, what: 'introduced them to Lee' });

describe('reciprocity ledger', () => {
  it('flags a relationship that only goes one way, kindly', () => {
    const ledger = ledgerOf('Dana', [asked('2026-10-01T10:00:00Z'), asked('2026-11-01T10:00:00Z')]);
    expect(ledger).toMatchObject({ asked: 2, gave: 0, oneSided: true });
    expect(ledger.note).toBe(
      'You have asked Dana twice and not given back yet: is there someone Dana would like to meet?',
    );
    expect(ledger.entries.map((e) => e.at)).toEqual([
      '2026-11-01T10:00:00Z',
      '2026-10-01T10:00:00Z',
    ]);
  });

  it('is not one-sided after a single ask, nor once something was given', () => {
    expect(ledgerOf('Dana', [asked('2026-10-01T10:00:00Z')]).oneSided).toBe(false);
    const balanced = ledgerOf('Dana', [
      asked('2026-10-01T10:00:00Z'),
      asked('2026-10-02T10:00:00Z'),
      gave('2026-10-03T10:00:00Z'),
    ]);
    expect(balanced).toMatchObject({
      oneSided: false,
      note: 'You asked Dana twice and gave once.',
    });
    expect(ledgerOf('Dana', []).note).toBe('Nothing asked or given yet with Dana.');
  });
});

describe('give back', () => {
  const NOW = '2026-11-29T12:00:00Z';
  const helper = (personId: string, helpedAt: string, gaveAt: string | null = null): Helper => ({
    personId,
    name: personId,
    helpedAt,
    how: 'a chat',
    gaveAt,
  });
  it('suggests who helped lately and got nothing back since, most recent first', () => {
    expect(
      giveBackSuggestions(
        [
          helper('old', '2026-08-01T10:00:00Z'),
          helper('priya', '2026-11-20T10:00:00Z'),
          helper('thanked', '2026-11-10T10:00:00Z', '2026-11-12T10:00:00Z'),
          helper('dana', '2026-11-25T10:00:00Z', '2026-10-01T10:00:00Z'),
        ],
        NOW,
      ).map((h) => h.personId),
    ).toEqual(['dana', 'priya']);
  });
});
