import { describe, expect, it } from 'vitest';
import { validateNetwork } from '../domain/network.js';
import { generateNetwork } from './generate-network.js';

const today = new Date('2026-11-28T15:00:00Z');

describe('generateNetwork', () => {
  it('gives the same network for the same seed and day, another for another seed', () => {
    const a = generateNetwork({ size: 50, seed: 3, today });
    expect(generateNetwork({ size: 50, seed: 3, today })).toEqual(a);
    expect(generateNetwork({ size: 50, seed: 4, today })).not.toEqual(a);
  });

  it('makes valid people and interactions over the last three years', () => {
    const network = generateNetwork({ size: 300, seed: 11, interactionsPerPerson: 5, today });
    const valid = validateNetwork(network);
    expect(valid.people).toHaveLength(300);
    expect(valid.interactions).toHaveLength(1500);
    const times = valid.interactions.map((i) => i.data.occurredAt).sort();
    expect(times[0] ?? '').toMatch(/^202[3-6]-/);
    expect((times[0] ?? '') >= '2023-11-28').toBe(true);
    expect((times.at(-1) ?? '9') <= '2026-11-29').toBe(true);
    expect(valid.people.some((p) => p.data.roles.includes('mentor'))).toBe(true);
    expect(valid.interactions.some((i) => (i.data.insights ?? []).length > 0)).toBe(true);
    expect(valid.interactions.some((i) => i.participants.length > 1)).toBe(true);
  });
});
