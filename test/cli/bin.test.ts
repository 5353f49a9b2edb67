// The built `kith` binary (package.json "bin"), as a user runs it: npm test builds it first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { likelyPairs } from '../../src/domain/merge/duplicates.js';
import type { likelyPairsSoon } from '../../src/store/likely-pairs.js';
import type { readMessagesSoon } from '../../src/store/read-messages.js';

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

  it('imports a LinkedIn export whose messages.csv is read on a second thread, from the built files', async () => {
    const me = 'Alex Doe,https://www.linkedin.com/in/alexdoe';
    const header =
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n';
    const lines = Array.from({ length: 20_000 }, (_, i) => {
      const them = `Given${i % 50} Family${i % 50},https://www.linkedin.com/in/p${i % 50}`;
      const day = String((i % 28) + 1).padStart(2, '0');
      return `c${i % 50},,${them},${me},2024-03-${day} 10:00:00 UTC,,Message ${i} ${'about careers '.repeat(8)},INBOX`;
    });
    const messages = new TextEncoder().encode(header + lines.join('\r\n'));
    // One interaction per conversation and day.
    const days = new Set(lines.map((_, i) => `${i % 50}:${i % 28}`)).size;
    expect(messages.length).toBeGreaterThan(2 * 1024 * 1024);
    // The compiled thread itself (no falling back to this one).
    const built = (await import(pathToFileURL(resolve('dist/store/read-messages.js')).href)) as {
      readMessagesSoon: typeof readMessagesSoon;
    };
    const read = await built.readMessagesSoon(
      { name: 'messages.csv', bytes: messages },
      { threadOnly: true },
    );
    expect(read.activities).toHaveLength(days);
    // And the whole import, as a user runs it.
    const connections =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
      Array.from(
        { length: 50 },
        (_, i) => `Given${i},Family${i},https://www.linkedin.com/in/p${i},,Acme,Role,04 Sep 2023`,
      ).join('\r\n');
    const file = join(dir, 'export.zip');
    writeFileSync(
      file,
      zipSync({
        'Export/Connections.csv': new TextEncoder().encode(connections),
        'Export/messages.csv': messages,
      }),
    );
    const run = spawnSync(process.execPath, [bin, 'import', file, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, KITH_DB: join(dir, 'k.db'), DATABASE_URL: '' },
    });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      status: string;
      counts: { new: number };
      activities: { counts: { new: number } };
    };
    expect(report).toMatchObject({ status: 'imported', counts: { new: 50 } });
    expect(report.activities.counts.new).toBe(days);
  });

  it('compares people for duplicates on a second thread, from the built files', async () => {
    const people = Array.from({ length: 400 }, (_, i) => ({
      id: `p${String(i).padStart(4, '0')}`,
      name: `${['Ana', 'Anna', 'Bo'][i % 3]} Novak`,
      organization: `Org ${i % 4}`,
      emails: i % 10 === 0 ? ['shared@example.com'] : [],
      phones: [],
      linkedin: null,
    }));
    const built = (await import(pathToFileURL(resolve('dist/store/likely-pairs.js')).href)) as {
      likelyPairsSoon: typeof likelyPairsSoon;
    };
    const there = await built.likelyPairsSoon(
      { people, dismissed: [], limit: 50 },
      { minPeople: 0, threadOnly: true },
    );
    expect(there).toHaveLength(50);
    expect(there).toEqual(likelyPairs(people, [], 50));
  });

  it('says on a terminal what an import is doing: reading, a bar while writing, saving', () => {
    const me = 'Alex Doe,https://www.linkedin.com/in/alexdoe';
    const file = join(dir, 'export.zip');
    writeFileSync(
      file,
      zipSync({
        'Export/Connections.csv': new TextEncoder().encode(
          'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
            'Lena,Park,https://www.linkedin.com/in/lenapark,,Acme,PM,04 Sep 2023\r\n',
        ),
        'Export/messages.csv': new TextEncoder().encode(
          'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n' +
            `c1,,Lena Park,https://www.linkedin.com/in/lenapark,${me},2024-03-05 09:00:00 UTC,,Hello,INBOX\r\n`,
        ),
      }),
    );
    // `script` gives the command a terminal, as a user's shell does.
    const run = spawnSync(
      'script',
      ['-qec', `"${process.execPath}" "${resolve(bin)}" import "${file}"`, '/dev/null'],
      { encoding: 'utf8', env: { ...process.env, KITH_DB: join(dir, 'k.db'), DATABASE_URL: '' } },
    );
    expect(run.status).toBe(0);
    const steps = [
      ' reading export.zip…',
      ' importing people [',
      ' reading the rest of export.zip…',
      ' importing conversations [',
      ' saving…',
      'export.zip (linkedin-export) imported: 1 new',
    ].map((step) => run.stdout.indexOf(step));
    expect(steps.every((at) => at >= 0)).toBe(true);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });
});
