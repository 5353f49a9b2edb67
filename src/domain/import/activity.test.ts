import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, latestInteractionOf } from './activity.js';

/** The definition: 32-bit FNV-1a over the parts joined by U+0000, UTF-16 code units. */
function byDefinition(...parts: (string | number | null | undefined)[]): string {
  const text = parts.map((p) => String(p ?? '')).join('\u0000');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

describe('fingerprintOf', () => {
  it('is FNV-1a of the joined parts, so fingerprints stored by earlier imports still match', () => {
    const part = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
        expect(fingerprintOf(...parts)).toBe(byDefinition(...parts));
      }),
    );
    // Values earlier versions stored.
    expect(fingerprintOf()).toBe('811c9dc5');
    expect(fingerprintOf('2 LinkedIn messages', 'Hello')).toBe(
      byDefinition('2 LinkedIn messages\u0000Hello'),
    );
  });
});

describe('latestInteractionOf', () => {
  it('gives each person asked about the latest interaction they took part in, and no one else', () => {
    const latest = latestInteractionOf(
      [
        { at: '2024-03-05T09:12:44.000Z', personIds: ['a', 'b'] },
        { at: '2024-04-01T12:30:00.000Z', personIds: ['a'] },
        { at: '2024-01-01T00:00:00.000Z', personIds: ['a', 'c'] },
        { at: '2025-01-01T00:00:00.000Z', personIds: ['z'] },
      ],
      new Set(['a', 'b', 'c', 'd']),
    );
    expect([...latest].sort()).toEqual([
      ['a', '2024-04-01T12:30:00.000Z'],
      ['b', '2024-03-05T09:12:44.000Z'],
      ['c', '2024-01-01T00:00:00.000Z'],
    ]);
  });
});
