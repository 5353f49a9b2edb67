import fc from 'fast-check';
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

  it('finds what comparing every pair that shares a key would, each pair once', () => {
    const given = ['Priya', 'Pria', 'Tom', 'Thomas', 'Ana', 'Anna', 'P.', 'Zoë', 'Zoe'];
    const family = ['Raman', 'Ramen', 'Becker', 'Lima', 'Müller', 'Muller'];
    const orgs = [null, 'Northwind', 'Northwind Ltd', 'Contoso'];
    const personArb = fc.record({
      name: fc.tuple(fc.constantFrom(...given), fc.constantFrom(...family)),
      organization: fc.constantFrom(...orgs),
      email: fc.option(fc.constantFrom('a@x.org', 'b@x.org'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 40 }), fc.nat(), (rows, pick) => {
        const people = rows.map((r, i) =>
          person(`id${String(i).padStart(2, '0')}`, {
            name: r.name.join(' '),
            organization: r.organization,
            emails: r.email ? [r.email] : [],
          }),
        );
        // Every pair sharing a key of a block small enough, scored one by one.
        const keys = people.map((p) => new Set(blockingKeys(p)));
        const sizes = new Map<string, number>();
        for (const ks of keys) for (const k of ks) sizes.set(k, (sizes.get(k) ?? 0) + 1);
        const expected: [string, string, number, string[]][] = [];
        people.forEach((a, i) =>
          people.slice(i + 1).forEach((b, d) => {
            const shared = [...(keys[i] ?? [])].some(
              (k) => keys[i + 1 + d]?.has(k) && (sizes.get(k) ?? 0) <= MAX_BLOCK,
            );
            const { score, reasons } = duplicateScore(a, b);
            if (shared && score >= SUGGEST_AT) expected.push([a.id, b.id, score, reasons]);
          }),
        );
        const order = (x: [string, string, number, string[]], y: typeof x) =>
          y[2] - x[2] || x[0].localeCompare(y[0]) || x[1].localeCompare(y[1]);
        const found = likelyPairs(people, [], 10_000).map(
          (p) => [p.a, p.b, p.score, p.reasons] as [string, string, number, string[]],
        );
        expect(found.sort(order)).toEqual(expected.sort(order));
        // A dismissed pair is left out, and only it.
        const gone = expected[pick % Math.max(1, expected.length)];
        if (gone) {
          const rest = likelyPairs(people, [[gone[1], gone[0]]], 10_000);
          expect(rest).toHaveLength(expected.length - 1);
          expect(rest.some((p) => p.a === gone[0] && p.b === gone[1])).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
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
