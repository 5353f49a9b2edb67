// The account routes: signing up (the first account, then by invitation), signing in with a
// password or a passkey, signing out (here or everywhere), the password, API tokens,
// invitations and passkeys. The protocol of passkeys (WebAuthn) is @simplewebauthn/server's.
import { z } from 'zod';
import {
  apiTokenSchema,
  authStateSchema,
  createdInvitationSchema,
  createdTokenSchema,
  invitationCreateSchema,
  invitationSchema,
  lockedForMinutes,
  passwordChangeSchema,
  sessionSchema,
  SIGN_IN_LIMITS,
  signInSchema,
  signUpSchema,
  tokenCreateSchema,
  type Account,
  type AuthState,
} from '../../domain/account.js';
import { KithError } from '../../domain/errors.js';
import type { AccountWithSecret } from '../../store/accounts.js';
import type { Store } from '../../store/store.js';
import {
  defineRoute,
  requireAccount,
  requireAccountsMode,
  type Caller,
  type Route,
} from '../route.js';
import { passkeyRoutes } from './passkey-routes.js';
import { hashPassword, hashSecret, newApiToken, newSecret, verifyPassword } from './secrets.js';

const DAY_MS = 86_400_000;

export const publicAccount = (account: AccountWithSecret): Account => ({
  id: account.id,
  email: account.email,
  name: account.name,
  role: account.role,
  createdAt: account.createdAt,
});

async function stateOf(store: Store, caller: Caller): Promise<AuthState> {
  return {
    mode: caller.mode,
    account: caller.account ? publicAccount(caller.account) : null,
    firstAccount: caller.mode === 'accounts' && (await store.accounts.count()) === 0,
    viaToken: caller.tokenId !== null,
  };
}

const WRONG = 'Email or password is wrong.';

/**
 * Refused for a while after too many failures for this email or from this address; the same
 * for an address that has no account, so the limit tells nothing about who has one.
 */
