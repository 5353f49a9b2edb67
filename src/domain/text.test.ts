import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fold,
  matchesAnyTerm,
  nameKey,
  searchDocument,
  searchTerms,
  shortened,
  snippet,
  tokens,
  wordsOf,
} from './text.js';

describe('fold', () => {
  it('strips accents and lower-cases, across scripts', () => {
    expect(fold('José Núñez')).toBe('jose nunez');
    expect(fold('Zoë Müller-Straße')).toBe('zoe muller-strasse');
    expect(fold('Łukasz Wiśniewski')).toBe('lukasz wisniewski');
    expect(fold('Søren Kierkegaard')).toBe('soren kierkegaard');
    expect(fold('Ｆｕｌｌｗｉｄｔｈ')).toBe('fullwidth');
  });

  it('keeps scripts without accents as they are', () => {
    expect(fold('王小明')).toBe('王小明');
    expect(fold('محمد')).toBe('محمد');
  });
});

describe('tokens and terms', () => {
  it('splits on anything but letters and digits', () => {
    expect(tokens('R&D, ada@example.com — 2024!')).toEqual([
      'r',
      'd',
      'ada',
      'example',
      'com',
      '2024',
    ]);
  });

  it('turns query syntax into plain words, deduplicated and capped', () => {
    expect(searchTerms('"fin*" OR fin NEAR(x)')).toEqual(['fin', 'or', 'near', 'x']);
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(8);
    expect(searchTerms('***')).toEqual([]);
  });

  it('builds a folded document from optional parts', () => {
    expect(searchDocument('Café Olé', null, undefined, '', 'R&D')).toBe('cafe ole r d');
  });

  it('makes one name key for spellings that differ in case, accents and spaces', () => {
    expect(nameKey('  José   ÁLVAREZ ')).toBe(nameKey('jose alvarez'));
  });
});

describe('snippet', () => {
  const text = `${'Lorem ipsum dolor sit amet. '.repeat(10)}She went independent in 2024 and learned about taxes. ${'Filler words here. '.repeat(10)}`;

  it('cuts around the first matching word with ellipses', () => {
    const s = snippet(text, ['tax'], 80);
    expect(s).toContain('taxes');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(82);
  });

  it('returns short text whole and matches accents folded', () => {
    expect(snippet('Café with José', ['jose'])).toBe('Café with José');
    expect(matchesAnyTerm('Café with José', ['jose'])).toBe(true);
    expect(matchesAnyTerm('Café with José', ['ose'])).toBe(false);
  });
});

describe('shortened', () => {
  it('keeps short text whole, on one line', () => {
    expect(shortened('  How did you\n price   your first retainer? ', 40)).toBe(
      'How did you price your first retainer?',
    );
  });

  it('cuts after the last whole word that fits, without a dangling comma', () => {
    const text =
      'Hi Alex, I am moving from audit into data work, and I would love to hear how you did it.';
    expect(shortened(text, 50)).toBe('Hi Alex, I am moving from audit into data work…');
    expect(shortened('Grüße aus Zürich, und danke für alles', 20)).toBe('Grüße aus Zürich…');
    expect(shortened('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
  });

  it('never exceeds the width (any text)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.integer({ min: 2, max: 120 }),
        (text, width) => {
          expect(shortened(text, width).length).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});

describe('wordsOf', () => {
  // The definition: the folded text cut at every run of what is neither letter nor digit.
  const byDefinition = (text: string) =>
    fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0)
      .join(' ');

  it('is the folded words, one space apart, for ASCII and for any text', () => {
    // Plain ASCII (printable, tabs, line breaks) takes a path of its own.
    const ascii = fc.constantFrom(
      ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
      '\t',
      '\n',
      '\r',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({ unit: ascii, maxLength: 300 }),
      fc.constantFrom('  Hello, World!  ', 'José—Straße; Łódź', 'C++ & C#', '', '---', '北京 2024'),
      // Longer than any text before it: the ASCII path's buffer grows.
      fc.constantFrom('Ab, 9 '.repeat(5000), `${'x'.repeat(9000)} Y`),
    );
    fc.assert(fc.property(text, (t) => wordsOf(t) === byDefinition(t)));
    expect(wordsOf('  Hello, World!  ')).toBe('hello world');
    expect(searchDocument('Café au lait', null, '', 'Łódź!')).toBe('cafe au lait lodz');
  });
});
