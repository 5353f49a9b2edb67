import { describe, expect, it } from 'vitest';
import { isId, newId } from './ids.js';

describe('newId', () => {
  it('makes version 7 UUIDs with the RFC variant', () => {
    const id = newId();
    expect(isId(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('sorts by creation time, even many within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => newId(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const later = newId(1_800_000_000_000 + 5_000);
    expect(later > (ids.at(-1) ?? '')).toBe(true);
  });

  it('encodes the timestamp in the first 48 bits', () => {
    const ms = 1_900_000_000_123;
    const id = newId(ms);
    const hex = id.replace(/-/g, '').slice(0, 12);
    expect(parseInt(hex, 16)).toBeGreaterThanOrEqual(ms);
  });
});
