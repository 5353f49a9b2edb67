// The network map's names (web/src/network/labels.ts): the most important placed first, none
// over another, none outside the map.
import { describe, expect, it } from 'vitest';
import { overlap, placeLabels, type LabelCandidate } from '../../web/src/network/labels.js';

const view = { width: 400, height: 300, lineHeight: 14 };
const at = (id: string, x: number, y: number, priority: number, width = 80): LabelCandidate => ({
  id,
  x,
  y,
  size: 4,
  width,
  priority,
});

describe('placing names on the map', () => {
  it('gives the place to the more important of two names that would overlap', () => {
    const placed = placeLabels([at('small', 100, 100, 1), at('big', 110, 104, 9)], view);
    expect(placed.map((b) => b.id)).toEqual(['big']);
  });

  it('keeps names that do not touch, and none that would leave the map', () => {
    const placed = placeLabels(
      [at('a', 10, 10, 1), at('b', 10, 60, 1), at('edge', 350, 100, 5), at('top', 50, 2, 5)],
      view,
    );
    expect(placed.map((b) => b.id).sort()).toEqual(['a', 'b']);
  });

  it('never lets two placed names overlap, whatever the crowd', () => {
    const crowd = Array.from({ length: 400 }, (_, i) =>
      at(`n${i}`, (i * 37) % 380, (i * 53) % 290, i % 13, 40 + (i % 5) * 20),
    );
    const placed = placeLabels(crowd, view);
    expect(placed.length).toBeGreaterThan(10);
    for (const [i, a] of placed.entries())
      for (const b of placed.slice(i + 1)) expect(overlap(a, b)).toBe(false);
  });
});
