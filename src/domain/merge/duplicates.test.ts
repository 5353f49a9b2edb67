import { describe, expect, it } from 'vitest';
import { personDataFrom } from '../person.js';
import {
  blockingKeys,
  duplicateScore,
  jaroWinkler,
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

describe('merging two people', () => {
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
