// Bytes to text, as exports arrive: UTF-8 with or without a byte-order mark, UTF-16 (Outlook
// writes it, little- or big-endian, with a mark), or — when the bytes are not UTF-8 at all —
// Windows-1252, the usual encoding of older Windows exports. Never throws: the worst case is
// text the repair step (text-repair.ts) and the row checks then deal with.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encoding a byte-order mark or the zeros of UTF-16 give away; null when neither does. */
function markedEncoding(bytes: Uint8Array): { encoding: TextEncoding; bom: number } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // UTF-16 without a mark: ASCII text has a zero in every other byte.
  const sample = bytes.subarray(0, 512);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 1) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros += 1;
      else oddZeros += 1;
    }
  }
  const half = sample.length / 2;
  if (half >= 4 && oddZeros > half * 0.6 && evenZeros === 0)
    return { encoding: 'utf-16le', bom: 0 };
  if (half >= 4 && evenZeros > half * 0.6 && oddZeros === 0)
    return { encoding: 'utf-16be', bom: 0 };
  return null;
}

/**
 * The text of a file. NUL characters are dropped: no export means one, and Kith keeps no text
 * that holds one (errors.ts, unstorableIn). Decoding never yields half a character.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const { text, encoding } = decodeWhole(bytes);
  return { text: text.includes('\u0000') ? text.replaceAll('\u0000', '') : text, encoding };
}

function decodeWhole(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const marked = markedEncoding(bytes);
  if (marked)
    return {
      text: new TextDecoder(marked.encoding).decode(bytes.subarray(marked.bom)),
      encoding: marked.encoding,
    };
  // Decoded once: the strict decoding that tells UTF-8 apart is also the text (a messages.csv
  // of 50 MB takes a third of a second to decode).
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
