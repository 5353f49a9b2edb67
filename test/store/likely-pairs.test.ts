// Comparing people for duplicates on another thread gives what comparing them here gives.
import { describe, expect, it } from 'vitest';
import { likelyPairs, type Candidate } from '../../src/domain/merge/duplicates.js';
import { likelyPairsSoon } from '../../src/store/likely-pairs.js';

/** Few names among many people: blocks of alike names, shared emails and phones here and there. */
function candidates(n: number): Candidate[] {
  const given = ['Ana', 'Anna', 'Bo', 'Chen', 'Dara', 'Émile', 'Emile', 'Farah'];
  const family = ['Ng', 'Novak', 'Okafor', 'Okafur', 'Park', 'Quist'];
  return Array.from({ length: n }, (_, i) => ({
    id: `p${String(i).padStart(5, '0')}`,
    name: `${given[i % given.length]} ${family[(i * 7) % family.length]}`,
    organization: i % 3 ? `Org ${i % 11}` : null,
    emails: i % 5 === 0 ? [`shared${i % 40}@example.com`] : [],
    phones: i % 9 === 0 ? [`+1 555 01${String(i % 30).padStart(2, '0')}`] : [],
    linkedin: i % 13 === 0 ? `https://www.linkedin.com/in/someone${i % 20}` : null,
  }));
}

describe('likelyPairsSoon', () => {
  it('finds on a thread the pairs found here, dismissed pairs left out', async () => {
    const people = candidates(3000);
    const dismissed: [string, string][] = [['p00000', 'p00040']];
    const here = likelyPairs(people, dismissed, 200);
    expect(here).toHaveLength(200);
    expect(here.some((p) => p.a === 'p00000' && p.b === 'p00040')).toBe(false);
    const there = await likelyPairsSoon(
      { people, dismissed, limit: 200 },
      { minPeople: 0, threadOnly: true },
    );
    expect(there).toEqual(here);
  });
});
