import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../support/cli.js';

const { kith } = cliSandbox('kith-merge-');

describe('kith merge', () => {
  it('lists likely duplicates, merges a pair, and keeps a dismissed pair apart', async () => {
    await kith('add', 'Priya Raman', '--email', 'priya@work.example', '--org', 'Northwind');
    await kith('add', 'Priya Ramen', '--org', 'Northwind');
    await kith('add', 'Tom Becker');
    await kith('add', 'Tom Beckers');
    await kith('log', 'Priya Ramen', '--summary', 'Coffee about data science');

    const list = await kith('merge');
    expect(list.out).toContain('Priya Raman');
    expect(list.out).toContain('similar names');
    expect(list.out).toContain('both at Northwind');
    const pairs = JSON.parse((await kith('merge', '--json')).out) as { people: { id: string }[] }[];
    expect(pairs).toHaveLength(2);

    const merged = await kith('merge', 'Priya Raman', 'Priya Ramen');
    expect(merged.out).toMatch(/^Merged Priya Ramen into Priya Raman \(\w+\)/);
    const shown = await kith('show', 'Priya Raman');
    expect(shown.out).toContain('Coffee about data science');
    expect((await kith('show', 'Priya Ramen')).code).toBe(1);

    expect((await kith('merge', '--not', 'Tom Becker', 'Tom Beckers')).out).toBe(
      'Tom Becker and Tom Beckers are two people: not suggested again.',
    );
    expect((await kith('merge')).out).toBe('No likely duplicates.');
    expect((await kith('merge', 'Tom Becker')).err).toContain('other: name the second person too');
  });
});
