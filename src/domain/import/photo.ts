// Photos in vCards: kept when the user asks (they are the faces of an address book), else
// left out and listed. Only pictures the card carries are read — a photo given as an address
// on the web is never fetched (nothing leaves the machine unasked). A picture must be a JPEG,
// PNG, GIF or WebP by its own first bytes, whatever the card claims, and not larger than
// MAX_PHOTO_BYTES.

export const MAX_PHOTO_BYTES = 1024 * 1024;

export interface Photo {
  mime: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';
  /** The picture's bytes, base64. */
  data: string;
}

/** What a picture is, by its first bytes; null when it is none of the kinds Kith keeps. */
export function imageTypeOf(bytes: Uint8Array): Photo['mime'] | null {
  const starts = (...b: number[]) => b.every((v, i) => bytes[i] === v);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP')
    return 'image/webp';
  return null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (clean.length === 0 || clean.length % 4 === 1 || !BASE64.test(clean)) return null;
  let binary: string;
  try {
    binary = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The picture of one unfolded PHOTO line (vCard 2.1, 3.0 or 4.0), or why it is not kept:
 * 'remote' (an address, not fetched), 'unreadable', 'not an image', 'too large'.
 */
export function photoOfLine(
  line: string,
): { photo: Photo } | { skipped: 'remote' | 'unreadable' | 'not an image' | 'too large' } {
  const colon = line.indexOf(':');
  if (colon < 0) return { skipped: 'unreadable' };
  const params = line.slice(0, colon).toUpperCase();
  const value = line.slice(colon + 1).trim();
  let encoded: string;
  const dataUrl = /^data:[^;,]*(;[^,]*)?,(.*)$/is.exec(value);
  if (dataUrl) {
    if (!/;base64/i.test(dataUrl[1] ?? '')) return { skipped: 'unreadable' };
    encoded = dataUrl[2] ?? '';
  } else if (/ENCODING=(B|BASE64)\b|;BASE64\b/.test(params)) encoded = value;
  else return { skipped: /^[a-z][a-z0-9+.-]*:/i.test(value) ? 'remote' : 'unreadable' };
  const bytes = decodeBase64(encoded);
  if (!bytes) return { skipped: 'unreadable' };
  if (bytes.length > MAX_PHOTO_BYTES) return { skipped: 'too large' };
  const mime = imageTypeOf(bytes);
  if (!mime) return { skipped: 'not an image' };
  return { photo: { mime, data: encodeBase64(bytes) } };
}
