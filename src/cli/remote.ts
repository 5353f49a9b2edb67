// `kith login <url>`: where the CLI keeps the server it talks to and the token it uses — a
// file in the user's config folder, readable by them alone — so every command then goes to the
// server through its API. Local files remain the default: without the file, or with KITH_DB or
// DATABASE_URL set, commands open the database themselves.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Remote {
  url: string;
  token: string;
  email: string | null;
}

export function remoteFile(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config');
  return join(config, 'kith', 'remote.json');
}

/** The server commands go to, if logged in and no local database is named. */
export function currentRemote(env: NodeJS.ProcessEnv): Remote | null {
  if (env.KITH_DB?.trim() || env.DATABASE_URL?.trim()) return null;
  const file = remoteFile(env);
  if (!existsSync(file)) return null;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<Remote>;
  if (typeof saved.url !== 'string' || typeof saved.token !== 'string') return null;
  return { url: saved.url, token: saved.token, email: saved.email ?? null };
}

export function saveRemote(env: NodeJS.ProcessEnv, remote: Remote): string {
  const file = remoteFile(env);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(remote, null, 2)}\n`, { mode: 0o600 });
  // A file that existed keeps its mode on write: made the user's alone either way.
  chmodSync(file, 0o600);
  return file;
}

export function forgetRemote(env: NodeJS.ProcessEnv): boolean {
  const file = remoteFile(env);
  if (!existsSync(file)) return false;
  rmSync(file);
  return true;
}
