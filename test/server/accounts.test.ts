// Accounts on a server: the first sign-up becomes the owner and keeps the data already there,
// later ones need an invitation; sessions are new at every sign-in, HttpOnly and SameSite=Lax,
// ended by signing out (here or everywhere) and by a new password; failed sign-ins look alike
// and are limited; API tokens are shown once, read-only ones only read, revoked ones stop.
import type { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { lockedForMinutes } from '../../src/domain/account.js';
import { createApp } from '../../src/server/app.js';
import { refuseOpenWithoutAccounts } from '../../src/server/serve.js';
import type { Store } from '../../src/store/store.js';
import { client, invite, ORIGIN, PASSWORD, signedUp } from '../support/accounts.js';
import { describeEachDatabase } from '../support/databases.js';

const accountsApp = (store: Store, publicUrl: string | null = null) =>
  createApp(store, {
    version: 'test',
    log: () => undefined,
    auth: { accounts: true, publicUrl: publicUrl ? new URL(publicUrl) : null },
  });

describe('a server other machines can reach', () => {
  it('starts only with accounts on', () => {
    expect(() => refuseOpenWithoutAccounts('0.0.0.0', false)).toThrow(/--accounts/);
    expect(() => refuseOpenWithoutAccounts('192.168.1.20', false)).toThrow(/KITH_ACCOUNTS=1/);
    expect(() => refuseOpenWithoutAccounts('0.0.0.0', true)).not.toThrow();
    expect(() => refuseOpenWithoutAccounts('127.0.0.1', false)).not.toThrow();
    expect(() => refuseOpenWithoutAccounts('::1', false)).not.toThrow();
  });

  it('counts failed sign-ins in a sliding window', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
    expect(lockedForMinutes([ago(1), ago(2), ago(3), ago(4)], 5, now)).toBe(0);
    expect(lockedForMinutes([ago(1), ago(2), ago(3), ago(4), ago(10)], 5, now)).toBe(5);
    // Failures older than the window no longer count.
    expect(lockedForMinutes([ago(1), ago(2), ago(3), ago(4), ago(16)], 5, now)).toBe(0);
  });
});

