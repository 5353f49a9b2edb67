// What the benchmark scripts share: nearest-rank quantiles, the database each one fills (a
// SQLite file under .bench/, or its own PostgreSQL schema), and the built server they open in
// Chromium.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../src/config.js';

/** Nearest rank: the smallest value with at least q of the sorted runs at or below it. */
export const quantile = (sorted: number[], q: number) =>
  sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;

/**
 * The database a benchmark fills: `<dir>/<name>.db`, or the PostgreSQL schema kith_bench_<name>
 * (KITH_BENCH_PG, default the local test database); emptied first unless `reuse`.
 */
export async function benchTarget(
  kind: 'sqlite' | 'postgres',
  name: string,
  options: { dir: string; reuse?: boolean },
): Promise<DatabaseTarget> {
  if (kind === 'sqlite') {
    mkdirSync(options.dir, { recursive: true });
    const file = join(options.dir, `${name}.db`);
    if (!options.reuse)
      for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
    return { kind: 'sqlite', file };
  }
  const base = process.env.KITH_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `kith_bench_${name.replace(/\W/g, '_')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  if (!options.reuse) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { kind: 'postgres', url: url.toString() };
}

/**
 * `kith serve` from dist/ on a SQLite file (or any database target), on a free port; stopped
 * by `stop` or at exit. `pid` lets a benchmark read the server's memory.
 */
export async function serveBuilt(
  where: string | DatabaseTarget,
  env: Record<string, string> = {},
): Promise<{ url: string; pid: number; stop: () => void; exited: () => number | null }> {
  const target: DatabaseTarget =
    typeof where === 'string' ? { kind: 'sqlite', file: where } : where;
  const database =
    target.kind === 'sqlite'
      ? { KITH_DB: target.file, DATABASE_URL: '' }
      : { KITH_DB: '', DATABASE_URL: target.url };
  const server = spawn(process.execPath, ['dist/bin/kith.js', 'serve', '--port', '0'], {
    env: { ...process.env, ...database, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => server.kill('SIGTERM');
  process.on('exit', stop);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    pid: server.pid ?? 0,
    stop,
    exited: () => server.exitCode ?? (server.signalCode ? -1 : null),
  };
}

/** A process's peak resident memory so far (VmHWM), in MB; NaN where /proc is not there. */
export function peakMemoryMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}
