// `kith login`: the same session of commands, run once on a local file and once against a
// server after `kith login`, prints the same (ids aside) — so every command works through the
// API — and leaves the local database untouched; the token file is the user's alone; logout
// revokes the token. Plus: every store call a command makes exists on the remote store.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { RemoteStore } from '../../src/cli/remote-store.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { PASSWORD } from '../support/accounts.js';
import { fixturePath } from '../support/fixtures.js';

const NOW = '2026-11-20T10:00:00Z';
const now = () => new Date(NOW);

async function kith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    env,
    now,
    output: { out: (t) => out.push(t), err: (t) => err.push(t) },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A session a person might type, touching every kind of command. */
const SESSION: string[][] = [
  [
    'add',
    'Dana Kim',
    '--org',
    'Acme',
    '--title',
    'Tax advisor',
    '--tag',
    'taxes',
    '--email',
    'dana@example.org',
    '--role',
    'mentor',
  ],
  ['add', 'Lee Park', '--org', 'Bluefin', '--tag', 'design'],
  ['add', 'Priya Raman', '--org', 'Acme', '--email', 'priya@example.org'],
  ['people'],
  ['people', '--tag', 'taxes', '--json'],
  ['edit', 'dana', '--title', 'Head of tax', '--tag', 'finance'],
  ['show', 'dana'],
  [
    'log',
    'dana,lee',
    '--kind',
    'coffee',
    '--date',
    '2026-11-18',
    '--summary',
    'Coffee about pricing',
    '--insight',
    'Price by the project',
  ],
  ['search', 'pricing'],
  ['settings', 'set', 'my-name', 'Sam Rivera'],
  ['settings', 'set', 'my-intro', 'I lead data at Bluefin.'],
  ['campaign', 'new', 'Explore consulting', '--tag', 'taxes'],
  [
    'ask',
    'dana',
    '--question',
    'How did you find your first two clients?',
    '--campaign',
    'explore consulting',
  ],
  ['asks'],
  ['today', '--date', '2026-11-20', '--tz', 'UTC'],
  ['cadence', 'lee', 'every', '6w'],
  ['task', 'add', 'Send Lee the deck', '--due', '2026-12-05', '--person', 'lee'],
  ['task', 'list'],
  ['snooze', 'priya', '2026-12-15'],
  ['intro', 'received', '--from', 'priya', '--to', 'Tom Berg', '--reason', 'knows the tax side'],
  ['intro', 'make', 'dana', 'lee', '--reason', 'both price by the project'],
  ['intro'],
  ['knows', 'dana', 'priya', '--context', 'same team', '--strength', 'strong'],
  ['knows', 'dana'],
  ['who', 'taxes'],
  ['ledger'],
  ['ledger', 'dana'],
  ['insights'],
  ['orgs'],
  ['import', fixturePath('vcard/gmail-3.0.vcf'), '--dry-run'],
  ['import', fixturePath('vcard/gmail-3.0.vcf')],
  ['import', 'list'],
  ['merge'],
  ['export', '--format', 'csv'],
  ['export', '--format', 'vcard'],
  ['feed', 'show'],
  ['rm', 'lee'],
  ['restore', 'lee'],
  ['show', 'nobody-at-all'],
];

/** Ids (full and short) and the feed's secret differ from one database to another. */
const normalized = (text: string) =>
  text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/\b[0-9a-f]{8}\b/g, '<short>')
    .replace(/feeds\/[\w-]+\.ics/g, 'feeds/<secret>.ics');

