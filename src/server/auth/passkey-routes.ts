// Passkeys (WebAuthn): adding one to a signed-in account, and signing in with one. Each
// ceremony is two requests; its challenge waits in the database between them (the second may
// reach another app server) and is used once. The relying party is the address people use:
// its host name is the passkey's scope, its origin the only one accepted.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { CHALLENGE_MINUTES, passkeySchema } from '../../domain/account.js';
import { KithError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { Store } from '../../store/store.js';
import {
  defineRoute,
  requireAccount,
  requireAccountsMode,
  type Caller,
  type Route,
} from '../route.js';

const credentialSchema = z
  .object({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal('public-key'),
    response: z.record(z.string(), z.unknown()),
  })
  .loose();

const ceremonySchema = z.object({
  challengeId: z.string().max(64),
  options: z.record(z.string(), z.unknown()),
});

const relyingParty = (caller: Caller) => ({
  rpID: new URL(caller.origin).hostname,
  origin: caller.origin,
});

async function challengeFor(
  store: Store,
  purpose: string,
  accountId: string | null,
  challenge: string,
) {
  const id = newId();
  await store.accounts.putChallenge({
    id,
    purpose,
    accountId,
    challenge,
    expiresAt: new Date(store.now().getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
  });
  return id;
}

const expired = () =>
  new KithError(
    'invalid_input',
    'challengeId: this passkey request expired or was used; try again.',
    'challengeId',
  );

export const passkeyRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/api/auth/passkeys',
    tag: 'accounts',
    summary: 'This account’s passkeys',
    access: 'session',
    response: z.array(passkeySchema),
    handle: async (store, _input, caller) =>
      (await store.accounts.passkeysOf(requireAccount(caller).id)).map(
        ({ id, name, createdAt, lastUsedAt }) => ({
          id,
          name,
          createdAt,
          lastUsedAt,
        }),
      ),
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/passkeys/registration',
    tag: 'accounts',
    summary: 'Begin adding a passkey: the options for navigator.credentials.create()',
    access: 'session',
    response: ceremonySchema,
    handle: async (store, _input, caller) => {
      const account = requireAccount(caller);
      const existing = await store.accounts.passkeysOf(account.id);
      const options = await generateRegistrationOptions({
        rpName: 'Kith',
        rpID: relyingParty(caller).rpID,
        userName: account.email,
        userDisplayName: account.name,
        userID: new TextEncoder().encode(account.id),
        attestationType: 'none',
        excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports as never })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
      });
      const challengeId = await challengeFor(store, 'register', account.id, options.challenge);
      return { challengeId, options: options as unknown as Record<string, unknown> };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/passkeys',
    tag: 'accounts',
    summary: 'Finish adding a passkey with what the authenticator answered',
    access: 'session',
    body: z
      .object({
        challengeId: z.string().max(64),
        name: z.string().trim().min(1).max(80).default('Passkey'),
        credential: credentialSchema,
      })
      .strict(),
    response: passkeySchema,
    status: 201,
    handle: async (store, { body }, caller) => {
      const account = requireAccount(caller);
      const pending = await store.accounts.takeChallenge(body.challengeId, 'register');
      if (!pending || pending.accountId !== account.id) throw expired();
      const rp = relyingParty(caller);
      const verification = await verifyRegistrationResponse({
        response: body.credential as unknown as RegistrationResponseJSON,
        expectedChallenge: pending.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        requireUserVerification: false,
      }).catch((error: unknown) => {
        throw new KithError(
          'invalid_input',
          `credential: ${(error as Error).message}`,
          'credential',
        );
      });
      if (!verification.verified)
        throw new KithError(
          'invalid_input',
          'credential: the passkey could not be verified.',
          'credential',
        );
      const { credential } = verification.registrationInfo;
      return store.accounts.addPasskey({
        id: credential.id,
        accountId: account.id,
        name: body.name,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ?? [],
      });
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/auth/passkeys/{id}',
    tag: 'accounts',
    summary: 'Remove a passkey from this account',
    access: 'session',
    params: z.object({ id: z.string().max(1024) }),
    handle: async (store, { params }, caller) => {
      await store.accounts.removePasskey(requireAccount(caller).id, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/passkeys/authentication',
    tag: 'accounts',
    summary: 'Begin signing in with a passkey: the options for navigator.credentials.get()',
    access: 'public',
    response: ceremonySchema,
    handle: async (store, _input, caller) => {
      requireAccountsMode(caller);
      const options = await generateAuthenticationOptions({
        rpID: relyingParty(caller).rpID,
        userVerification: 'preferred',
      });
      const challengeId = await challengeFor(store, 'sign-in', null, options.challenge);
      return { challengeId, options: options as unknown as Record<string, unknown> };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/passkeys/sign-in',
    tag: 'accounts',
    summary: 'Sign in with what the passkey answered (a session cookie)',
    access: 'public',
    body: z.object({ challengeId: z.string().max(64), credential: credentialSchema }).strict(),
    response: z.object({ signedIn: z.literal(true) }),
    handle: async (store, { body }, caller) => {
      requireAccountsMode(caller);
      const pending = await store.accounts.takeChallenge(body.challengeId, 'sign-in');
      if (!pending) throw expired();
      const passkey = await store.accounts.passkeyById(body.credential.id);
      const refused = new KithError('unauthorized', 'This passkey is not one this server knows.');
      if (!passkey) throw refused;
      const rp = relyingParty(caller);
      const verification = await verifyAuthenticationResponse({
        response: body.credential as unknown as AuthenticationResponseJSON,
        expectedChallenge: pending.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        credential: {
          id: passkey.id,
          publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
          counter: passkey.counter,
          transports: passkey.transports as never,
        },
        requireUserVerification: false,
      }).catch(() => {
        throw refused;
      });
      if (!verification.verified) throw refused;
      await store.accounts.passkeyUsed(passkey.id, verification.authenticationInfo.newCounter);
      const account = await store.accounts.byId(passkey.accountId);
      if (!account) throw refused;
      await caller.signIn(account);
      return { signedIn: true as const };
    },
  }),
];
