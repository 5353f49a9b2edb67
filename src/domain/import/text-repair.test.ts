import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mojibake, repairText } from './text-repair.js';

const fixed = (text: string) => repairText(text).text;

describe('repairing mojibake', () => {
  it('repairs the sequences seen in real exports', () => {
    expect(fixed('donâ€™t')).toBe('don’t');
    expect(fixed('â€œquotedâ€\u009d')).toBe('“quoted”');
    expect(fixed('CafÃ©')).toBe('Café');
    expect(fixed('CuriÃ©')).toBe('Curié');
    expect(fixed('é¢†è‹±')).toBe('领英');
    expect(fixed('Ã…sa Ã˜stergÃ¥rd')).toBe('Åsa Østergård');
    expect(fixed('ðŸ‘‹ hi')).toBe('👋 hi');
  });

  it('repairs text that was decoded wrongly twice', () => {
    expect(fixed(mojibake(mojibake('Café Zürich')))).toBe('Café Zürich');
    expect(fixed('ÃƒÂ©')).toBe('é');
  });

  it('repairs the damaged part of a string and leaves the correct part alone', () => {
    expect(fixed('José met CafÃ© owners')).toBe('José met Café owners');
    expect(fixed('éÃ©')).toBe('éé');
  });

  it('never changes correct text, in many scripts', () => {
    const correct = [
      'Café crème, déjà vu, naïve façade, Noël',
      'Müller, Größe, Straße, Äpfel, Öl, Übung',
      'Łódź, Gdańsk, Kraków, żółć, źdźbło',
      '北京市朝阳区 领英 中文名字',
      'محمد بن سلمان — القاهرة',
      'Ελληνικά, Ωμέγα; Русский язык, Ёлка',
      'São Paulo, AÇÃO, Coração',
      'Ørsted, Ærø, Åland; ¿Qué? ¡Sí! 50 °C, 3 × 4, ½, «guillemets», “curly” ‘quotes’ — dash…',
      '👋🏽 family: 👨‍👩‍👧 flags: 🇵🇹 🇯🇵',
      'ASCII only, with \ttabs and\nnew lines',
    ];
    for (const text of correct) expect(repairText(text)).toEqual({ text, changed: false });
  });

  it('drops stray byte-order marks and control characters, keeping tabs and new lines', () => {
    expect(fixed('\ufeffAda\u0000 Love\u0007lace\u0085')).toBe('Ada Lovelace');
    expect(fixed('a\tb\r\nc')).toBe('a\tb\r\nc');
  });

  it('undoes the damage for any text of real words in any script (property)', () => {
    const word = fc.oneof(
      fc.constantFrom('Café', 'Zürich', 'Łódź', '领英', 'القاهرة', 'Ёлка', '👋🏽', 'Ærø', 'naïve'),
      fc.string({ unit: fc.constantFrom('a', 'b', 'z', ' ', '-', '1', '.') }),
      fc.string({ unit: 'grapheme' }),
    );
    const text = fc.array(word, { maxLength: 8 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        // The property is about text as people write it: no controls or byte-order marks.
        const clean = repairText(t).text;
        fc.pre(repairText(clean).text === clean && !/[\u0080-\u00ff]{2}/u.test(clean));
        expect(fixed(mojibake(clean))).toBe(clean);
        expect(fixed(mojibake(mojibake(clean)))).toBe(clean);
      }),
      { numRuns: 500 },
    );
  });
});
