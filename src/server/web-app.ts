// Serves the built web app (dist/web) from the same origin as the API: hashed assets are
// cached for good, index.html never, and every other page path gets index.html so the
// app's own router can take it. A strict Content-Security-Policy keeps the page from
// loading or sending anything anywhere but this server.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { homePage } from './home-page.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Mantine sets CSS variables through style attributes and a style element, hence
 * 'unsafe-inline' for styles only; scripts come from this origin and nowhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** dist/web beside the compiled server, or dist/web of the checkout when run from source. */
export function findWebRoot(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [join(here, '..', 'web'), join(here, '..', '..', 'dist', 'web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** A path with its %-escapes decoded, or null when they are broken (/%ff). */
function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

export function mountWebApp(app: Hono, root: string | undefined = findWebRoot()): void {
  if (!root || !existsSync(join(root, 'index.html'))) {
    app.get('/', (c) => c.html(homePage()));
    return;
  }
  const webRoot = normalize(root);
  let index: string | undefined;
  const indexHtml = async () => (index ??= await readFile(join(webRoot, 'index.html'), 'utf8'));

  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/healthz') return next();
    const path = decodedPath(c.req.path);
    if (path === null)
      return c.text('This address is not one Kith has: its %-escapes are broken.', 400);
    const file = normalize(join(webRoot, path));
    const type = TYPES[extname(file)];
    if (type && file.startsWith(webRoot + sep) && !file.endsWith(`${sep}index.html`)) {
      try {
        const body = await readFile(file);
        const immutable = path.startsWith('/assets/');
        return c.body(body, 200, {
          'Content-Type': type,
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      } catch {
        // Not a file of the app: a missing asset is a 404, a page path gets the app below.
        if (path.startsWith('/assets/')) return next();
      }
    }
    return c.html(await indexHtml(), 200, {
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
  });
}
