import { describe, expect, it } from 'vitest';
import { PERSON_FIELD_WEIGHTS, rankPeople, scoreFields } from './search-score.js';
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

describe('rankPeople', () => {
  const person = (id: string, order: string, name: string, tags = '', work = '', notes = '') => ({
    id,
    order,
    name,
    tags,
    work,
    notes,
  });

  it('orders by score, the newer first among equals, and leaves out who does not match', () => {
    const found = [
      person('anna-old', '01', 'anna berg'),
      person('ann', '02', 'ann lee'),
      person('annika-new', '03', 'annika sjo'),
      person('tagged', '04', 'mia', 'ann'),
      person('nobody', '05', 'bo ek'),
    ];
    expect(rankPeople(found, ['ann'], 10)).toEqual([
      { id: 'ann', score: 20 },
      { id: 'tagged', score: 12 },
      { id: 'annika-new', score: 10 },
      { id: 'anna-old', score: 10 },
    ]);
    expect(rankPeople(found, ['ann'], 2).map((p) => p.id)).toEqual(['ann', 'tagged']);
    // The order the index found them in does not matter.
    expect(rankPeople([...found].reverse(), ['ann'], 10)).toEqual(rankPeople(found, ['ann'], 10));
  });
});
