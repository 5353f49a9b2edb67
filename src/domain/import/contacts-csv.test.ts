import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KithError } from '../errors.js';
import { isRealDate } from '../fields.js';
import { contactFormatOf, linkedinDate } from './contacts-csv.js';
import { readContactsFile, unusedOptionRemarks } from './read-file.js';

const OUTLOOK =
  'First Name,Middle Name,Last Name,Company,Department,Job Title,E-mail Address,Mobile Phone,Categories\r\n' +
  'Zoë,,Müller,Strategie GmbH,Einkauf,Leiterin,zoe@example.de,+49 30 1234567,Kunden;Mentoren\r\n';

function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    out[(bom ? 2 : 0) + 2 * i] = code & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = code >> 8;
  }
  return out;
}

describe('reading contacts exports', () => {
  it('reads LinkedIn dates and refuses ones that do not exist', () => {
    expect(linkedinDate('04 Sep 2023')).toBe('2023-09-04');
    expect(linkedinDate('4 sep 2023')).toBe('2023-09-04');
    expect(linkedinDate('31 Feb 2023')).toBeUndefined();
    expect(linkedinDate('2023-09-04')).toBeUndefined();
    // Dates already read are remembered, within a bound: the answers stay the same after
    // more distinct strings than it keeps.
    for (let i = 0; i < 25_000; i++) linkedinDate(`${(i % 28) + 1} Jan ${1000 + i}`);
    expect(linkedinDate('04 Sep 2023')).toBe('2023-09-04');
    expect(linkedinDate('31 Feb 2023')).toBeUndefined();
    expect(isRealDate('2024-02-29')).toBe(true);
    for (let i = 0; i < 25_000; i++) isRealDate(`${1000 + i}-02-29`);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2024-02-29')).toBe(true);
  });

  it('says when days for recurring events were given for a file that is not a calendar', () => {
    expect(unusedOptionRemarks('google-csv', { recurringFrom: '2020-01-01' })).toEqual([
      'The days given for recurring events apply to calendars (.ics) only: this file has none.',
    ]);
    expect(unusedOptionRemarks('linkedin-export', { recurringTo: '2020-01-01' })).toHaveLength(1);
    expect(unusedOptionRemarks('icalendar', { recurringFrom: '2020-01-01' })).toEqual([]);
    expect(unusedOptionRemarks('vcard', {})).toEqual([]);
  });

  it('knows each export by its header', () => {
    expect(
      contactFormatOf('First Name,Last Name,URL,Email Address,Company,Position,Connected On'),
    ).toBe('linkedin-connections');
    expect(contactFormatOf('Name,E-mail 1 - Value')).toBe('google-csv');
    expect(contactFormatOf(OUTLOOK.split('\r\n')[0] ?? '')).toBe('outlook-csv');
    expect(contactFormatOf('a,b,c')).toBeNull();
  });

  it('reads Outlook exports in UTF-16 (with or without a mark) and UTF-8 with a mark', () => {
    for (const bytes of [
      utf16le(OUTLOOK),
      utf16le(OUTLOOK, false),
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(OUTLOOK)]),
    ]) {
      const read = readContactsFile(bytes, 'outlook.csv');
      expect(read.format).toBe('outlook-csv');
      expect(read.errors).toEqual([]);
      expect(read.people[0]?.person).toMatchObject({
        displayName: 'Zoë Müller',
        organization: 'Strategie GmbH',
        unit: 'Einkauf',
        title: 'Leiterin',
        emails: ['zoe@example.de'],
        phones: ['+49 30 1234567'],
        tags: ['kunden', 'mentoren'],
      });
    }
  });

  it('reads Windows-1252 bytes that are not UTF-8', () => {
    const latin = Uint8Array.from(
      [
        ...'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nRen\u00e9,Dupr\u00e9,,,,,\n',
      ].map((c) => c.charCodeAt(0)),
    );
    expect(readContactsFile(latin, 'old.csv').people[0]?.person.displayName).toBe('René Dupré');
  });

  it('names the file and line of a row that is not CSV', () => {
    const text =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,"unclosed,,\n';
    expect(() => readContactsFile(new TextEncoder().encode(text), 'broken.csv')).toThrow(
      /^broken\.csv: line 2/,
    );
  });

  it('never crashes on random bytes, truncated files or huge fields (fuzz)', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.string({ maxLength: 2000 }).map((s) => new TextEncoder().encode(header + s)),
      fc
        .tuple(fc.nat({ max: 300 }), fc.string({ minLength: 1, maxLength: 3 }))
        .map(([n, s]) => new TextEncoder().encode(`${header}${s.repeat(n * 100)},x\n`)),
    );
    fc.assert(
      fc.property(input, (bytes) => {
        try {
          const read = readContactsFile(bytes, 'fuzz.csv');
          for (const e of read.errors) {
            expect(e.file).toBe('fuzz.csv');
            expect(e.line).toBeGreaterThan(0);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(KithError);
          expect((error as KithError).message).toMatch(/^fuzz\.csv: /);
        }
      }),
      { numRuns: 300 },
    );
  });
});
