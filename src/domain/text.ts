// Text rules shared by search and name matching: accent folding, tokens, snippets.
// Both databases index folded text, so "jose" finds "José" the same way on each.

// Printable ASCII, tabs and line breaks; anything else takes the full path below.
const ASCII = /^[\t\n\r\x20-\x7e]*$/;

/** Lower-case, strip accents (NFKD + remove combining marks), fold a few letters NFKD keeps. */
export function fold(text: string): string {
  // Plain ASCII has no accents to strip: most text, and most of a large import, is.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[łŀ]/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe');
}

/** Words of a text after folding: runs of letters and digits. */
export function tokens(text: string): string[] {
  const words = wordsOf(text);
  return words ? words.split(' ') : [];
}

/**
 * The folded words of a text, one space between each: `tokens(text).join(' ')` without the
 * array (a large import indexes tens of megabytes of messages).
 */
export function wordsOf(text: string): string {
  if (ASCII.test(text)) return asciiWordsOf(text);
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Where asciiWordsOf writes (reused: it grows to the longest text seen, and stays). */
let wordBytes = new Uint8Array(4096);
// Every byte written is below 0x80, where Latin-1 and ASCII agree.
const asciiText = new TextDecoder('latin1');

/**
 * ASCII text's words: letters lowered, digits kept, every run of anything else one space, none
 * at either end — the same as lowering it and replacing /[^a-z0-9]+/g, but written byte by
 * byte and read back as one string (a regular-expression replace made ten times its result in
 * garbage: 350 MB for a large import's messages).
 */
function asciiWordsOf(text: string): string {
  if (wordBytes.length < text.length) wordBytes = new Uint8Array(text.length * 2);
  const bytes = wordBytes;
  let length = 0;
  let between = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (between && length > 0) bytes[length++] = 32;
      between = false;
      bytes[length++] = code;
    } else between = true;
  }
  return asciiText.decode(bytes.subarray(0, length));
}

/** A search query's terms: folded words, deduplicated, at most `max` of them. */
export function searchTerms(query: string, max = 8): string[] {
  return [...new Set(tokens(query))].slice(0, max);
}

/** Folded, space-joined words: what goes into the full-text index. */
export function searchDocument(...parts: (string | null | undefined)[]): string {
  let document = '';
  for (const part of parts) {
    const words = part ? wordsOf(part) : '';
    if (words) document = document ? `${document} ${words}` : words;
  }
  return document;
}

/** Key for matching names regardless of case, accents and extra spaces. */
export function nameKey(name: string): string {
  return tokens(name).join(' ');
}

/** True when some term is the prefix of some word of the text. */
export function matchesAnyTerm(text: string, terms: string[]): boolean {
  const words = tokens(text);
  return terms.some((term) => words.some((w) => w.startsWith(term)));
}

/** Every term starts a word of the text: how a search matches, for text already in hand. */
export function matchesEveryTerm(text: string, terms: string[]): boolean {
  const words = tokens(text);
  return terms.length > 0 && terms.every((term) => words.some((w) => w.startsWith(term)));
}

/**
 * `text` on one line, at most `width` characters: cut after the last whole word that fits,
 * with an ellipsis (a word longer than the width is cut inside).
 */
export function shortened(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const room = flat.slice(0, width - 1);
  const lastSpace = room.lastIndexOf(' ');
  return `${(lastSpace > 0 ? room.slice(0, lastSpace) : room).replace(/[\s,;:.–-]+$/u, '')}…`;
}

/**
 * A short excerpt of `text` around the first word that starts with a term, with an
 * ellipsis where it was cut. Works on the original text, so accents are kept.
 */
export function snippet(text: string, terms: string[], width = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  let at = -1;
  const wordPattern = /[\p{L}\p{N}]+/gu;
  for (const match of flat.matchAll(wordPattern)) {
    const folded = fold(match[0]);
    if (terms.some((t) => folded.startsWith(t))) {
      at = match.index;
      break;
    }
  }
  if (at < 0) return `${flat.slice(0, width - 1).trimEnd()}…`;
  const start = Math.max(0, at - Math.floor(width / 3));
  const end = Math.min(flat.length, start + width);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}