describeEachDatabase('accounts', (db) => {
  let store: Store;
  let app: Hono;

  beforeEach(async () => {
    store = await db().newDatabase();
    app = accountsApp(store);
  });

  it('in local mode has no sign-in and refuses to make accounts', async () => {
    const local = createApp(store, { version: 'test', log: () => undefined });
    const anyone = client(local);
    expect(await anyone.json('GET', '/api/auth/session')).toEqual({
      mode: 'local',
      account: null,
      firstAccount: false,
      viaToken: false,
    });
    expect((await anyone.request('GET', '/api/people')).status).toBe(200);
    const signUp = await anyone.request('POST', '/api/auth/sign-up', {
      email: 'a@example.org',
      name: 'A',
      password: PASSWORD,
    });
    expect(signUp.status).toBe(409);
    expect((await anyone.request('GET', '/api/tokens')).status).toBe(409);
  });

  it('asks who is there before anything else, and the first account keeps the network already here', async () => {
    const before = await store
      .forWorkspace(store.workspaceId)
      .people.create({ displayName: 'Dana Kim' });
    const anyone = client(app);
    expect(await anyone.json('GET', '/api/auth/session')).toMatchObject({
      mode: 'accounts',
      account: null,
      firstAccount: true,
    });
    const refused = await anyone.request('GET', '/api/people');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await app.request(`${ORIGIN}/healthz`)).status).toBe(200);
    expect((await app.request(`${ORIGIN}/api/openapi.json`)).status).toBe(200);

    const owner = await signedUp(app, 'Owner@Example.org ');
    const state = await owner.json<{ account: { email: string; role: string } }>(
      'GET',
      '/api/auth/session',
    );
    expect(state.account).toMatchObject({ email: 'owner@example.org', role: 'owner' });
    const people = await owner.json<{ items: { id: string }[] }>('GET', '/api/people');
    expect(people.items.map((p) => p.id)).toEqual([before.id]);
  });

  it('lets later people in only with an unused invitation, into a workspace of their own', async () => {
    const owner = await signedUp(app, 'owner@example.org');
    await owner.json('POST', '/api/people', { displayName: 'Only The Owner Knows' });
    const stranger = await client(app).request('POST', '/api/auth/sign-up', {
      email: 'sam@example.org',
      name: 'Sam',
      password: PASSWORD,
    });
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ error: { field: 'invitation' } });

    const forSam = await invite(owner, 'sam@example.org');
    expect(await client(app).json('GET', `/api/auth/invitation?token=${forSam}`)).toEqual({
      email: 'sam@example.org',
    });
    const wrongPerson = await client(app).request('POST', '/api/auth/sign-up', {
      email: 'eve@example.org',
      name: 'Eve',
      password: PASSWORD,
      invitation: forSam,
    });
    expect(wrongPerson.status).toBe(403);
    const sam = await signedUp(app, 'sam@example.org', forSam);
    expect(await sam.json('GET', '/api/auth/session')).toMatchObject({
      account: { role: 'member' },
    });
    expect((await sam.json<{ items: unknown[] }>('GET', '/api/people')).items).toEqual([]);
    // Used once.
    const again = await client(app).request('POST', '/api/auth/sign-up', {
      email: 'sam2@example.org',
      name: 'Sam',
      password: PASSWORD,
      invitation: forSam,
    });
    expect(again.status).toBe(403);
    expect((await client(app).request('GET', `/api/auth/invitation?token=${forSam}`)).status).toBe(
      404,
    );
    // Members do not invite.
    expect((await sam.request('POST', '/api/invitations', {})).status).toBe(403);
    // One address, one account.
    const twice = await client(app).request('POST', '/api/auth/sign-up', {
      email: 'owner@example.org',
      name: 'Owner',
      password: PASSWORD,
      invitation: await invite(owner),
    });
    expect(twice.status).toBe(409);
  });

  it('gives a new session at every sign-in, with the cookie a browser keeps to itself', async () => {
    const owner = await signedUp(app, 'owner@example.org');
    const first = owner.cookie;
    const res = await owner.request('POST', '/api/auth/sign-in', {
      email: 'owner@example.org',
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    // The session it came with is ended, not carried on (no fixation).
    expect(owner.cookie).not.toBe(first);
    const old = client(app);
    old.cookie = first;
    expect((await old.request('GET', '/api/people')).status).toBe(401);
    // A cookie a visitor made up is never adopted.
    const planted = client(app);
    planted.cookie = 'attacker-chosen-value';
    await planted.json('POST', '/api/auth/sign-in', {
      email: 'owner@example.org',
      password: PASSWORD,
    });
    expect(planted.cookie).not.toBe('attacker-chosen-value');
    expect((await planted.request('GET', '/api/people')).status).toBe(200);
  });

  it('marks the cookie Secure behind an HTTPS address, and takes pages from that address', async () => {
    const behindProxy = accountsApp(store, 'https://kith.example.org');
    const res = await behindProxy.request(`${ORIGIN}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://kith.example.org' },
      body: JSON.stringify({ email: 'o@example.org', name: 'O', password: PASSWORD }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
    const foreign = await behindProxy.request(`${ORIGIN}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'o@example.org', password: PASSWORD }),
    });
    expect(foreign.status).toBe(403);
  });

  it('answers a wrong password and an unknown address alike, and limits guessing', async () => {
    await signedUp(app, 'owner@example.org');
    const guesser = client(app);
    const wrong = await guesser.request('POST', '/api/auth/sign-in', {
      email: 'owner@example.org',
      password: 'wrong password!',
    });
    const unknown = await guesser.request('POST', '/api/auth/sign-in', {
      email: 'nobody@example.org',
      password: 'wrong password!',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    for (let i = 0; i < 4; i++)
      await guesser.request('POST', '/api/auth/sign-in', {
        email: 'owner@example.org',
        password: `guess ${i} and more`,
      });
    // Five failures for the account: even the right password waits.
    const locked = await guesser.request('POST', '/api/auth/sign-in', {
      email: 'owner@example.org',
      password: PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({
      error: {
        code: 'too_many_requests',
        message: expect.stringMatching(/try again in \d+ minutes?/),
      },
    });
  });

  it('limits guesses from one address across many accounts too', async () => {
    await signedUp(app, 'owner@example.org');
    const guesser = client(app);
    for (let i = 0; i < 20; i++)
      expect(
        (
          await guesser.request('POST', '/api/auth/sign-in', {
            email: `someone${i}@example.org`,
            password: 'a guess that fails',
          })
        ).status,
      ).toBe(401);
    // Twenty failures from this address: even a good password for an untried account waits.
    const locked = await guesser.request('POST', '/api/auth/sign-in', {
      email: 'owner@example.org',
      password: PASSWORD,
    });
    expect(locked.status).toBe(429);
  });

  it('signs out here, everywhere, and on a new password', async () => {
    const laptop = await signedUp(app, 'owner@example.org');
    const phone = client(app);
    await phone.json('POST', '/api/auth/sign-in', {
      email: 'owner@example.org',
      password: PASSWORD,
    });
    const sessions = await laptop.json<{ current: boolean }[]>('GET', '/api/auth/sessions');
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);

    const badChange = await laptop.request('POST', '/api/auth/password', {
      current: 'not it at all',
      password: 'a new long password',
    });
    expect(badChange.status).toBe(400);
    expect(await badChange.json()).toMatchObject({ error: { field: 'current' } });
    expect(
      (await laptop.request('POST', '/api/auth/password', { current: PASSWORD, password: 'short' }))
        .status,
    ).toBe(400);
    await laptop.json('POST', '/api/auth/password', {
      current: PASSWORD,
      password: 'a new long password',
    });
    expect((await laptop.request('GET', '/api/people')).status).toBe(200);
    expect((await phone.request('GET', '/api/people')).status).toBe(401);
    expect(
      (
        await client(app).request('POST', '/api/auth/sign-in', {
          email: 'owner@example.org',
          password: PASSWORD,
        })
      ).status,
    ).toBe(401);

    await phone.json('POST', '/api/auth/sign-in', {
      email: 'owner@example.org',
      password: 'a new long password',
    });
    expect(await laptop.json('POST', '/api/auth/sign-out-everywhere')).toEqual({ ended: 2 });
    expect((await phone.request('GET', '/api/people')).status).toBe(401);
    expect((await laptop.request('GET', '/api/people')).status).toBe(401);

    const tablet = client(app);
    await tablet.json('POST', '/api/auth/sign-in', {
      email: 'owner@example.org',
      password: 'a new long password',
    });
    const kept = tablet.cookie;
    const out = await tablet.request('POST', '/api/auth/sign-out');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/kith_session=;/);
    const replay = client(app);
    replay.cookie = kept;
    expect((await replay.request('GET', '/api/people')).status).toBe(401);
  });

  it('gives API tokens shown once: read-only ones only read, revoked ones stop at once', async () => {
    const owner = await signedUp(app, 'owner@example.org');
    const made = await owner.json<{ id: string; token: string; prefix: string }>(
      'POST',
      '/api/tokens',
      {
        name: 'backup script',
        readOnly: true,
      },
    );
    expect(made.token).toMatch(/^kith_[\w-]{43}$/);
    expect(made.token.startsWith(made.prefix)).toBe(true);
    const listed = await owner.json<Record<string, unknown>[]>('GET', '/api/tokens');
    expect(listed).toEqual([
      expect.objectContaining({ name: 'backup script', readOnly: true, lastUsedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(made.token);

    const script = client(app, { token: made.token });
    expect((await script.request('GET', '/api/people')).status).toBe(200);
    const write = await script.request('POST', '/api/people', { displayName: 'X' });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({
      error: { message: expect.stringMatching(/read-only/) },
    });
    // A token cannot make more tokens or change the password.
    expect((await script.request('GET', '/api/tokens')).status).toBe(403);
    const used = await owner.json<{ lastUsedAt: string | null }[]>('GET', '/api/tokens');
    expect(used[0]?.lastUsedAt).not.toBeNull();

    const writer = await owner.json<{ id: string; token: string }>('POST', '/api/tokens', {
      name: 'cli',
    });
    const cli = client(app, { token: writer.token });
    expect(
      (await cli.request('POST', '/api/people', { displayName: 'Added By Token' })).status,
    ).toBe(201);
    expect((await owner.request('DELETE', `/api/tokens/${writer.id}`)).status).toBe(204);
    const revoked = await cli.request('GET', '/api/people');
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({
      error: { message: expect.stringMatching(/revoked/) },
    });
    expect((await client(app, { token: 'kith_madeup' }).request('GET', '/api/people')).status).toBe(
      401,
    );
  });

  it('serves each calendar feed by its secret alone, from its own workspace', async () => {
    const owner = await signedUp(app, 'owner@example.org');
    const member = await signedUp(app, 'sam@example.org', await invite(owner));
    await member.json('POST', '/api/people', {
      displayName: 'Feed Person',
      cadence: { kind: 'every', days: 7 },
    });
    const { path } = await member.json<{ path: string }>('POST', '/api/calendar-feed');
    const feed = await app.request(`${ORIGIN}${path}`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('Feed Person');
    expect((await app.request(`${ORIGIN}/feeds/${'x'.repeat(32)}.ics`)).status).toBe(404);
  });
});
