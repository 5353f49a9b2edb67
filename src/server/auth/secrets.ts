// The secrets that prove who is asking. Session cookies, API tokens and invitation links are
// 32 random bytes; the database keeps only their SHA-256, so a copy of it lets nobody in.
// Passwords are hashed with scrypt (memory-hard, salted): slow on purpose, on libuv's threads so
// the server keeps answering while one is checked.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** A new secret: 32 random bytes, base64url, after an optional prefix ("kith_" for tokens). */
export const newSecret = (prefix = ''): string =>
  `${prefix}${randomBytes(32).toString('base64url')}`;

/** What the database keeps of a secret. */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** API tokens start with this, so a leaked one is recognizable (and secret scanners find it). */
export const TOKEN_PREFIX = 'kith_';

/** A new API token: the secret to show once, its hash to keep, the start to show in lists. */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = newSecret(TOKEN_PREFIX);
  return { token, hash: hashSecret(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

// One of the settings OWASP's password storage guidance lists as equal in strength
// (N = 2^17, p = 1 or N = 2^15, p = 3 with r = 8): this one needs 32 MiB rather than 128, so a
// small server survives a burst of sign-ins. The parameters are kept with each hash and can rise.
const PARAMS = { N: 2 ** 15, r: 8, p: 3 };
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, params: typeof PARAMS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_BYTES,
      { ...params, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** "scrypt$N$r$p$salt$hash", salt and hash base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/**
 * Whether the password matches the stored hash. With no hash (no such account, or one that signs
 * in only with passkeys) it still does the same work, so the time taken tells nothing.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = stored?.split('$') ?? [];
  const [kind, n, r, p, salt, hash] = parts;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const valid =
    kind === 'scrypt' && salt && hash && [params.N, params.r, params.p].every(Number.isInteger);
  const key = await derive(
    password,
    valid ? Buffer.from(salt, 'base64url') : DECOY_SALT,
    valid ? params : PARAMS,
  );
  if (!valid) return false;
  const expected = Buffer.from(hash, 'base64url');
  return expected.length === key.length && timingSafeEqual(expected, key);
}

const DECOY_SALT = randomBytes(16);
