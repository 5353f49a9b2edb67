// The Hono app: JSON errors with the right status, request checks that keep a local server
// private (Host header, JSON-only bodies, a size cap), the API routes and OpenAPI.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { KithError, type ErrorCode } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { openApiDocument } from './openapi.js';
import { stream } from 'hono/streaming';
import { FileResponse, honoPath, StreamResponse } from './route.js';
import { routes } from './routes.js';
import { mountWebApp } from './web-app.js';
import { callerOf, type AuthSettings, type ResolvedCaller } from './auth/caller.js';
import { noAccounts, type Route } from './route.js';

export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** An import's body: a file of up to ~190 MB, base64-encoded. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  not_found: 404,
  ambiguous: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_state: 409,
  forbidden: 403,
  unauthorized: 401,
  too_many_requests: 429,
  busy: 503,
};

export interface AppOptions {
  version?: string;
  /**
   * Host names the server answers to. A server bound to loopback answers only to local
   * names, so a web page on another site cannot reach it through DNS rebinding.
   */
  allowedHosts?: string[] | 'any';
  log?: (line: string) => void;
  /** Folder of the built web app; found beside the server when not given. */
  webRoot?: string;
  /** Accounts on or off (local mode), and the public address; off when not given. */
  auth?: AuthSettings;
}

const errorBody = (error: KithError) => ({ error: error.toJSON() });

