// How the server hands out the web app: the page for every app path with a strict CSP,
// hashed assets cached for good, nothing outside the app's folder, and a helpful page when
// the app has not been built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

const HOST = 'http://localhost';

describe('serving the web app', () => {
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kith-web-'));
    const web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(web, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(web, 'favicon.svg'), '<svg/>');
    writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
    store = await openStore({ kind: 'sqlite', file: join(dir, 'kith.db') });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const app = () => createApp(store, { log: () => undefined, webRoot: join(dir, 'web') });

  it('answers every app path with the page and a Content-Security-Policy', async () => {
    for (const path of ['/', '/people', '/people/0190f0f0-0000-7000-8000-000000000000', '/trash']) {
      const res = await app().request(`${HOST}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    }
  });

  it('caches hashed assets for good and other files not at all', async () => {
    const asset = await app().request(`${HOST}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const icon = await app().request(`${HOST}/favicon.svg`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing asset or API route with a 404, not the page', async () => {
    const asset = await app().request(`${HOST}/assets/gone-123.js`);
    expect(asset.status).toBe(404);
    const api = await app().request(`${HOST}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('never serves a file from outside the app folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await app().request(`${HOST}${path}`);
      expect(await res.text()).not.toContain('not for the browser');
    }
  });

  it('says how to build the app when it has not been built', async () => {
    const bare = createApp(store, { log: () => undefined, webRoot: join(dir, 'nothing') });
    const res = await bare.request(`${HOST}/`);
    expect(await res.text()).toContain('npm run build');
  });
});
