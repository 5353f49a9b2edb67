// Configuration comes from one place, read once at start: flags > environment > defaults.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { invalid } from './domain/errors.js';
import { isTimeZone } from './domain/method/calendar.js';

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  database: DatabaseTarget;
  host: string;
  port: number;
  /** Host names a server on a non-loopback address answers to (KITH_ALLOWED_HOSTS, comma-separated). */
  allowedHosts: string[];
  /** Accounts on (--accounts or KITH_ACCOUNTS=1): every request must sign in or carry a token. */
  accounts: boolean;
  /** The address people use (KITH_PUBLIC_URL), e.g. behind a reverse proxy that ends TLS. */
  publicUrl: URL | null;
}

export const DEFAULT_PORT = 4321;
export const DEFAULT_HOST = '127.0.0.1';

/** Where the data lives: DATABASE_URL (postgres) > KITH_DB (a SQLite file) > the XDG data dir. */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  if (url) {
    throw invalid(
      'DATABASE_URL',
      'must be a postgres:// URL; for a SQLite file set KITH_DB instead',
    );
  }
  const file = env.KITH_DB?.trim();
  if (file) return { kind: 'sqlite', file };
  const dataHome = env.XDG_DATA_HOME?.trim() || join(homedir(), '.local', 'share');
  return { kind: 'sqlite', file: join(dataHome, 'kith', 'kith.db') };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return `SQLite file ${target.file}`;
  const u = new URL(target.url);
  return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
}

export function readConfig(
  flags: { host?: string; port?: number; accounts?: boolean } = {},
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const envPort = env.KITH_PORT?.trim() ? Number(env.KITH_PORT) : undefined;
  if (envPort !== undefined && !(Number.isInteger(envPort) && envPort >= 0 && envPort <= 65535)) {
    throw invalid('KITH_PORT', 'must be a whole number from 0 to 65535');
  }
  const accounts = env.KITH_ACCOUNTS?.trim();
  if (accounts && !['0', '1'].includes(accounts))
    throw invalid('KITH_ACCOUNTS', 'must be 1 (accounts on) or 0');
  return {
    database: databaseTarget(env),
    accounts: flags.accounts === true || accounts === '1',
    publicUrl: publicUrl(env.KITH_PUBLIC_URL),
    host: flags.host ?? env.KITH_HOST ?? DEFAULT_HOST,
    port: flags.port ?? envPort ?? DEFAULT_PORT,
    allowedHosts: (env.KITH_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  };
}

function publicUrl(text: string | undefined): URL | null {
  const value = text?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(
      'KITH_PUBLIC_URL',
      `"${value}" is not an address such as https://kith.example.org`,
    );
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search)
    throw invalid(
      'KITH_PUBLIC_URL',
      'must be an http(s) address with no path, such as https://kith.example.org',
    );
  return url;
}

/** The user's time zone, for counting days: KITH_TZ, else the system's. */
export function userTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.KITH_TZ?.trim();
  if (zone && !isTimeZone(zone)) {
    throw invalid('KITH_TZ', `"${zone}" is not a time zone such as Europe/Lisbon`);
  }
  if (zone) return zone;
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
