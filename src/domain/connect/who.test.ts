import { describe, expect, it } from 'vitest';
import type { Strength } from './strength.js';
import { describeMatch, introductionQuestion, rankExperts, type Expert } from './who.js';

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
  it('ranks by match, then by tie, weak ties after those known well, saying they are weak', () => {
    const answers = rankExperts([
      expert('Weak', 0, 0.1),
      expert('Far', 30, 0.9),
      expert('Close', 1, 0.9),
      expert('Good', 0, 0.4),
    ]);
    expect(answers.map((a) => a.personId)).toEqual(['Close', 'Good', 'Far', 'Weak']);
    expect(answers[0]?.explanation).toBe('ask Close, who knows about taxes; tie 0.9');
    expect(answers[3]?.explanation).toBe(
      'ask Weak, who knows about taxes; a weak tie (tie 0.1), and one chat is enough to ask',
    );
  });

  it('names people fully when their first names are shared', () => {
    const zoe = (id: string, family: string): Expert => ({
      ...expert(id, 0, 0.5),
      name: `Zoë ${family}`,
    });
    const answers = rankExperts([zoe('a', 'Adams'), zoe('b', 'Baptiste'), expert('Lee', 2, 0.5)]);
    expect(answers.map((a) => a.explanation.split(',')[0])).toEqual([
      'ask Zoë Adams',
      'ask Zoë Baptiste',
      'ask Lee',
    ]);
  });

  it('says what matched, the most telling field first', () => {
    const base = { title: null, organization: 'Ledgerly', unit: null, tags: [], snippet: null };
    expect(describeMatch({ ...base, tags: ['pricing', 'taxes'] }, ['tax'])).toBe('works on taxes');
    expect(describeMatch({ ...base, title: 'Tax advisor' }, ['tax'])).toBe(
      'is Tax advisor at Ledgerly',
    );
    expect(describeMatch({ ...base, unit: 'Tax desk' }, ['tax'])).toBe(
      'is in Tax desk at Ledgerly',
    );
    expect(describeMatch({ ...base, organization: 'Taxly' }, ['tax'])).toBe('works at Taxly');
    expect(describeMatch({ ...base, snippet: '…did her own taxes…' }, ['tax'])).toBe(
      'is mentioned in your notes: “…did her own taxes…”',
    );
    expect(describeMatch(base, ['tax'])).toBe('matches your search');
  });

  it('asks the first connector for the introduction, through the second if there is one', () => {
    expect(introductionQuestion(['Priya'], 'Tom Berg', 'taxes')).toBe(
      'Would you introduce me to Tom Berg? I would like to ask about taxes.',
    );
    expect(introductionQuestion(['Priya', 'Sam'], 'Tom Berg', 'taxes')).toBe(
      'Would you ask Sam to introduce me to Tom Berg? I would like to ask about taxes.',
    );
  });
});
