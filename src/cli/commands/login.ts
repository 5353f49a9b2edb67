// kith login <url>, kith logout: the CLI against a Kith server. Login signs in with email and
// password (or takes a token made in Settings), keeps an API token for this machine in the
// user's config folder (mode 0600), and from then on every command goes to that server
// through its API; logout revokes that token and forgets it.
import { hostname } from 'node:os';
import type { Command } from 'commander';
import { KithError } from '../../domain/errors.js';
import type { CliContext } from '../context.js';
import { forgetRemote, currentRemote, remoteFile, saveRemote } from '../remote.js';

interface Answer {
  status: number;
  body: { error?: { message?: string }; account?: { email: string } | null; token?: string };
  cookie: string | null;
}

async function call(
  base: string,
  method: string,
  path: string,
  init: { body?: unknown; cookie?: string | null; token?: string } = {},
): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      method,
      headers: {
        ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch (error) {
    throw new KithError(
      'invalid_input',
      `${base} cannot be reached (${(error as Error).message}).`,
      'url',
    );
  }
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as Answer['body'],
    cookie: /kith_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? null,
  };
}

/** The password: KITH_PASSWORD (scripts), else asked for on the terminal without echo. */
async function password(ctx: CliContext): Promise<string> {
  const given = ctx.env.KITH_PASSWORD;
  if (given) return given;
  if (!process.stdin.isTTY)
    throw new KithError(
      'invalid_input',
      'Password: set KITH_PASSWORD, or run kith login in a terminal.',
      'password',
    );
  process.stderr.write('Password: ');
  process.stdin.setRawMode(true);
  process.stdin.resume();
  return new Promise((resolve) => {
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off('data', onData);
          process.stderr.write('\n');
          return resolve(typed);
        }
        if (ch === '\u0003') process.exit(130);
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    };
    process.stdin.on('data', onData);
  });
}

function serverUrl(text: string): string {
  try {
    const url = new URL(text.includes('://') ? text : `https://${text}`);
    if (!['http:', 'https:'].includes(url.protocol)) throw new Error('not http');
    return url.origin;
  } catch {
    throw new KithError(
      'invalid_input',
      `url: "${text}" is not a server address such as https://kith.example.org.`,
      'url',
    );
  }
}

export function registerLoginCommands(program: Command, ctx: CliContext): void {
  program
    .command('login <url>')
    .description(
      'work against a Kith server: every command then goes through its API (kith logout to stop)',
    )
    .option('--email <email>', 'your account on it (else asked)')
    .option('--token <token>', 'an API token made in Settings, instead of email and password')
    .action(async (url: string, flags: { email?: string; token?: string }) => {
      const base = serverUrl(url);
      let token = flags.token?.trim();
      if (!token) {
        const email = flags.email?.trim();
        if (!email)
          throw new KithError(
            'invalid_input',
            '--email: say which account to sign in as.',
            'email',
          );
        const signIn = await call(base, 'POST', '/api/auth/sign-in', {
          body: { email, password: await password(ctx) },
        });
        if (signIn.status !== 200 || !signIn.cookie)
          throw new KithError(
            'unauthorized',
            signIn.body.error?.message ?? `${base} answered ${signIn.status}.`,
          );
        const made = await call(base, 'POST', '/api/tokens', {
          cookie: signIn.cookie,
          body: { name: `kith CLI on ${hostname()}` },
        });
        await call(base, 'POST', '/api/auth/sign-out', { cookie: signIn.cookie });
        if (made.status !== 201 || !made.body.token)
          throw new KithError(
            'invalid_state',
            made.body.error?.message ?? `${base} made no token (${made.status}).`,
          );
        token = made.body.token;
      }
      const state = await call(base, 'GET', '/api/auth/session', { token });
      if (state.status !== 200)
        throw new KithError(
          'unauthorized',
          state.body.error?.message ?? `${base} refused the token (${state.status}).`,
        );
      const who = state.body.account?.email ?? null;
      const file = saveRemote(ctx.env, { url: base, token, email: who });
      ctx.output.out(
        `Logged in to ${base}${who ? ` as ${who}` : ' (a server without accounts)'}: commands now go there. The token is in ${file} (readable by you alone); kith logout to stop.`,
      );
    });

  program
    .command('logout')
    .description(
      'stop working against the server: revoke this machine’s token and use the local database again',
    )
    .action(async () => {
      const remote = currentRemote(ctx.env);
      if (remote) {
        const revoked = await call(remote.url, 'DELETE', '/api/auth/token', {
          token: remote.token,
        }).catch(() => null);
        forgetRemote(ctx.env);
        return ctx.output.out(
          revoked?.status === 204
            ? `Logged out of ${remote.url}; its token for this machine is revoked.`
            : `Logged out of ${remote.url} (it could not be told: revoke the token in Settings → API tokens).`,
        );
      }
      const forgot = forgetRemote(ctx.env);
      ctx.output.out(
        forgot ? `Forgot the server in ${remoteFile(ctx.env)}.` : 'Not logged in to a server.',
      );
    });
}
