// The extra real-world corpus: vCard files exported by real clients (../shared/fixtures, from
// ez-vcard's and ical.js's test suites), read as Kith imports them. Skipped where absent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContactsFile } from '../../src/domain/import/read-file.js';
import { realWorldCorpus } from '../support/fixtures.js';

const CORPUS = realWorldCorpus('vCards from the real-world corpus');
const FIXTURES = join(CORPUS ?? '', 'vcard');
const read = (path: string) =>
  readContactsFile(new Uint8Array(readFileSync(join(FIXTURES, path))), path);

describe.skipIf(!CORPUS)('reading vCards from real exports (real-world corpus)', () => {
  it('reads an iPhone card: grouped properties, several values, a folded photo left out', () => {
    const r = read('ez-vcard/John_Doe_IPHONE.vcf');
    expect(r.errors).toEqual([]);
    expect(r.ignoredColumns).toEqual(['PHOTO']);
    expect(r.people[0]?.person).toMatchObject({
      displayName: 'Mr. John Richter James Doe Sr.',
      givenName: 'John',
      familyName: 'Doe',
      organization: 'IBM',
      unit: 'Accounting',
      title: 'Money Counter',
      emails: ['john.doe@ibm.com'],
    });
    expect(r.people[0]?.person.phones).toContain('905-555-1234');
  });

  it('keeps embedded photos when asked — iPhone, Mac and Outlook cards — as real pictures', () => {
    for (const path of [
      'ez-vcard/John_Doe_IPHONE.vcf',
      'ez-vcard/John_Doe_MAC_ADDRESS_BOOK.vcf',
      'ez-vcard/John_Doe_MS_OUTLOOK.vcf',
    ]) {
      const r = readContactsFile(new Uint8Array(readFileSync(join(FIXTURES, path))), path, {
        keepPhotos: true,
      });
      const photo = r.people.find((p) => p.photo)?.photo;
      expect(photo?.mime, path).toBe('image/jpeg');
      expect(Buffer.from(photo?.data ?? '', 'base64').subarray(0, 3)).toEqual(
        Buffer.from([0xff, 0xd8, 0xff]),
      );
      expect(r.ignoredColumns, path).not.toContain('PHOTO');
    }
    // Not asked: left out, and said so.
    expect(read('ez-vcard/John_Doe_IPHONE.vcf').people[0]?.photo).toBeUndefined();
  });

  it('decodes vCard 2.1 quoted-printable with its charset and soft line breaks', () => {
    const r = read('ez-vcard/John_Doe_ANDROID.vcf');
    expect(r.format).toBe('vcard');
    expect(r.people.map((p) => p.person.displayName)).toContain('Ñ Ñ Ñ Ñ Ñ');
    // A card whose address is not an email is named by its line; nothing from the file is kept.
    // A value that is no email is left out of an otherwise good card, and said (#25.15).
    expect(r.errors).toEqual([]);
    expect(r.people.flatMap((p) => p.leftOut ?? [])).toEqual([
      { called: 'email', value: 'ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ', problem: 'not an email address' },
    ]);
  });

  it('reads Outlook, Gmail and RFC 6350 cards, telephone addresses with extensions included', () => {
    expect(read('ez-vcard/outlook-2007.vcf').people[0]?.person.phones).toContain('(111) 555-1111');
    expect(read('ez-vcard/gmail-list.vcf').people.map((p) => p.person.displayName)).toEqual([
      'Arnold Smith',
      'Chris Beatle',
      'Doug White',
    ]);
    const rfc = read('ez-vcard/rfc6350-example.vcf');
    expect(rfc.people[0]?.person).toMatchObject({
      displayName: 'Simon Perreault',
      phones: ['+1-418-656-9254 ext 102', '+1-418-262-6501'],
    });
    const escaped = read('ical.js/test_parser_vcard3.vcf').people[0]?.person;
    expect(escaped).toMatchObject({
      organization: 'ABC, Inc.',
      title: 'Director, Research and Development',
    });
  });
});
