// The accounts commands on the machine that holds a server's database: tokens printed once
// that the API then takes (read-only ones only to read, revoked ones not at all), invitation
// links that sign-up takes, and a server on a public address refused without accounts.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/open-store.js';
import { client, PASSWORD } from '../support/accounts.js';
import { cliSandbox } from '../support/cli.js';

const box = cliSandbox('kith-accounts-');

async function withApp<T>(work: (app: ReturnType<typeof createApp>) => Promise<T>): Promise<T> {
  // The sandbox's clock, as the commands have it.
  const store = await openStore(
    { kind: 'sqlite', file: box.env.KITH_DB ?? '' },
    { now: () => new Date('2026-11-20T10:00:00Z') },
  );
  try {
    return await work(
      createApp(store, { log: () => undefined, auth: { accounts: true, publicUrl: null } }),
    );
  } finally {
    await store.close();
  }
}

describe('kith token, kith invite, kith accounts', () => {
  it('says there is no account to make a token for, and how to make one', async () => {
    const result = await box.kith('token', 'create', '--name', 'backup');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no accounts yet: start `kith serve --accounts`/);
  });

  it('prints a token once that the API takes, lists it with its use, and revokes it', async () => {
    await withApp((app) =>
      client(app).json('POST', '/api/auth/sign-up', {
        email: 'me@example.org',
        name: 'Me',
        password: PASSWORD,
      }),
    );
    const made = await box.kith('token', 'create', '--name', 'laptop script');
    expect(made.code).toBe(0);
    const token = made.out.trim();
    expect(token).toMatch(/^kith_[\w-]{43}$/);
    expect(made.err).toMatch(/shown only now/);
    const readOnly = (
      await box.kith('token', 'create', '--name', 'reader', '--read-only')
    ).out.trim();

    await withApp(async (app) => {
      expect(
        (await client(app, { token }).request('POST', '/api/people', { displayName: 'Via Token' }))
          .status,
      ).toBe(201);
      expect((await client(app, { token: readOnly }).request('GET', '/api/people')).status).toBe(
        200,
      );
      expect(
        (
          await client(app, { token: readOnly }).request('POST', '/api/people', {
            displayName: 'X',
          })
        ).status,
      ).toBe(403);
    });
    const listed = JSON.parse((await box.kith('token', 'list', '--json')).out) as {
      id: string;
      name: string;
      lastUsedAt: string | null;
    }[];
    expect(listed.map((t) => t.name).sort()).toEqual(['laptop script', 'reader']);
    expect(JSON.stringify(listed)).not.toContain(token);
    const laptop = listed.find((t) => t.name === 'laptop script');
    expect(laptop?.lastUsedAt).not.toBeNull();

    expect((await box.kith('token', 'revoke', laptop?.id ?? '')).code).toBe(0);
    await withApp(async (app) => {
      expect((await client(app, { token }).request('GET', '/api/people')).status).toBe(401);
    });
    const again = await box.kith('token', 'revoke', laptop?.id ?? '');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/No token matches/);
    const blank = await box.kith('token', 'create', '--name', ' ');
    expect(blank.code).toBe(1);
    expect(blank.err).toMatch(/--name/);
  });

  it('makes invitation links that sign-up takes, and asks which account when there are several', async () => {
    const noUrl = await box.kith('invite');
    expect(noUrl.code).toBe(1);
    expect(noUrl.err).toMatch(/--url: say where people reach the server/);
    expect((await box.kith('invite', '--url', 'https://kith.example.org')).err).toMatch(
      /no owner yet/,
    );

    await withApp((app) =>
      client(app).json('POST', '/api/auth/sign-up', {
        email: 'owner@example.org',
        name: 'Owner',
        password: PASSWORD,
      }),
    );
    const link = (
      await box.kith('invite', '--url', 'https://kith.example.org', '--email', 'sam@example.org')
    ).out.trim();
    expect(link).toMatch(/^https:\/\/kith\.example\.org\/sign-up\?invitation=[\w-]{43}$/);
    const invitation = new URL(link).searchParams.get('invitation') ?? '';
    await withApp((app) =>
      client(app).json('POST', '/api/auth/sign-up', {
        email: 'sam@example.org',
        name: 'Sam',
        password: PASSWORD,
        invitation,
      }),
    );
    const accounts = await box.kith('accounts');
    expect(accounts.out).toMatch(/owner@example\.org\s+Owner\s+owner/);
    expect(accounts.out).toMatch(/sam@example\.org\s+Sam\s+member/);
    const which = await box.kith('token', 'create', '--name', 'x');
    expect(which.code).toBe(1);
    expect(which.err).toMatch(/--account.*owner@example\.org, sam@example\.org/);
    const forSam = await box.kith('token', 'create', '--name', 'x', '--account', 'SAM@example.org');
    expect(forSam.code).toBe(0);
    expect(forSam.err).toMatch(/for sam@example\.org/);
  });

  it('refuses to serve on a public address without accounts, and says why', async () => {
    const result = await box.kith('serve', '--host', '0.0.0.0', '--port', '0');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /Listening on 0\.0\.0\.0 .* Start with --accounts \(or KITH_ACCOUNTS=1\)/,
    );
  });
});
