import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';

let dir: string;
let env: NodeJS.ProcessEnv;

async function kith(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    env,
    now: () => new Date('2026-11-20T10:00:00Z'),
    output: { out: (t) => out.push(t), err: (t) => err.push(t) },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kith-merge-'));
  env = { KITH_DB: join(dir, 'kith.db'), KITH_TZ: 'UTC' };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

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
