// The built `kith` binary (package.json "bin"), as a user runs it: npm test builds it first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  bin: { kith: string };
};
const bin = pkg.bin.kith;
let dir: string;

beforeEach(() => {
  if (!existsSync(bin))
    throw new Error(`${bin} is missing: run "npm run build" first (npm test does).`);
  dir = mkdtempSync(join(tmpdir(), 'kith-bin-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the kith binary', () => {
  it('prints its version and exits 0; a usage error exits 2', () => {
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    const usage = spawnSync(process.execPath, [bin, 'add', '--nope'], {
      encoding: 'utf8',
      env: { ...process.env, KITH_DB: join(dir, 'k.db') },
    });
    expect(usage.status).toBe(2);
  });

  it('serves on 127.0.0.1, prints the URL, answers /healthz, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
      env: { ...process.env, KITH_DB: join(dir, 'kith.db'), DATABASE_URL: '' },
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Open (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${String(code)}: ${output}`)));
    });
    expect(output).toContain('Kith is serving SQLite file');
    expect(output).toContain('Your network is empty');
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });
    // The built web app, from the same origin: its page, then the script the page loads.
    const home = await fetch(url);
    const html = await home.text();
    expect(html).toContain('<div id="root"></div>');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
