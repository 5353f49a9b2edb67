// Who is asking: the session cookie or the API token a request carries, checked against the
// database on every request (so signing out, or revoking a token, takes effect at once on every
// app server), and the account — hence the workspace — it proves.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { SESSION_DAYS } from '../../domain/account.js';
import { KithError } from '../../domain/errors.js';
import type { AccountWithSecret } from '../../store/accounts.js';
import type { Store } from '../../store/store.js';
import type { Caller } from '../route.js';
import { hashSecret, newSecret } from './secrets.js';

export interface AuthSettings {
  /** Accounts on: every request but the public ones needs a session or a token. */
  accounts: boolean;
  /** The address people use (KITH_PUBLIC_URL): its origin is the one pages come from. */
  publicUrl: URL | null;
}

export const SESSION_COOKIE = 'kith_session';
const DAY_MS = 86_400_000;
/** A session's or token's "last seen" is written at most this often (a write per request would not do). */
const SESSION_TOUCH_MS = 3_600_000;
const TOKEN_TOUCH_MS = 60_000;

export interface ResolvedCaller extends Caller {
  /** The request came with a read-only token: it may read, never change. */
  readOnly: boolean;
}

export async function callerOf(
  c: Context,
  root: Store,
  settings: AuthSettings,
): Promise<ResolvedCaller> {
  const origin = settings.publicUrl?.origin ?? new URL(c.req.url).origin;
  const secure = origin.startsWith('https:');
  const caller: ResolvedCaller = {
    mode: settings.accounts ? 'accounts' : 'local',
    account: null,
    sessionHash: null,
    tokenId: null,
    readOnly: false,
    address: addressOf(c),
    userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
    origin,
    signIn: async (account: AccountWithSecret) => {
      // A session is never carried over from before: whatever cookie came in is ended, and a
      // new secret is made (no session fixation).
      if (caller.sessionHash) await root.accounts.deleteSession(caller.sessionHash);
      const token = newSecret();
      const hash = hashSecret(token);
      await root.accounts.createSession({
        hash,
        accountId: account.id,
        expiresAt: new Date(root.now().getTime() + SESSION_DAYS * DAY_MS).toISOString(),
        userAgent: caller.userAgent,
      });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure,
        path: '/',
        maxAge: SESSION_DAYS * 86_400,
      });
      caller.account = account;
      caller.sessionHash = hash;
    },
    signOut: async () => {
      if (caller.sessionHash) await root.accounts.deleteSession(caller.sessionHash);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
      caller.account = null;
      caller.sessionHash = null;
    },
  };
  if (!settings.accounts) return caller;
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) {
    const holder = await root.accounts.tokenHolder(hashSecret(bearer));
    if (!holder)
      throw new KithError(
        'unauthorized',
        'Authorization: this token is unknown or was revoked.',
        'Authorization',
      );
    if (stale(holder.lastSeenAt, root.now(), TOKEN_TOUCH_MS))
      await root.accounts.touchToken(holder.tokenId);
    caller.account = holder.account;
    caller.tokenId = holder.tokenId;
    caller.readOnly = holder.readOnly;
    return caller;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie) {
    const hash = hashSecret(cookie);
    const holder = await root.accounts.sessionHolder(hash);
    if (holder) {
      caller.account = holder.account;
      caller.sessionHash = hash;
      // A session in use stays alive (30 days from its last use), marked at most hourly.
      if (stale(holder.lastSeenAt, root.now(), SESSION_TOUCH_MS))
        await root.accounts.touchSession(
          hash,
          new Date(root.now().getTime() + SESSION_DAYS * DAY_MS).toISOString(),
        );
    }
  }
  return caller;
}

const stale = (seen: string | null, now: Date, after: number): boolean =>
  seen === null || now.getTime() - Date.parse(seen) >= after;

/**
 * The address of the other end. Behind a reverse proxy on the same machine (the connection
 * comes from loopback) the proxy's X-Forwarded-For names it: its last entry, the one the proxy
 * added. A header from anywhere else is not believed.
 */
function addressOf(c: Context): string {
  let remote = 'unknown';
  try {
    remote = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not on Node's server (a test calling app.request): no socket to ask.
  }
  const forwarded = c.req.header('x-forwarded-for');
  if (forwarded && /^(::1|127\.|::ffff:127\.)/.test(remote)) {
    const last = forwarded.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return remote;
}
