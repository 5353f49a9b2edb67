import { describe, expect, it } from 'vitest';
import type { Strength } from './strength.js';
import { rankExperts, type Expert } from './who.js';

const strength = (score: number): Strength => ({
  score,
  label: score >= 0.6 ? 'strong' : score >= 0.3 ? 'good' : 'weak',
  explanation: `tie ${score}`,
});
const expert = (id: string, rank: number, score: number): Expert => ({
  id,
  name: `${id} Smith`,
  rank,
  matched: `knows about taxes`,
  strength: strength(score),
});

describe('who can help', () => {
  it('ranks by match, then by tie, and leaves weak ties to warm paths', () => {
    const answers = rankExperts([
      expert('Weak', 0, 0.1),
      expert('Far', 30, 0.9),
      expert('Close', 1, 0.9),
      expert('Good', 0, 0.4),
    ]);
    expect(answers.map((a) => a.personId)).toEqual(['Close', 'Good', 'Far']);
    expect(answers[0]?.explanation).toBe('ask Close — knows about taxes; tie 0.9');
  });
});
