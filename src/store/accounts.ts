// Accounts and what proves who is asking: sessions, API tokens, invitations, passkeys, WebAuthn
// challenges and failed sign-ins. Not bound to a workspace: an account is how a request finds
// its workspace. Secrets arrive here already hashed (server/auth/secrets.ts).
import { sql } from 'kysely';
import type {
  Account,
  ApiToken,
  Invitation,
  PasskeyInfo,
  Role,
  SessionInfo,
} from '../domain/account.js';
import { INVITATION_DAYS } from '../domain/account.js';
import { KithError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { inTransaction, type StoreContext } from './context.js';
import type { AccountTable } from './schema.js';

/** An account with what checks a password; never leaves the server. */
export interface AccountWithSecret extends Account {
  workspaceId: string;
  passwordHash: string | null;
}

const toAccount = (row: AccountTable): AccountWithSecret => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
  workspaceId: row.workspace_id,
  passwordHash: row.password_hash,
});

export async function countAccounts(ctx: StoreContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('account')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function accountByEmail(
  ctx: StoreContext,
  email: string,
): Promise<AccountWithSecret | null> {
  const row = await ctx.db
    .selectFrom('account')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function accountById(
  ctx: StoreContext,
  id: string,
): Promise<AccountWithSecret | null> {
  const row = await ctx.db
    .selectFrom('account')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function listAccounts(ctx: StoreContext): Promise<Account[]> {
  const rows = await ctx.db.selectFrom('account').selectAll().orderBy('created_at').execute();
  return rows.map((row) => {
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      createdAt: row.created_at,
    };
  });
}

export interface NewAccount {
  email: string;
  name: string;
  passwordHash: string | null;
  /** The hashed secret of the invitation it came with; the first account needs none. */
  invitationHash?: string;
}

/** The key of the lock sign-ups take on PostgreSQL ("Acct"), so two cannot both be first. */
const SIGN_UP_LOCK = 0x41636374;

/**
 * A new account with a workspace of its own. The first account becomes the owner and takes the
 * workspace this database already had (a laptop's network moving to a server); every later one
 * needs an unused, unexpired invitation, and starts empty.
 */
export function createAccount(ctx: StoreContext, input: NewAccount): Promise<AccountWithSecret> {
  return inTransaction(ctx, async (tx) => {
    if (tx.search.dialect === 'postgres')
      await sql`SELECT pg_advisory_xact_lock(${SIGN_UP_LOCK})`.execute(tx.db);
    const now = tx.now().toISOString();
    if (await accountByEmail(tx, input.email))
      throw new KithError(
        'conflict',
        'email: an account with this address exists; sign in instead.',
        'email',
      );
    const first = (await countAccounts(tx)) === 0;
    let role: Role = 'owner';
    let workspaceId: string;
    if (first) {
      workspaceId = await firstWorkspace(tx, now);
    } else {
      await useInvitation(tx, input.invitationHash, input.email, now);
      role = 'member';
      workspaceId = newId();
      await tx.db
        .insertInto('workspace')
        .values({
          id: workspaceId,
          slug: `account-${workspaceId}`,
          name: input.name,
          created_at: now,
        })
        .execute();
    }
    const row: AccountTable = {
      id: newId(),
      email: input.email,
      name: input.name,
      password_hash: input.passwordHash,
      role,
      workspace_id: workspaceId,
      created_at: now,
    };
    await tx.db.insertInto('account').values(row).execute();
    return toAccount(row);
  });
}

/** The workspace local mode used ("default"), made if this database is new. */
async function firstWorkspace(tx: StoreContext, now: string): Promise<string> {
  const found = await tx.db
    .selectFrom('workspace')
    .select('id')
    .where('slug', '=', 'default')
    .executeTakeFirst();
  if (found) return found.id;
  const id = newId();
  await tx.db
    .insertInto('workspace')
    .values({ id, slug: 'default', name: 'default', created_at: now })
    .execute();
  return id;
}

async function useInvitation(
  tx: StoreContext,
  hash: string | undefined,
  email: string,
  now: string,
): Promise<void> {
  const refused = () =>
    new KithError(
      'forbidden',
      'invitation: signing up on this server needs an invitation link from its owner (this one is unknown, used or expired).',
      'invitation',
    );
  if (!hash) throw refused();
  const invitation = await tx.db
    .selectFrom('invitation')
    .selectAll()
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (!invitation || invitation.used_at !== null || invitation.expires_at <= now) throw refused();
  if (invitation.email !== null && invitation.email !== email)
    throw new KithError('forbidden', `email: this invitation is for ${invitation.email}.`, 'email');
  const used = await tx.db
    .updateTable('invitation')
    .set({ used_at: now, used_by: email })
    .where('id', '=', invitation.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw refused();
}

export async function setPassword(
  ctx: StoreContext,
  accountId: string,
  hash: string,
): Promise<void> {
  await ctx.db
    .updateTable('account')
    .set({ password_hash: hash })
    .where('id', '=', accountId)
    .execute();
}

// Sessions

export async function createSession(
  ctx: StoreContext,
  session: { hash: string; accountId: string; expiresAt: string; userAgent: string | null },
): Promise<void> {
  const now = ctx.now().toISOString();
  await ctx.db
    .insertInto('account_session')
    .values({
      id: session.hash,
      account_id: session.accountId,
      created_at: now,
      last_seen_at: now,
      expires_at: session.expiresAt,
      user_agent: session.userAgent,
    })
    .execute();
}

export interface Holder {
  account: AccountWithSecret;
  /** When the session or token was last marked used. */
  lastSeenAt: string | null;
}

/** The account a session belongs to, if it is live. */
export async function sessionHolder(ctx: StoreContext, hash: string): Promise<Holder | null> {
  const row = await ctx.db
    .selectFrom('account_session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .selectAll('a')
    .select(['s.last_seen_at', 's.expires_at'])
    .where('s.id', '=', hash)
    .executeTakeFirst();
  if (!row || row.expires_at <= ctx.now().toISOString()) return null;
  return { account: toAccount(row), lastSeenAt: row.last_seen_at };
}

/** Marks a session seen and moves its end (sliding); callers do it at most hourly. */
export async function touchSession(
  ctx: StoreContext,
  hash: string,
  expiresAt: string,
): Promise<void> {
  await ctx.db
    .updateTable('account_session')
    .set({ last_seen_at: ctx.now().toISOString(), expires_at: expiresAt })
    .where('id', '=', hash)
    .execute();
}

export async function deleteSession(ctx: StoreContext, hash: string): Promise<void> {
  await ctx.db.deleteFrom('account_session').where('id', '=', hash).execute();
}

/** Every session of the account (sign out everywhere), but the one kept, if any. */
export async function deleteSessions(
  ctx: StoreContext,
  accountId: string,
  keep?: string,
): Promise<number> {
  let query = ctx.db.deleteFrom('account_session').where('account_id', '=', accountId);
  if (keep) query = query.where('id', '!=', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listSessions(
  ctx: StoreContext,
  accountId: string,
  current: string | null,
): Promise<SessionInfo[]> {
  const rows = await ctx.db
    .selectFrom('account_session')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('expires_at', '>', ctx.now().toISOString())
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((row) => ({
    // The hash's first characters name it; the hash itself is never sent back.
    id: row.id.slice(0, 12),
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    userAgent: row.user_agent,
    current: row.id === current,
  }));
}

// API tokens

export async function createToken(
  ctx: StoreContext,
  token: { accountId: string; name: string; hash: string; prefix: string; readOnly: boolean },
): Promise<ApiToken> {
  const row = {
    id: newId(),
    account_id: token.accountId,
    name: token.name,
    token_hash: token.hash,
    prefix: token.prefix,
    read_only: token.readOnly ? 1 : 0,
    created_at: ctx.now().toISOString(),
    last_used_at: null,
  };
  await ctx.db.insertInto('api_token').values(row).execute();
  return toToken(row);
}

const toToken = (row: {
  id: string;
  name: string;
  prefix: string;
  read_only: number;
  created_at: string;
  last_used_at: string | null;
}): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  readOnly: Number(row.read_only) === 1,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

export async function listTokens(ctx: StoreContext, accountId: string): Promise<ApiToken[]> {
  const rows = await ctx.db
    .selectFrom('api_token')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toToken);
}

/** Revokes one of the account's tokens; another account's token id is "not found". */
export async function revokeToken(ctx: StoreContext, accountId: string, id: string): Promise<void> {
  const result = await ctx.db
    .deleteFrom('api_token')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0)
    throw new KithError('not_found', `No token matches "${id}".`);
}

export interface TokenHolder extends Holder {
  tokenId: string;
  readOnly: boolean;
}

export async function tokenHolder(ctx: StoreContext, hash: string): Promise<TokenHolder | null> {
  const row = await ctx.db
    .selectFrom('api_token as t')
    .innerJoin('account as a', 'a.id', 't.account_id')
    .selectAll('a')
    .select(['t.id as token_id', 't.read_only', 't.last_used_at'])
    .where('t.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  return {
    account: toAccount(row),
    lastSeenAt: row.last_used_at,
    tokenId: row.token_id,
    readOnly: Number(row.read_only) === 1,
  };
}

export async function touchToken(ctx: StoreContext, id: string): Promise<void> {
  await ctx.db
    .updateTable('api_token')
    .set({ last_used_at: ctx.now().toISOString() })
    .where('id', '=', id)
    .execute();
}

// Invitations

export async function createInvitation(
  ctx: StoreContext,
  invitation: { createdBy: string; hash: string; email: string | null },
): Promise<Invitation> {
  const now = ctx.now();
  const row = {
    id: newId(),
    token_hash: invitation.hash,
    created_by: invitation.createdBy,
    email: invitation.email,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    used_at: null,
    used_by: null,
  };
  await ctx.db.insertInto('invitation').values(row).execute();
  return toInvitation(row);
}

const toInvitation = (row: {
  id: string;
  email: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}): Invitation => ({
  id: row.id,
  email: row.email,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
});

export async function listInvitations(ctx: StoreContext, accountId: string): Promise<Invitation[]> {
  const rows = await ctx.db
    .selectFrom('invitation')
    .selectAll()
    .where('created_by', '=', accountId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toInvitation);
}

export async function withdrawInvitation(
  ctx: StoreContext,
  accountId: string,
  id: string,
): Promise<void> {
  const result = await ctx.db
    .deleteFrom('invitation')
    .where('created_by', '=', accountId)
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0)
    throw new KithError('not_found', `No unused invitation matches "${id}".`);
}

/** Whether a link's invitation can still be used (the sign-up page asks before showing). */
export async function invitationOpen(
  ctx: StoreContext,
  hash: string,
): Promise<{ email: string | null } | null> {
  const row = await ctx.db
    .selectFrom('invitation')
    .select(['email', 'used_at', 'expires_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= ctx.now().toISOString()) return null;
  return { email: row.email };
}

// Passkeys

export interface StoredPasskey extends PasskeyInfo {
  accountId: string;
  publicKey: string;
  counter: number;
  transports: string[];
}

const toPasskey = (row: {
  id: string;
  account_id: string;
  name: string;
  public_key: string;
  counter: number | string;
  transports: string;
  created_at: string;
  last_used_at: string | null;
}): StoredPasskey => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  publicKey: row.public_key,
  counter: Number(row.counter),
  transports: row.transports ? row.transports.split(',') : [],
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

export async function addPasskey(
  ctx: StoreContext,
  passkey: Omit<StoredPasskey, 'createdAt' | 'lastUsedAt'>,
): Promise<PasskeyInfo> {
  const row = {
    id: passkey.id,
    account_id: passkey.accountId,
    name: passkey.name,
    public_key: passkey.publicKey,
    counter: passkey.counter,
    transports: passkey.transports.join(','),
    created_at: ctx.now().toISOString(),
    last_used_at: null,
  };
  await ctx.db.insertInto('passkey').values(row).execute();
  return { id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: null };
}

export async function passkeysOf(ctx: StoreContext, accountId: string): Promise<StoredPasskey[]> {
  const rows = await ctx.db
    .selectFrom('passkey')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .execute();
  return rows.map(toPasskey);
}

export async function passkeyById(ctx: StoreContext, id: string): Promise<StoredPasskey | null> {
  const row = await ctx.db
    .selectFrom('passkey')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toPasskey(row) : null;
}

export async function passkeyUsed(ctx: StoreContext, id: string, counter: number): Promise<void> {
  await ctx.db
    .updateTable('passkey')
    .set({ counter, last_used_at: ctx.now().toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function removePasskey(
  ctx: StoreContext,
  accountId: string,
  id: string,
): Promise<void> {
  const result = await ctx.db
    .deleteFrom('passkey')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0)
    throw new KithError('not_found', `No passkey matches "${id}".`);
}

// WebAuthn challenges

export async function putChallenge(
  ctx: StoreContext,
  challenge: {
    id: string;
    purpose: string;
    accountId: string | null;
    challenge: string;
    expiresAt: string;
  },
): Promise<void> {
  const now = ctx.now().toISOString();
  await ctx.db.deleteFrom('auth_challenge').where('expires_at', '<=', now).execute();
  await ctx.db
    .insertInto('auth_challenge')
    .values({
      id: challenge.id,
      purpose: challenge.purpose,
      account_id: challenge.accountId,
      challenge: challenge.challenge,
      expires_at: challenge.expiresAt,
    })
    .execute();
}

/** A challenge is used once: taken out as it is read. */
export async function takeChallenge(
  ctx: StoreContext,
  id: string,
  purpose: string,
): Promise<{ challenge: string; accountId: string | null } | null> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('auth_challenge')
      .selectAll()
      .where('id', '=', id)
      .where('purpose', '=', purpose)
      .executeTakeFirst();
    if (!row) return null;
    await tx.db.deleteFrom('auth_challenge').where('id', '=', id).execute();
    if (row.expires_at <= tx.now().toISOString()) return null;
    return { challenge: row.challenge, accountId: row.account_id };
  });
}

// Failed sign-ins

export async function recordFailure(ctx: StoreContext, keys: string[]): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db
    .insertInto('sign_in_failure')
    .values(keys.map((key) => ({ key, at })))
    .execute();
}

export async function failuresSince(
  ctx: StoreContext,
  key: string,
  since: string,
): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('sign_in_failure')
    .select('at')
    .where('key', '=', key)
    .where('at', '>', since)
    .execute();
  return rows.map((row) => row.at);
}

/** After a good sign-in the account's count starts again; old failures are dropped. */
export async function clearFailures(ctx: StoreContext, key: string, before: string): Promise<void> {
  await ctx.db.deleteFrom('sign_in_failure').where('key', '=', key).execute();
  await ctx.db.deleteFrom('sign_in_failure').where('at', '<', before).execute();
}
