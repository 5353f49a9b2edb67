import { describe, expect, it } from 'vitest';
import { personDataFrom } from '../person.js';
import {
  blockingKeys,
  duplicateScore,
  jaroWinkler,
  likelyPairs,
  MAX_BLOCK,
  tiesAfterMerge,
  mergedData,
  nameSimilarity,
  SUGGEST_AT,
  type Candidate,
} from './duplicates.js';

const person = (name: string, more: Partial<Candidate> = {}): Candidate => ({
  id: name,
  name,
  organization: null,
  emails: [],
  phones: [],
  linkedin: null,
  ...more,
});

describe('telling whether two people are one', () => {
  it('measures words the textbook way (Jaro–Winkler)', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('same', 'same')).toBe(1);
  });

  it('compares names in any order, with initials, accents and a middle name', () => {
    expect(nameSimilarity('Priya Raman', 'Raman, Priya')).toBe(1);
    expect(nameSimilarity('José García', 'jose garcia')).toBe(1);
    expect(nameSimilarity('P. Raman', 'Priya Raman')).toBeGreaterThanOrEqual(0.9);
    expect(nameSimilarity('Priya K. Raman', 'Priya Raman')).toBeGreaterThanOrEqual(0.9);
    expect(nameSimilarity('Priya Ramen', 'Priya Raman')).toBeGreaterThan(SUGGEST_AT);
    expect(nameSimilarity('Priya Raman', 'Tom Becker')).toBeLessThan(0.5);
    expect(nameSimilarity('', 'Tom')).toBe(0);
  });

  it('is certain on a shared email, profile or phone, whatever the names', () => {
    expect(
      duplicateScore(
        person('Bob', { emails: ['b@x.org'] }),
        person('Robert Smith', { emails: ['b@x.org'] }),
      ),
    ).toEqual({ score: 1, reasons: ['the same email, b@x.org'] });
    expect(
      duplicateScore(
        person('A', { phones: ['+1 (555) 010-2030'] }),
        person('B', { phones: ['15550102030'] }),
      ).reasons,
    ).toEqual(['the same phone number, +1 (555) 010-2030']);
  });

  it('weighs the organizations: the same raises, different lowers', () => {
    const same = duplicateScore(
      person('Priya Ramen', { organization: 'Northwind' }),
      person('Priya Raman', { organization: 'Northwind Traders' }),
    );
    const different = duplicateScore(
      person('Priya Raman', { organization: 'Northwind' }),
      person('Priya Raman', { organization: 'Contoso' }),
    );
    expect(same.score).toBeGreaterThan(0.95);
    expect(same.reasons).toEqual(['similar names (95%)', 'both at Northwind']);
    expect(different).toEqual({
      score: 0.85,
      reasons: ['the same name', 'at Northwind and at Contoso'],
    });
  });

  it('puts likely pairs in one block and unlikely ones apart', () => {
    const keys = (c: Candidate) => new Set(blockingKeys(c));
    const shared = (a: Candidate, b: Candidate) => [...keys(a)].some((k) => keys(b).has(k));
    expect(shared(person('Priya Raman'), person('Raman Priya'))).toBe(true);
    expect(shared(person('Priya Raman'), person('P. Raman'))).toBe(true);
    expect(shared(person('Priya Raman'), person('Tom Becker'))).toBe(false);
  });
});

describe('finding likely pairs', () => {
  it('compares people who share a key, best first, leaving out dismissed pairs', () => {
    const people = [
      person('p1', { name: 'Priya Raman', organization: 'Northwind' }),
      person('p2', { name: 'Priya Ramen', organization: 'Northwind' }),
      person('t1', { name: 'Tom Becker', emails: ['tom@x.org'] }),
      person('t2', { name: 'Thomas B.', emails: ['tom@x.org'] }),
      person('s1', { name: 'Sam Ortiz' }),
    ];
    expect(likelyPairs(people, [], 10).map((p) => [p.a, p.b, p.score])).toEqual([
      ['t1', 't2', 1],
      ['p1', 'p2', 0.99],
    ]);
    expect(likelyPairs(people, [['t2', 't1']], 10).map((p) => p.a)).toEqual(['p1']);
    expect(likelyPairs(people, [], 1)).toHaveLength(1);
  });

  it('does not compare a block as large as a very common name', () => {
    const smiths = Array.from({ length: MAX_BLOCK + 1 }, (_, i) =>
      person(`s${i}`, { name: 'J. Smith' }),
    );
    expect(likelyPairs(smiths, [], 10)).toEqual([]);
  });
});

describe('merging two people', () => {
  it('gives the kept person the other’s ties, the stronger where both knew someone', () => {
    const edges = [
      { id: 'e1', a: 'other', b: 'tom', strength: 0.6 },
      { id: 'e2', a: 'keep', b: 'lena', strength: 0.3 },
      { id: 'e3', a: 'lena', b: 'other', strength: 0.9 },
      { id: 'e4', a: 'keep', b: 'sam', strength: 0.9 },
      { id: 'e5', a: 'other', b: 'sam', strength: 0.3 },
      { id: 'e6', a: 'keep', b: 'other', strength: 0.6 },
    ];
    expect(tiesAfterMerge(edges, 'keep', 'other')).toEqual({
      remove: ['e2', 'e5', 'e6'],
      move: [
        { id: 'e1', a: 'keep', b: 'tom' },
        { id: 'e3', a: 'keep', b: 'lena' },
      ],
    });
  });

  it('keeps the first one’s values, fills gaps from the second, joins lists, keeps both notes', () => {
    const keep = personDataFrom({
      displayName: 'Priya Raman',
      emails: ['priya@work.example'],
      organization: 'Northwind',
      tags: ['data'],
      roles: ['mentor'],
      notes: 'Met at PyCon.',
      metOn: '2024-05-01',
    });
    const other = personDataFrom({
      displayName: 'P. Raman',
      emails: ['priya@home.example', 'priya@work.example'],
      organization: 'Contoso',
      title: 'Data Scientist',
      tags: ['python'],
      roles: ['connector'],
      notes: 'Knows about taxes.',
      metOn: '2023-02-01',
      cadence: { kind: 'every', days: 30 },
    });
    expect(mergedData(keep, other)).toMatchObject({
      displayName: 'Priya Raman',
      emails: ['priya@work.example', 'priya@home.example'],
      organization: 'Northwind',
      title: 'Data Scientist',
      tags: ['data', 'python'],
      roles: ['mentor', 'connector'],
      notes: 'Met at PyCon.\n\nKnows about taxes.',
      metOn: '2023-02-01',
      cadence: { kind: 'every', days: 30 },
    });
    expect(mergedData(keep, { ...keep, displayName: 'Copy' }).notes).toBe('Met at PyCon.');
  });
});
