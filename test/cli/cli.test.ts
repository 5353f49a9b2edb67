import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { openStore } from '../../src/store/open-store.js';
import { snapshot } from '../support/databases.js';

let dir: string;
let env: NodeJS.ProcessEnv;
const now = () => new Date('2026-11-28T10:00:00Z');

async function kith(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    env,
    now,
    output: { out: (t) => out.push(t), err: (t) => err.push(t) },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function dbSnapshot() {
  const store = await openStore({ kind: 'sqlite', file: env.KITH_DB ?? '' });
  try {
    return await snapshot(store);
  } finally {
    await store.close();
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kith-cli-'));
  env = { KITH_DB: join(dir, 'kith.db') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('kith CLI', () => {
  it('says so, on stderr, when it brings an earlier version’s database up to date', async () => {
    const old = await openStore(
      { kind: 'sqlite', file: env.KITH_DB ?? '' },
      { schemaVersion: '011-photo-runs' },
    );
    await old.people.create({ displayName: 'Ada Lovelace' });
    await old.close();
    const first = await kith('people', '--json');
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/Upgrading the database .*012-leaner-import-storage/);
    expect(JSON.parse(first.out)).toMatchObject({ items: [{ displayName: 'Ada Lovelace' }] });
    const again = await kith('people', '--json');
    expect(again.err).toBe('');
  });

  it('adds a person with every flag and shows them, for people and as JSON', async () => {
    const add = await kith(
      'add',
      'Ada Lovelace',
      '--org',
      'Analytical Engines',
      '--title',
      'CTO',
      '--unit',
      'R&D',
      '--role',
      'mentor',
      '--role',
      'connector',
      '--tag',
      'finance',
      '--email',
      'ada@example.com',
      '--linkedin',
      'https://www.linkedin.com/in/ada',
      '--cadence',
      'every 6w',
      '--met-on',
      '2025-05-01',
    );
    expect(add).toMatchObject({ code: 0, err: '' });
    expect(add.out).toMatch(/^Added Ada Lovelace {2}\(.{36}\)$/);
    const shown = await kith('show', 'ada', '--json');
    expect(JSON.parse(shown.out)).toMatchObject({
      displayName: 'Ada Lovelace',
      organization: { name: 'Analytical Engines' },
      unit: 'R&D',
      roles: ['connector', 'mentor'],
      cadence: { kind: 'every', days: 42 },
      metOn: '2025-05-01',
      interactions: [],
    });
    const card = await kith('show', 'Ada Lovelace');
    expect(card.out).toMatch(/Organization: +Analytical Engines/);
    expect(card.out).toMatch(/Keep in touch: +every 6 weeks$/m);
  });

  it('says who is already here rather than adding a silent duplicate; --force adds anyway (#25.11)', async () => {
    await kith('add', 'Ada Lovelace', '--org', 'Analytical Engines');
    const again = await kith('add', 'ada lovelace', '--org', 'analytical engines');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(
      /Ada Lovelace at Analytical Engines \([0-9a-f]{8}\) is already in your network: `kith show [0-9a-f]{8}`\. Add --force to add another ada lovelace\./,
    );
    expect((await kith('add', 'Ada Lovelace')).code).toBe(1);
    // Another organization: another person.
    expect((await kith('add', 'Ada Lovelace', '--org', 'Babbage & Co')).code).toBe(0);
    expect((await kith('add', 'Ada Lovelace', '--org', 'Analytical Engines', '--force')).code).toBe(
      0,
    );
    const listed = JSON.parse((await kith('people', '--json')).out) as { total: number };
    expect(listed.total).toBe(3);
  });

  it('shows the keep-in-touch cadence in effect and where it comes from (#25.6)', async () => {
    await kith('add', 'Grace Hopper', '--role', 'mentor');
    expect((await kith('show', 'grace')).out).toMatch(
      /Keep in touch: +every 6 weeks, the default for mentors$/m,
    );
    await kith('settings', 'role-cadence', 'mentor', 'every', '4w');
    expect((await kith('show', 'grace')).out).toMatch(
      /Keep in touch: +every 4 weeks, the default for mentors$/m,
    );
    await kith('cadence', 'grace', 'every', '10d');
    expect((await kith('show', 'grace')).out).toMatch(/Keep in touch: +every 10 days$/m);
    await kith('add', 'Lin Ode');
    expect((await kith('show', 'lin')).out).not.toMatch(/Keep in touch/);
  });

  it('lists people as a table and as JSON, filtered', async () => {
    await kith('add', 'Ada Lovelace', '--role', 'mentor', '--org', 'Engines');
    await kith('add', 'Grace Hopper', '--role', 'peer', '--tag', 'compilers');
    const table = await kith('people', '--role', 'mentor');
    expect(table.out.split('\n')[0]).toMatch(
      /^Name +Organization +Title +Roles +Tags +Last contact$/,
    );
    expect(table.out).toContain('Ada Lovelace');
    expect(table.out).not.toContain('Grace');
    const asJson = JSON.parse((await kith('people', '--tag', 'compilers', '--json')).out) as {
      total: number;
      items: { displayName: string }[];
    };
    expect(asJson.total).toBe(1);
    expect(asJson.items[0]?.displayName).toBe('Grace Hopper');
  });

  it('tags, untags, archives and restores everyone the filters keep, past one page', async () => {
    for (let i = 0; i < 120; i += 1)
      await kith('add', `Person ${i}`, '--org', i % 3 === 0 ? 'Contoso' : 'Northwind');
    const tagged = await kith('people', '--org', 'northwind', '--add-tag', 'Alumni');
    expect(tagged.out).toBe('Tagged 80 people.');
    expect((await kith('people', '--org', 'northwind', '--add-tag', 'alumni')).out).toBe(
      'Tagged 0 people; 80 already were.',
    );
    const listed = JSON.parse((await kith('people', '--tag', 'alumni', '--json')).out) as {
      total: number;
    };
    expect(listed.total).toBe(80);
    expect((await kith('people', '--org', 'contoso', '--archive')).out).toMatch(
      /^Moved 40 to the trash/,
    );
    expect((await kith('people', '--restore', '--json')).out).toContain('"changed": 40');
    expect((await kith('people', '--tag', 'alumni', '--remove-tag', 'alumni')).out).toBe(
      'Untagged 80 people.',
    );
    const before = await dbSnapshot();
    expect((await kith('people', '--archive', '--restore')).err).toBe(
      'kith: --archive, --restore: one action at a time',
    );
    expect((await kith('people', '--add-tag', '  ')).code).toBe(1);
    expect(await dbSnapshot()).toEqual(before);
  });

  it('logs a chat with two people, with insights, and finds it by an insight word', async () => {
    await kith('add', 'Ada Lovelace');
    await kith('add', 'Grace Hopper');
    const logged = await kith(
      'log',
      'ada,grace',
      '--kind',
      'coffee',
      '--date',
      '2026-11-20',
      '--summary',
      'Coffee about compilers',
      '--note',
      'Long talk',
      '--insight',
      'Ship early and often',
      '--insight',
      'Ask one specific question',
    );
    expect(logged.code).toBe(0);
    expect(logged.out).toMatch(
      /^Logged coffee with Ada Lovelace, Grace Hopper on 2026-11-20, 2 insights {2}\(/,
    );
    const found = await kith('search', 'specific');
    expect(found.out).toContain(
      '2026-11-20  coffee  Coffee about compilers  (with Ada Lovelace, Grace Hopper)',
    );
    expect(found.out).toContain('• Ask one specific question');
    const json = JSON.parse((await kith('search', 'ship', '--json')).out) as {
      interactions: unknown[];
    };
    expect(json.interactions).toHaveLength(1);
  });

  it('lists organizations with how many people work there', async () => {
    await kith('add', 'Ada Lovelace', '--org', 'Analytical Engines');
    await kith('add', 'Charles Babbage', '--org', 'analytical engines');
    const orgs = await kith('orgs');
    expect(orgs.out.split('\n')[2]).toMatch(/^Analytical Engines +2$/);
  });

  it('edits a person: sets, clears, adds and removes', async () => {
    await kith('add', 'Ada Lovelace', '--title', 'CTO', '--tag', 'finance', '--tag', 'taxes');
    const edited = await kith(
      'edit',
      'ada',
      '--title',
      '',
      '--untag',
      'taxes',
      '--tag',
      'engines',
      '--org',
      'Engines Ltd',
      '--json',
    );
    expect(edited.code).toBe(0);
    expect(JSON.parse(edited.out)).toMatchObject({
      title: null,
      tags: ['engines', 'finance'],
      organization: { name: 'Engines Ltd' },
    });
  });

  it('moves a person to the trash and restores them', async () => {
    await kith('add', 'Ada Lovelace');
    expect((await kith('rm', 'ada')).out).toMatch(/^Moved to the trash: Ada Lovelace/);
    expect((await kith('people')).out).toBe('No people match.');
    expect((await kith('people', '--trash')).out).toContain('Ada Lovelace');
    expect((await kith('restore', 'ada')).code).toBe(0);
    expect((await kith('people')).out).toContain('Ada Lovelace');
  });

  it('refuses a name that matches several people, listing them, and changes nothing', async () => {
    await kith('add', 'Sam Lee', '--org', 'Acme');
    await kith('add', 'Sam Patel');
    const before = await dbSnapshot();
    const res = await kith('log', 'sam', '--summary', 'Chat');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/"sam" matches 2 people/);
    expect(res.err).toContain('Sam Lee (Acme)');
    expect(res.err).toContain('Sam Patel');
    const none = await kith('show', 'nobody');
    expect(none).toMatchObject({ code: 1, err: 'kith: No person matches "nobody".' });
    expect(await dbSnapshot()).toEqual(before);
  });

  it.each([
    ['an unknown flag', ['add', 'Bob', '--shoe-size', '44'], 2, /unknown option '--shoe-size'/],
    ['a missing name', ['add'], 2, /missing required argument 'name'/],
    [
      'a name with only spaces',
      ['add', '   '],
      1,
      /^kith: name \(displayName: display name must not be blank\)$/,
    ],
    [
      'an email that is not one',
      ['add', 'Bob', '--email', 'bob-at-example'],
      1,
      /--email \(emails\.0: "bob-at-example" is not an email address\)/,
    ],
    [
      'a bad date',
      ['log', 'ada', '--summary', 'x', '--date', '2026-02-30'],
      1,
      /--date \(occurredAt: must be a date/,
    ],
    [
      'a 5 MB note',
      ['add', 'Bob', '--note', 'x'.repeat(5 * 1024 * 1024)],
      1,
      /--note \(notes: notes are longer than 200000 characters\)/,
    ],
    [
      'a bad cadence',
      ['add', 'Bob', '--cadence', 'weekly'],
      1,
      /--cadence: "weekly" is not a cadence/,
    ],
    ['an unknown role', ['people', '--role', 'boss'], 1, /--role \(role: "boss" is not a role/],
    ['an unknown command', ['frobnicate'], 2, /unknown command 'frobnicate'/],
  ])(
    'refuses %s with a clear message, exit %i, and changes nothing',
    async (_what, args, code, message) => {
      await kith('add', 'Ada Lovelace');
      const before = await dbSnapshot();
      const res = await kith(...args);
      expect(res.code).toBe(code);
      expect(res.err).toMatch(message);
      expect(await dbSnapshot()).toEqual(before);
    },
  );

  it('prints errors as JSON when asked for JSON', async () => {
    const res = await kith('add', ' ', '--json');
    expect(res.code).toBe(1);
    expect(JSON.parse(res.err)).toEqual({
      error: expect.objectContaining({ code: 'invalid_input', field: 'displayName' }),
    });
  });

  it('loads the demo network once, and refuses to mix it into a network with people', async () => {
    const first = await kith('demo', '--size', '40', '--seed', '5', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ people: 40, interactions: 240, asks: 5 });
    const today = await kith('today');
    expect(today.out).toMatch(/Thank .+ for the chat/);
    expect(today.out).toMatch(/Chat with .+ today: What surprised you about taxes/);
    expect(today.out).toMatch(/No reply from .+: one gentle nudge/);
    expect(today.out).toMatch(/.+ did not answer; the ask moved on\. No need to chase\./);
    expect(today.out).toContain(
      'Explore independent consulting: time to try one more (1 of 20 chats so far).',
    );
    const second = await kith('demo', '--size', '40');
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/already has 40 people/);
    expect((await kith('demo', '--size', '0')).code).toBe(2);
  });
});
