// Repairing text that went through the wrong decoder: UTF-8 bytes read as Windows-1252 (or
// Latin-1) turn "don’t" into "donâ€™t", "Café" into "CafÃ©" and 领英 into "é¢†è‹±"; read that
// way twice, "Ã©" becomes "ÃƒÂ©". Every non-ASCII character of UTF-8 is two to four bytes of
// 0x80 or more, so in mojibake each damaged character is a run of characters that Windows-1252
// maps to such bytes. A run is replaced only when its bytes are valid UTF-8: correct text
// almost never is ("é" alone is the byte E9, which UTF-8 refuses; "ł", "中" or an emoji have
// no Windows-1252 byte at all), so text that was right is left alone. Stray byte-order marks
// and control characters go too. The caller keeps the original for the import's provenance.

/** The characters Windows-1252 puts at 0x80–0x9F (undefined slots: none). */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/**
 * The byte ≥ 0x80 a character stands for when UTF-8 was read as Windows-1252 or Latin-1, or
 * undefined. Latin-1's C1 controls (U+0080–U+009F) cover the five bytes Windows-1252 leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), which decoders pass through as those controls.
 */
function highByte(code: number): number | undefined {
  if (code >= 0x80 && code <= 0xff) return code;
  return CP1252_HIGH[code];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How many bytes a UTF-8 sequence starting with this byte has, or 0 for a byte no sequence starts with. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Within each run of would-be bytes, replace every stretch that is a whole, valid UTF-8
 * character by that character; a byte that starts none stays the character it was.
 */
function repairOnce(text: string): string {
  const chars = [...text];
  const bytes = chars.map((c) => highByte(c.codePointAt(0) ?? 0));
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const lead = bytes[i];
    const length = lead === undefined ? 0 : sequenceLength(lead);
    if (length > 0 && i + length <= chars.length) {
      const sequence = bytes.slice(i, i + length);
      if (sequence.every((b) => b !== undefined)) {
        try {
          out += utf8.decode(Uint8Array.from(sequence as number[]));
          i += length;
          continue;
        } catch {
          // Not UTF-8: keep the character as it is.
        }
      }
    }
    out += chars[i] ?? '';
    i += 1;
  }
  return out;
}

// C0 controls but tab, line feed and carriage return; DEL; C1 controls; byte-order marks.
// eslint-disable-next-line no-control-regex
const STRAY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff]/g;

export interface Repaired {
  text: string;
  /** Whether anything was changed. */
  changed: boolean;
}

/** Undo up to three rounds of mojibake, then drop stray byte-order marks and controls. */
// Printable ASCII, tabs and line breaks: nothing to repair (most fields of most files).
const PLAIN = /^[\x20-\x7e\t\n\r]*$/;

export function repairText(original: string): Repaired {
  if (PLAIN.test(original)) return { text: original, changed: false };
  let text = original;
  for (let round = 0; round < 3; round += 1) {
    const next = repairOnce(text);
    if (next === text) break;
    text = next;
  }
  text = text.replace(STRAY, '');
  return { text, changed: text !== original };
}

/** The same damage, done on purpose: UTF-8 bytes read as Windows-1252 (for tests and fuzzing). */
export function mojibake(text: string): string {
  const toChar = new Map(Object.entries(CP1252_HIGH).map(([code, byte]) => [byte, Number(code)]));
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    out += String.fromCodePoint(byte < 0x80 ? byte : (toChar.get(byte) ?? byte));
  }
  return out;
}
