// Starts the HTTP server on the configured host and port and closes cleanly on a signal.
import { serve } from '@hono/node-server';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function startServer(
  store: Store,
  options: { host: string; port: number; version: string },
): Promise<RunningServer> {
  const app = createApp(store, {
    version: options.version,
    allowedHosts: LOOPBACK.has(options.host) ? undefined : 'any',
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