async function refuseIfLocked(store: Store, keys: { email: string; address: string }) {
  const now = store.now();
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000).toISOString();
  const [byEmail, byAddress] = await Promise.all([
    store.accounts.failuresSince(keys.email, since),
    store.accounts.failuresSince(keys.address, since),
  ]);
  const minutes = Math.max(
    lockedForMinutes(byEmail, SIGN_IN_LIMITS.email, now),
    lockedForMinutes(byAddress, SIGN_IN_LIMITS.address, now),
  );
  if (minutes > 0)
    throw new KithError(
      'too_many_requests',
      `Too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
}

const sessionRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/api/auth/session',
    tag: 'accounts',
    summary: 'Who is signed in, and whether this server has accounts',
    access: 'public',
    response: authStateSchema,
    handle: (store, _input, caller) => stateOf(store, caller),
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/sign-up',
    tag: 'accounts',
    summary:
      'Make an account and sign in: the first account becomes the owner; later ones need an invitation',
    access: 'public',
    body: signUpSchema,
    response: authStateSchema,
    status: 201,
    handle: async (store, { body }, caller) => {
      requireAccountsMode(caller);
      const account = await store.accounts.create({
        email: body.email,
        name: body.name,
        passwordHash: await hashPassword(body.password),
        ...(body.invitation ? { invitationHash: hashSecret(body.invitation) } : {}),
      });
      await caller.signIn(account);
      return stateOf(store, caller);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/invitation',
    tag: 'accounts',
    summary: 'Whether an invitation link can still be used, and the address it is for',
    access: 'public',
    query: z.object({ token: z.string().max(200) }),
    response: z.object({ email: z.string().nullable() }),
    handle: async (store, { query }) => {
      const open = await store.accounts.invitationOpen(hashSecret(query.token));
      if (!open)
        throw new KithError(
          'not_found',
          'This invitation is unknown, used or expired: ask for a new one.',
        );
      return open;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/sign-in',
    tag: 'accounts',
    summary: 'Sign in with email and password (a session cookie)',
    access: 'public',
    body: signInSchema,
    response: authStateSchema,
    handle: async (store, { body }, caller) => {
      requireAccountsMode(caller);
      const keys = { email: `email:${body.email}`, address: `address:${caller.address}` };
      await refuseIfLocked(store, keys);
      const account = await store.accounts.byEmail(body.email);
      // Checked even when there is no such account, so both answers take as long.
      const good = await verifyPassword(body.password, account?.passwordHash ?? null);
      if (!account || !good) {
        await store.accounts.recordFailure([keys.email, keys.address]);
        throw new KithError('unauthorized', WRONG);
      }
      await store.accounts.clearFailures(
        keys.email,
        new Date(store.now().getTime() - DAY_MS).toISOString(),
      );
      await caller.signIn(account);
      return stateOf(store, caller);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/sign-out',
    tag: 'accounts',
    summary: 'Sign out of this browser',
    access: 'public',
    handle: async (_store, _input, caller) => {
      await caller.signOut();
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/sign-out-everywhere',
    tag: 'accounts',
    summary: 'End every session of this account, this one included',
    access: 'session',
    response: z.object({ ended: z.int() }),
    handle: async (store, _input, caller) => {
      const ended = await store.accounts.deleteSessions(requireAccount(caller).id);
      await caller.signOut();
      return { ended };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/sessions',
    tag: 'accounts',
    summary: 'Where this account is signed in',
    access: 'session',
    response: z.array(sessionSchema),
    handle: (store, _input, caller) =>
      store.accounts.listSessions(requireAccount(caller).id, caller.sessionHash),
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/password',
    tag: 'accounts',
    summary: 'Change the password; every other session ends',
    access: 'session',
    body: passwordChangeSchema,
    handle: async (store, { body }, caller) => {
      const account = requireAccount(caller);
      const keys = { email: `email:${account.email}`, address: `address:${caller.address}` };
      await refuseIfLocked(store, keys);
      if (account.passwordHash && !(await verifyPassword(body.current, account.passwordHash))) {
        await store.accounts.recordFailure([keys.email, keys.address]);
        throw new KithError(
          'invalid_input',
          'current: this is not your current password.',
          'current',
        );
      }
      await store.accounts.setPassword(account.id, await hashPassword(body.password));
      await store.accounts.deleteSessions(account.id, caller.sessionHash ?? undefined);
    },
  }),
];

const tokenRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/api/tokens',
    tag: 'accounts',
    summary: 'This account’s API tokens, with their last use',
    access: 'session',
    response: z.array(apiTokenSchema),
    handle: (store, _input, caller) => store.accounts.listTokens(requireAccount(caller).id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/tokens',
    tag: 'accounts',
    summary: 'A new API token, shown once (send it as Authorization: Bearer …)',
    access: 'session',
    body: tokenCreateSchema,
    response: createdTokenSchema,
    status: 201,
    handle: async (store, { body }, caller) => {
      const { token, hash, prefix } = newApiToken();
      const made = await store.accounts.createToken({
        accountId: requireAccount(caller).id,
        name: body.name,
        hash,
        prefix,
        readOnly: body.readOnly,
      });
      return { ...made, token };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/tokens/{id}',
    tag: 'accounts',
    summary: 'Revoke an API token: it stops working at once',
    access: 'session',
    params: z.object({ id: z.string().max(64) }),
    handle: async (store, { params }, caller) => {
      await store.accounts.revokeToken(requireAccount(caller).id, params.id);
    },
  }),
];

const tokenSelfRoute = defineRoute({
  method: 'delete',
  path: '/api/auth/token',
  tag: 'accounts',
  summary: 'Revoke the token this request came with (`kith logout`)',
  handle: async (store, _input, caller) => {
    if (!caller.tokenId)
      throw new KithError('invalid_state', 'This request came with no token to revoke.');
    await store.accounts.revokeToken(requireAccount(caller).id, caller.tokenId);
  },
});

const invitationRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/api/invitations',
    tag: 'accounts',
    summary: 'The invitations this account sent',
    access: 'session',
    response: z.array(invitationSchema),
    handle: (store, _input, caller) => store.accounts.listInvitations(requireAccount(caller).id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/invitations',
    tag: 'accounts',
    summary: 'An invitation link to sign up on this server (owners), valid for a week, used once',
    access: 'session',
    body: invitationCreateSchema,
    response: createdInvitationSchema,
    status: 201,
    handle: async (store, { body }, caller) => {
      const account = requireAccount(caller);
      if (account.role !== 'owner')
        throw new KithError('forbidden', 'Only the server’s owner can invite people to it.');
      const secret = newSecret();
      const made = await store.accounts.createInvitation({
        createdBy: account.id,
        hash: hashSecret(secret),
        email: body?.email ?? null,
      });
      return { ...made, url: `${caller.origin}/sign-up?invitation=${secret}` };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/invitations/{id}',
    tag: 'accounts',
    summary: 'Withdraw an invitation not used yet',
    access: 'session',
    params: z.object({ id: z.string().max(64) }),
    handle: async (store, { params }, caller) => {
      await store.accounts.withdrawInvitation(requireAccount(caller).id, params.id);
    },
  }),
];

export const accountRoutes: Route[] = [
  ...sessionRoutes,
  ...tokenRoutes,
  tokenSelfRoute,
  ...invitationRoutes,
  ...passkeyRoutes,
];
