// kith intro, knows, who, ledger and insights, as a user types them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';

let dir: string;
let env: NodeJS.ProcessEnv;
const clock = new Date('2026-11-02T09:00:00Z');

async function kith(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    env,
    now: () => clock,
    output: { out: (t) => out.push(t), err: (t) => err.push(t) },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kith-connectors-'));
  env = { KITH_DB: join(dir, 'kith.db'), KITH_TZ: 'UTC' };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('connectors from the terminal', () => {
  it('records an introduction received, creating the new person, then finds a warm path to them', async () => {
    await kith('add', 'Priya Raman');
    await kith('log', 'Priya Raman', '--summary', 'Catch-up');
    await kith('log', 'Priya Raman', '--summary', 'Lunch', '--date', '2026-10-01');
    const got = await kith(
      'intro',
      'received',
      '--from',
      'Priya',
      '--to',
      'Tom Berg',
      '--reason',
      'taxes',
    );
    expect(got.code).toBe(0);
    expect(got.out).toContain('Priya Raman introduced you to Tom Berg');
    await kith('edit', 'Tom Berg', '--tag', 'taxes');
    const who = await kith('who', 'taxes', '--json');
    expect(who.code).toBe(0);
    const answer = JSON.parse(who.out) as { paths: { explanation: string }[] };
    expect(answer.paths[0]?.explanation).toMatch(
      /^ask Priya to introduce you to Tom Berg, who works on taxes/,
    );
    const text = await kith('who', 'taxes');
    expect(text.out).toContain('Through people you know:');
    expect(text.out).toContain('  1. ask Priya to introduce you to Tom Berg');
    const drafted = await kith('who', 'taxes', '--ask', '1');
    expect(drafted.out).toMatch(
      /^Drafted an ask to Priya Raman \([0-9a-f]{8}\): Would you introduce me to Tom Berg\? I would like to ask about taxes\./,
    );
    expect((await kith('who', 'taxes', '--ask', '2')).err).toContain(
      'there is 1 path to choose from',
    );
    const ledger = await kith('ledger', 'Priya');
    expect(ledger.out).toContain('introduced you to Tom Berg');
  });

  it('makes an introduction step by step and refuses a step out of turn', async () => {
    await kith('add', 'Sam Okafor');
    await kith('add', 'Lee Park');
    const made = await kith('intro', 'make', 'Sam', 'Lee', '--reason', 'both left audit', '--json');
    expect(made.code).toBe(0);
    const id = (JSON.parse(made.out) as { id: string }).id;
    const early = await kith('intro', 'make', id);
    expect(early.code).not.toBe(0);
    expect(early.err).toContain('cannot take "make"');
    for (const step of ['ask-a', 'accept-a', 'ask-b', 'accept-b', 'make']) {
      expect((await kith('intro', step, id)).code).toBe(0);
    }
    expect((await kith('intro', 'show', id)).out).toContain('State: made');
    // The connecting message, from the user's own template.
    const template = join(dir, 'connect.txt');
    writeFileSync(template, '{first_name}, meet {other_name}: {reason}. — {my_name}');
    expect((await kith('settings', 'template', 'intro-connect', template)).code).toBe(0);
    expect((await kith('settings', 'template', 'intro-nope', template)).err).toContain(
      'intro-connect',
    );
    await kith('settings', 'set', 'my-name', 'Alex');
    expect((await kith('intro', 'draft', id)).out).toBe('Sam, meet Lee: both left audit. — Alex');
    expect((await kith('intro', 'list')).out).toContain('Sam Okafor ↔ Lee Park');
    const knows = await kith('knows', 'Sam');
    expect(knows.out).toContain('introduced by you');
    const tie = await kith(
      'knows',
      'Sam',
      'Lee',
      '--context',
      'same board',
      '--strength',
      'strong',
    );
    expect(tie.out).toMatch(
      /^(Sam Okafor knows Lee Park|Lee Park knows Sam Okafor) \(same board\)\.$/,
    );
    expect((await kith('knows', 'Sam', 'Sam')).err).toContain('personB');
    const insights = await kith('insights', '--json');
    expect(JSON.parse(insights.out)).toMatchObject({ people: 2 });
  });
});