describe('kith login: the CLI against a server', () => {
  let dir: string;
  let serverStore: Store;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kith-remote-'));
    serverStore = await openStore({ kind: 'sqlite', file: join(dir, 'server.db') }, { now });
    server = await startServer(serverStore, {
      host: '127.0.0.1',
      port: 0,
      version: 'test',
      accounts: true,
    });
    const signUp = await fetch(`${server.url}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'me@example.org', name: 'Me', password: PASSWORD }),
    });
    expect(signUp.status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
    await serverStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every command of a session through the API, printing what it prints on a local file', async () => {
    const local = { KITH_DB: join(dir, 'local.db'), KITH_TZ: 'UTC' };
    const remote = {
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_DATA_HOME: join(dir, 'data'),
      KITH_TZ: 'UTC',
      KITH_PASSWORD: PASSWORD,
    };
    const login = await kith(remote, 'login', server.url, '--email', 'me@example.org');
    expect(login.err).toBe('');
    expect(login.out).toMatch(/Logged in to http:\/\/127\.0\.0\.1:\d+ as me@example\.org/);
    const file = join(dir, 'config', 'kith', 'remote.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/"token": "kith_/);

    const differences: string[] = [];
    for (const args of SESSION) {
      const here = await kith(local, ...args);
      const there = await kith(remote, ...args);
      const a = normalized(`${here.code}\n${here.out}\n${here.err}`);
      const b = normalized(`${there.code}\n${there.out}\n${there.err}`);
      if (a !== b) differences.push(`kith ${args.join(' ')}\n--- local\n${a}\n--- server\n${b}`);
    }
    expect(differences).toEqual([]);
    // It all went to the server: no local database was made, and the server has the people.
    expect(existsSync(join(dir, 'data'))).toBe(false);
    const account = await serverStore.accounts.byEmail('me@example.org');
    const people = await serverStore
      .forWorkspace(account?.workspaceId ?? '')
      .people.list({ limit: 100 });
    expect(people.items.map((p) => p.displayName)).toContain('Dana Kim');

    // Logout revokes this machine's token and goes back to the local database.
    const token = (JSON.parse(readFileSync(file, 'utf8')) as { token: string }).token;
    const out = await kith(remote, 'logout');
    expect(out.out).toMatch(/token for this machine is revoked/);
    expect(existsSync(file)).toBe(false);
    const refused = await fetch(`${server.url}/api/people`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(401);
    expect((await kith(remote, 'people')).out).toMatch(/No people|no one|empty/i);
    expect(readdirSync(join(dir, 'data', 'kith'))).toContain('kith.db');
  }, 120_000);

  it('says so when the saved token was revoked, and takes a token instead of a password', async () => {
    const env = { XDG_CONFIG_HOME: join(dir, 'config2'), XDG_DATA_HOME: join(dir, 'data2') };
    const bad = await kith(env, 'login', server.url, '--token', 'kith_not-a-real-token');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/unknown or was revoked/);
    const wrong = await kith(
      { ...env, KITH_PASSWORD: 'not the password' },
      'login',
      server.url,
      '--email',
      'me@example.org',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/Email or password is wrong/);
    const made = await kith(
      { KITH_DB: join(dir, 'server.db') },
      'token',
      'create',
      '--name',
      'laptop',
    );
    const token = made.out.trim();
    expect((await kith(env, 'login', server.url, '--token', token)).code).toBe(0);
    expect((await kith(env, 'people', '--json')).code).toBe(0);
    await kith(
      { KITH_DB: join(dir, 'server.db') },
      'token',
      'revoke',
      JSON.parse(
        (await kith({ KITH_DB: join(dir, 'server.db') }, 'token', 'list', '--json')).out,
      ).find((t: { name: string }) => t.name === 'laptop').id,
    );
    const after = await kith(env, 'people');
    expect(after.code).toBe(1);
    expect(after.err).toMatch(/refused the saved token .*kith login/);
  });
});

describe('the remote store', () => {
  it('has every call a command makes', () => {
    const dirOf = new URL('../../src/cli/commands/', import.meta.url).pathname;
    const calls = new Set<string>();
    for (const name of readdirSync(dirOf)) {
      const text = readFileSync(join(dirOf, name), 'utf8');
      for (const m of text.matchAll(/\b(?:store|tx)\.(\w+)(?:\.(\w+))?\(/g))
        calls.add(m[2] ? `${m[1]}.${m[2]}` : (m[1] ?? ''));
    }
    const remote = new RemoteStore({
      url: 'http://127.0.0.1:1',
      token: 'x',
      email: null,
    }) as unknown as Record<string, unknown>;
    const missing = [...calls].filter((call) => {
      const [group, method] = call.split('.');
      const value = remote[group ?? ''];
      if (!method) return typeof value !== 'function';
      // accounts.* answer on the remote store that they are managed on the server.
      return (
        group !== 'accounts' &&
        typeof (value as Record<string, unknown> | undefined)?.[method] !== 'function'
      );
    });
    expect(calls.size).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });
});
