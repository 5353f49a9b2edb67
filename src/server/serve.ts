// Starts the HTTP server on the configured host and port and closes cleanly on a signal.
import { serve } from '@hono/node-server';
import type { Store } from '../store/store.js';
import { KithError } from '../domain/errors.js';
import { createApp } from './app.js';

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** An address only this machine reaches: all of 127.0.0.0/8, ::1, localhost. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

/**
 * The Host names the server answers to. On a loopback address: the local names and that
 * address, so a web page cannot reach it through DNS rebinding; on another address: that
 * address and the names given (KITH_ALLOWED_HOSTS), or any name when it listens on every
 * address and none is given.
 */
export function allowedHostsFor(host: string, names: string[] = []): string[] | 'any' {
  const h = host.toLowerCase();
  const bound = h.includes(':') && !h.startsWith('[') ? `[${h}]` : h;
  const wildcard = ['0.0.0.0', '[::]', '[::0]'].includes(bound);
  if (wildcard && names.length === 0 && !isLoopback(host)) return 'any';
  return [
    ...new Set([
      ...LOCAL_NAMES,
      ...(wildcard ? [] : [bound]),
      ...names.map((n) => n.toLowerCase()),
    ]),
  ];
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  host: string;
  port: number;
  version: string;
  allowedHosts?: string[];
  /** Accounts on; required on any address but loopback. */
  accounts?: boolean;
  publicUrl?: URL | null;
}

/**
 * A server other machines can reach must ask who is there: on any address but loopback it
 * starts only with accounts on. On loopback with no accounts, nothing changes for the laptop.
 */
export function refuseOpenWithoutAccounts(host: string, accounts: boolean): void {
  if (!accounts && !isLoopback(host))
    throw new KithError(
      'invalid_state',
      `Listening on ${host} would let other machines read and change your network with no sign-in. Start with --accounts (or KITH_ACCOUNTS=1): every request then needs an account or a token, and the first person to open the page becomes the owner.`,
    );
}

export function startServer(store: Store, options: ServerOptions): Promise<RunningServer> {
  const accounts = options.accounts ?? false;
  refuseOpenWithoutAccounts(options.host, accounts);
  const publicUrl = options.publicUrl ?? null;
  const app = createApp(store, {
    version: options.version,
    allowedHosts: allowedHostsFor(options.host, [
      ...(options.allowedHosts ?? []),
      ...(publicUrl ? [publicUrl.hostname] : []),
    ]),
    auth: { accounts, publicUrl },
  });
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: options.host, port: options.port },
      (info) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () =>
            new Promise<void>((done, failed) => server.close((e) => (e ? failed(e) : done()))),
        });
      },
    );
    server.once('error', reject);
  });
}
