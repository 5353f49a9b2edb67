// A route is declared once: its schemas validate the request, and the same schemas
// describe it in the OpenAPI document. Handlers are thin: parse, call the store, answer.
import type { z } from 'zod';
import { KithError, parseOrThrow } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import type { AccountWithSecret } from '../store/accounts.js';

export type Method = 'get' | 'post' | 'patch' | 'delete';

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A file to download (an export, a calendar), not JSON. */
export class FileResponse {
  constructor(
    readonly contentType: string,
    readonly body: string | Uint8Array,
    /** Offered as a download under this name; shown inline when null (a calendar feed). */
    readonly fileName: string | null,
    /** What the file holds, in words ("12 people"): the X-Kith-Contents header. */
    readonly contents?: string,
  ) {}
}

/**
 * A long piece of work answered as it goes: newline-delimited JSON, one object per line —
 * progress lines, then the result (or the error, as the error body every route uses).
 */
export class StreamResponse {
  constructor(readonly work: (send: (line: object) => void) => Promise<object>) {}
}

export interface RawRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

/**
 * Who a route is for. `workspace` (the default): anyone in local mode, a signed-in account or a
 * token with accounts, and the store it gets is that account's workspace. `session`: a person
 * signed in in a browser (managing their account: tokens, passwords, passkeys) — not a token.
 * `public`: anyone (signing in, a calendar feed whose secret is its address); it gets no account's
 * workspace.
 */
export type Access = 'workspace' | 'session' | 'public';

/** Who is asking, as the request's checks found it (server/auth/caller.ts). */
export interface Caller {
  mode: 'local' | 'accounts';
  account: AccountWithSecret | null;
  /** The SHA-256 of the session cookie the request came with, when it named a live session. */
  sessionHash: string | null;
  /** The token the request came with (Authorization: Bearer), if any. */
  tokenId: string | null;
  /** The address of the other end, for the limits on failed sign-ins. */
  address: string;
  userAgent: string | null;
  /** The address people use to reach this server (KITH_PUBLIC_URL, else the request's own). */
  origin: string;
  /** Starts a new session for the account: a new cookie, never the one the request came with. */
  signIn(account: AccountWithSecret): Promise<void>;
  /** Ends this request's session and clears its cookie. */
  signOut(): Promise<void>;
}

/** What a request to an account route of a server without accounts is told. */
export const noAccounts = (): KithError =>
  new KithError(
    'invalid_state',
    'This server runs without accounts (local mode): start it with --accounts to have them.',
  );

/** Refuses the request unless the server has accounts (signing up or in, teams). */
export function requireAccountsMode(caller: Caller): void {
  if (caller.mode === 'local') throw noAccounts();
}

/** The signed-in account of a route that needs one (admit() has let only such requests in). */
export function requireAccount(caller: Caller): AccountWithSecret {
  requireAccountsMode(caller);
  if (!caller.account)
    throw new KithError('unauthorized', 'Sign in first: this server has accounts.');
  return caller.account;
}

export interface Route {
  method: Method;
  /** OpenAPI-style path: /api/people/{id}. */
  path: string;
  summary: string;
  tag: string;
  status: 200 | 201 | 204;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: Schema;
  response?: Schema;
  /** The content types of a route that answers with a file (FileResponse). */
  produces?: string[];
  access: Access;
  run(store: Store, raw: RawRequest, caller: Caller): Promise<unknown>;
}

export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  status?: 200 | 201 | 204;
  params?: P;
  query?: Q;
  body?: B;
  response?: Schema;
  produces?: string[];
  access?: Access;
  handle: (
    store: Store,
    input: { params: Out<P>; query: Out<Q>; body: Out<B> },
    caller: Caller,
  ) => Promise<unknown>;
}): Route {
  return {
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    tag: spec.tag,
    status: spec.status ?? (spec.response || spec.produces ? 200 : 204),
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    ...(spec.response ? { response: spec.response } : {}),
    ...(spec.produces ? { produces: spec.produces } : {}),
    access: spec.access ?? 'workspace',
    run(store, raw, caller) {
      const params = (spec.params ? parseOrThrow(spec.params, raw.params) : undefined) as Out<P>;
      const query = (spec.query ? parseOrThrow(spec.query, raw.query) : undefined) as Out<Q>;
      if (!spec.query && Object.keys(raw.query).length > 0) {
        const name = Object.keys(raw.query)[0] ?? '';
        throw new KithError('invalid_input', `${name}: unknown query parameter`, name);
      }
      const body = (spec.body ? parseOrThrow(spec.body, raw.body) : undefined) as Out<B>;
      return spec.handle(store, { params, query, body }, caller);
    },
  };
}

/** Hono's path syntax (:id) from the OpenAPI one ({id}). */
export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');
