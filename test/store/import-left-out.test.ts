// #25.15: a value that cannot be used in an otherwise good card or row (a phone field holding
// "BusinessPhone", an email without an @) is left out and listed with its line; the person is
// imported.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

const CARDS = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Dana Kim',
  'N:Kim;Dana;;;',
  'TEL;TYPE=WORK:BusinessPhone',
  'TEL;TYPE=CELL:+1 415 555 0100',
  'EMAIL:dana-at-example.org',
  'EMAIL:dana@example.org',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Lee Park',
  'EMAIL:lee@example.org',
  'END:VCARD',
  '',
].join('\r\n');

describeEachDatabase('values an import leaves out', (db) => {
  it('imports the person without the unusable values, and lists each with its line', async () => {
    const store = await db().newStore();
    const report = await store.imports.contacts(utf8(CARDS), 'phone.vcf');
    expect(report.status).toBe('imported');
    expect(report.counts.new).toBe(2);
    expect(report.remarks).toEqual(
      expect.arrayContaining([
        'phone.vcf line 1: phone “BusinessPhone” left out — not a phone number',
        'phone.vcf line 1: email “dana-at-example.org” left out — not an email address',
      ]),
    );
    const dana = await store.people.resolve('Dana Kim');
    expect(dana.phones).toEqual(['+1 415 555 0100']);
    expect(dana.emails).toEqual(['dana@example.org']);
  });
});
