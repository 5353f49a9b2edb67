// The CLI as a test runs it: a fresh SQLite file per test, a fixed clock, and what it printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { runCli } from '../../src/cli/program.js';

export interface CliSandbox {
  /** This test's folder (its database is kith.db in it). */
  dir: string;
  /** The environment commands run with; a test may point KITH_DB elsewhere. */
  env: NodeJS.ProcessEnv;
  kith(...args: string[]): Promise<{ code: number; out: string; err: string }>;
}

export function cliSandbox(prefix: string, now = '2026-11-20T10:00:00Z'): CliSandbox {
  const box: CliSandbox = {
    dir: '',
    env: {},
    async kith(...args) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(args, {
        env: box.env,
        now: () => new Date(now),
        output: { out: (t) => out.push(t), err: (t) => err.push(t) },
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
  };
  beforeEach(() => {
    box.dir = mkdtempSync(join(tmpdir(), prefix));
    box.env = { KITH_DB: join(box.dir, 'kith.db'), KITH_TZ: 'UTC' };
  });
  afterEach(() => rmSync(box.dir, { recursive: true, force: true }));
  return box;
}
