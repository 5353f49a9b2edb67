// UUIDv7 ids: text on both databases, and they sort by creation time (RFC 9562 §5.7).
// Within one millisecond a counter in the random bits keeps them strictly increasing.

let lastMs = -1;
let counter = 0;

// Random bytes drawn 4 KiB at a time: one system call per 256 ids, not one per id.
const pool = new Uint8Array(4096);
let poolAt = pool.length;

function randomBytes16(): Uint8Array {
  if (poolAt + 16 > pool.length) {
    crypto.getRandomValues(pool);
    poolAt = 0;
  }
  poolAt += 16;
  return pool.slice(poolAt - 16, poolAt);
}

export function newId(now: number = Date.now()): string {
  const bytes = randomBytes16();
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    counter += 1;
    if (counter > 0xfff) {
      // The 12-bit counter ran out: borrow the next millisecond rather than lose order.
      ms = lastMs + 1;
      counter = 0;
    }
  } else {
    counter = 0;
  }
  lastMs = ms;
  // 48-bit big-endian millisecond timestamp.
  const high = Math.floor(ms / 2 ** 16);
  bytes[0] = (high >>> 24) & 0xff;
  bytes[1] = (high >>> 16) & 0xff;
  bytes[2] = (high >>> 8) & 0xff;
  bytes[3] = high & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  // Version 7 and a 12-bit monotonic counter (rand_a).
  bytes[6] = 0x70 | ((counter >>> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  // RFC 4122 variant.
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  let id = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) id += '-';
    id += HEX[bytes[i] ?? 0];
  }
  return id;
}

/** Each byte's two hex digits (a bulk load makes hundreds of thousands of ids). */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isId = (value: string): boolean => UUID_PATTERN.test(value);

/**
 * The short id lists show: the last 8 characters, from the random end of a UUIDv7 (its start
 * is a timestamp, the same for everything made in the same minute).
 */
export const shortId = (id: string): string => id.slice(-8);

export const isShortId = (value: string): boolean => /^[0-9a-f]{8}$/i.test(value);
