import { describe, expect, it } from 'vitest';
import { PERSON_FIELD_WEIGHTS, scoreFields } from './search-score.js';
import { searchDocument } from './text.js';

const doc = (name: string, tags = '', work = '', notes = '') => ({ name, tags, work, notes });
const score = (d: ReturnType<typeof doc>, terms: string[]) =>
  scoreFields(d, PERSON_FIELD_WEIGHTS, terms);

describe('scoreFields', () => {
  it('ranks a name above tags above work above notes', () => {
    const scores = [
      score(doc('dana finch'), ['finch']),
      score(doc('x', 'finch'), ['finch']),
      score(doc('x', '', 'finch'), ['finch']),
      score(doc('x', '', '', 'finch'), ['finch']),
    ];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBe(4);
  });

  it('counts a whole word above a word beginning', () => {
    expect(score(doc('fin'), ['fin'])).toBeGreaterThan(score(doc('finch'), ['fin']));
  });

  it('scores documents made by searchDocument, accents folded', () => {
    expect(score(doc(searchDocument('José Núñez')), ['jose'])).toBe(20);
    expect(scoreFields({ name: searchDocument('Ada') }, PERSON_FIELD_WEIGHTS, ['ada'])).toBe(20);
  });

  it('needs every term to match somewhere, each where it matches best', () => {
    expect(score(doc('jose nunez', 'taxes'), ['jose', 'tax'])).toBe(20 + 6);
    expect(score(doc('jose nunez'), ['jose', 'tax'])).toBe(0);
    expect(score(doc('jose'), [])).toBe(0);
  });
});
