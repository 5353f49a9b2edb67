// A browser's view of a server with accounts, for tests: requests from the server's own
// origin, with the cookies it was given (one jar per person), or a token.
import type { Hono } from 'hono';

export const ORIGIN = 'http://127.0.0.1:4321';

export interface Client {
  /** The session cookie this client holds, if any. */
  cookie: string | null;
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** A client with a cookie jar of one cookie (the session), or a bearer token. */
export function client(app: Hono, auth: { token?: string } = {}): Client {
  const self: Client = {
    cookie: null,
    async request(method, path, body, headers = {}) {
      const res = await app.request(`${ORIGIN}${path}`, {
        method,
        headers: {
          ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
          ...(self.cookie ? { cookie: `kith_session=${self.cookie}` } : {}),
          ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const set = res.headers.get('set-cookie');
      const match = set ? /kith_session=([^;]*)/.exec(set) : null;
      if (match) self.cookie = match[1] || null;
      return res;
    },
    async json(method, path, body) {
      const res = await self.request(method, path, body);
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as never;
    },
  };
  return self;
}

export const PASSWORD = 'correct horse battery';

/** Signs up (the first account, or with an invitation's secret) and returns the signed-in client. */
export async function signedUp(app: Hono, email: string, invitation?: string): Promise<Client> {
  const person = client(app);
  await person.json('POST', '/api/auth/sign-up', {
    email,
    name: email.split('@')[0],
    password: PASSWORD,
    ...(invitation ? { invitation } : {}),
  });
  return person;
}

/** An invitation's secret, made by a signed-in owner. */
export async function invite(owner: Client, email?: string): Promise<string> {
  const made = await owner.json<{ url: string }>(
    'POST',
    '/api/invitations',
    email ? { email } : {},
  );
  return new URL(made.url).searchParams.get('invitation') ?? '';
}