function fail(c: Context, error: KithError) {
  return c.json(errorBody(error), STATUS[error.code]);
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A change must come from Kith's own page or from a program, never from another site's page
 * (a form posted to /api/imports/…/undo, a fetch without CORS): a browser names the page's
 * origin on every write, and a page of another site cannot send a JSON content type without
 * asking first (CORS), which this server never grants. So every write must carry
 * `Content-Type: application/json`, bodies or not, and any origin a browser names must be
 * this server's own.
 */
const refuseCrossSiteWrites =
  (publicUrl: URL | null): MiddlewareHandler =>
  async (c, next) => {
    if (READS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    const from = origin === undefined ? undefined : hostOfOrigin(origin);
    // Behind a reverse proxy the Host may be the proxy's name for this server; pages then come
    // from the public address.
    const ours = from === host || (publicUrl !== null && origin === publicUrl.origin);
    if ((origin !== undefined && !ours) || (site && !['same-origin', 'none'].includes(site)))
      throw new KithError(
        'forbidden',
        `This server takes changes only from its own pages (the request came from ${origin ?? `a ${site} page`}).`,
      );
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
      throw new KithError(
        'unsupported_media_type',
        'Content-Type: every change is sent as application/json, with a body or without one.',
        'Content-Type',
      );
    return next();
  };

const hostOfOrigin = (origin: string): string | null => {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
};

/**
 * Whether this caller may use this route at all; refused before the body is read. With accounts,
 * everything but the public routes needs a session or a token, managing an account needs a
 * session, and a read-only token only reads.
 */
function admit(route: Route, caller: ResolvedCaller): void {
  if (route.access === 'public') return;
  if (caller.mode === 'local') {
    if (route.access === 'session') throw noAccounts();
    return;
  }
  if (!caller.account)
    throw new KithError('unauthorized', 'Sign in first: this server has accounts.');
  if (route.access === 'session' && !caller.sessionHash)
    throw new KithError(
      'forbidden',
      'Only a person signed in can manage an account: tokens cannot (sign in in a browser).',
    );
  if (caller.readOnly && route.method !== 'get')
    throw new KithError('forbidden', 'This token is read-only: it cannot change anything.');
}

/** The workspace the route works in: the caller's own, or (local mode, public routes) the root. */
const storeFor = (root: Store, route: Route, caller: ResolvedCaller): Store =>
  route.access !== 'public' && caller.account
    ? root.forWorkspace(caller.account.workspaceId)
    : root;

export function createApp(store: Store, options: AppOptions = {}): Hono {
  const app = new Hono();
  const auth: AuthSettings = options.auth ?? { accounts: false, publicUrl: null };
  const allowed = options.allowedHosts ?? ['localhost', '127.0.0.1', '[::1]'];
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  app.onError((error, c) => {
    if (error instanceof KithError) return fail(c, error);
    log(`kith: unexpected error on ${c.req.method} ${c.req.path}: ${error.stack ?? String(error)}`);
    return c.json(
      { error: { code: 'internal', message: 'Something went wrong on the server.' } },
      500,
    );
  });
  app.notFound((c) =>
    fail(c, new KithError('not_found', `No route ${c.req.method} ${c.req.path}.`)),
  );

  app.use(secureHeaders());
  app.use(async (c, next) => {
    if (allowed !== 'any') {
      const host = (c.req.header('host') ?? new URL(c.req.url).host)
        .replace(/:\d+$/, '')
        .toLowerCase();
      if (!allowed.includes(host)) {
        return c.json(
          {
            error: {
              code: 'forbidden_host',
              message: `This server does not answer to host "${host}".`,
            },
          },
          403,
        );
      }
    }
    return next();
  });
  app.use('/api/*', refuseCrossSiteWrites(auth.publicUrl));
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        fail(
          c,
          new KithError(
            'payload_too_large',
            `body: larger than ${maxSize / 1024 / 1024} MB.`,
            'body',
          ),
        ),
    });
  // An export file travels as base64 in JSON: a LinkedIn archive with years of messages is
  // tens of MB, so imports get a larger allowance than every other request.
  app.use('/api/*', async (c, next) =>
    (/^\/api\/imports(\/stream)?$/.test(c.req.path)
      ? limit(MAX_IMPORT_BYTES)
      : limit(MAX_BODY_BYTES))(c, next),
  );

  app.get('/healthz', async (c) => {
    await store.ping();
    return c.json({ status: 'ok', database: store.dialect });
  });
  const document = openApiDocument(routes, options.version ?? '0.0.0');
  app.get('/api/openapi.json', (c) => c.json(document));

  for (const route of routes) {
    app.on(route.method.toUpperCase(), honoPath(route.path), async (c) => {
      const caller = await callerOf(c, store, auth);
      admit(route, caller);
      let body: unknown;
      // Every route with a body is a write under /api/: refuseCrossSiteWrites has checked
      // that it came as JSON.
      if (route.body) {
        const text = await c.req.text();
        try {
          body = text.length === 0 ? undefined : JSON.parse(text);
        } catch (error) {
          throw new KithError(
            'invalid_input',
            `body: not valid JSON (${(error as Error).message}).`,
            'body',
          );
        }
      }
      const result = await route.run(
        storeFor(store, route, caller),
        {
          params: c.req.param() as Record<string, string>,
          query: c.req.query(),
          body,
        },
        caller,
      );
      if (route.status === 204) return c.body(null, 204);
      if (result instanceof StreamResponse) {
        c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
        c.header('Cache-Control', 'no-store');
        return stream(c, async (out) => {
          const send = (line: object) => void out.write(`${JSON.stringify(line)}\n`);
          try {
            send({ result: await result.work(send) });
          } catch (error) {
            if (error instanceof KithError) send(errorBody(error));
            else {
              log(`kith: unexpected error on ${c.req.method} ${c.req.path}: ${String(error)}`);
              send({ error: { code: 'internal', message: 'Something went wrong on the server.' } });
            }
          }
        });
      }
      if (result instanceof FileResponse) {
        c.header('Content-Type', result.contentType);
        c.header('Cache-Control', 'no-store');
        if (result.fileName)
          c.header('Content-Disposition', `attachment; filename="${result.fileName}"`);
        if (result.contents) c.header('X-Kith-Contents', encodeURIComponent(result.contents));
        return c.body(
          typeof result.body === 'string' ? result.body : new Uint8Array(result.body),
          200,
        );
      }
      return c.json(result as object, route.status);
    });
  }
  mountWebApp(app, options.webRoot);
  return app;
}
