import { describe, expect, it } from 'vitest';
import { HALF_LIFE_DAYS, relationshipStrength } from './strength.js';

const NOW = '2026-11-29T12:00:00Z';
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();

describe('relationship strength', () => {
  it('is none without interactions, and explains itself otherwise', () => {
    expect(relationshipStrength({ interactions: [] }, NOW)).toEqual({
      score: 0,
      label: 'none',
      explanation: 'no interactions yet',
    });
    const six = Array.from({ length: 6 }, (_, i) => ({
      occurredAt: daysAgo(21 + i * 50),
      kind: 'coffee' as const,
    }));
    const s = relationshipStrength({ interactions: six }, NOW);
    expect(s.label).toBe('strong');
    expect(s.explanation).toBe('strong — 6 interactions in the last year, last 3 weeks ago');
  });

  it('decays: the same chat counts half as much after one half-life', () => {
    const at = (d: number) =>
      relationshipStrength({ interactions: [{ occurredAt: daysAgo(d), kind: 'coffee' }] }, NOW)
        .score;
    const fresh = -Math.log(1 - at(0));
    const old = -Math.log(1 - at(HALF_LIFE_DAYS));
    expect(old / fresh).toBeCloseTo(0.5, 6);
    const scores = [0, 7, 30, 90, 365, 1000, 5000].map(at);
    for (let i = 1; i < scores.length; i += 1) {
      expect(scores[i]).toBeLessThan(scores[i - 1] ?? Infinity);
    }
    expect(
      relationshipStrength({ interactions: [{ occurredAt: daysAgo(4000), kind: 'email' }] }, NOW)
        .label,
    ).toBe('dormant');
  });

  it('is monotone: another interaction never lowers it, and it stays below 1', () => {
    const kinds = ['coffee', 'email', 'call', 'event', 'message', 'meeting', 'video-call'] as const;
    let list: { occurredAt: string; kind: (typeof kinds)[number] }[] = [];
    let previous = 0;
    for (let i = 0; i < 200; i += 1) {
      list = [
        ...list,
        { occurredAt: daysAgo((i * 37) % 900), kind: kinds[i % kinds.length] ?? 'email' },
      ];
      const { score } = relationshipStrength({ interactions: list }, NOW);
      expect(score).toBeGreaterThanOrEqual(previous);
      expect(score).toBeLessThan(1);
      previous = score;
    }
  });

  it('weighs a coffee above an email, and a one-sided tie below a reciprocal one', () => {
    const one = (kind: 'coffee' | 'email') =>
      relationshipStrength({ interactions: [{ occurredAt: daysAgo(10), kind }] }, NOW).score;
    expect(one('coffee')).toBeGreaterThan(one('email'));
    const chats = [{ occurredAt: daysAgo(10), kind: 'coffee' as const }];
    const balanced = relationshipStrength({ interactions: chats, asked: 2, given: 2 }, NOW);
    const oneSided = relationshipStrength({ interactions: chats, asked: 4, given: 0 }, NOW);
    expect(oneSided.score).toBeLessThan(balanced.score);
    expect(oneSided.explanation).toContain('you asked 4, gave 0');
  });
});
