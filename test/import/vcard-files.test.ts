// vCards as the clients people use write them (the repository's own samples, test/fixtures/vcard):
// iPhone and Mac 3.0, Android and Outlook 2.1, Gmail 3.0, Thunderbird 4.0 — read as Kith imports them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KithError } from '../../src/domain/errors.js';
import { readContactsFile } from '../../src/domain/import/read-file.js';
import { fixture } from '../support/fixtures.js';

const read = (name: string, options: { keepPhotos?: boolean } = {}) =>
  readContactsFile(fixture(`vcard/${name}`), name, options);

describe('reading vCards as clients write them', () => {
  it('reads an iPhone card: grouped properties, Apple labels, several values, a folded photo left out', () => {
    const r = read('iphone-3.0.vcf');
    expect(r.errors).toEqual([]);
    expect(r.ignoredColumns).toEqual(['PHOTO']);
    expect(r.people[0]?.person).toMatchObject({
      displayName: 'Dr. Priya Anand Raman',
      givenName: 'Priya',
      familyName: 'Raman',
      organization: 'Northwind Health',
      unit: 'Clinical Research',
      title: 'Head of Trials',
      emails: ['priya.raman@northwind.example', 'priya@home.example'],
      phones: ['+1 416 555 0142', '+1 416 555 0199', '+1 416 555 0100'],
      links: ['https://northwind.example/people/priya'],
      location: 'Toronto, ON, Canada',
    });
    expect(r.people[0]?.photo).toBeUndefined();
  });

  it('keeps embedded photos when asked — iPhone, Mac and Outlook cards — as real pictures', () => {
    for (const name of ['iphone-3.0.vcf', 'mac-3.0.vcf', 'outlook-2.1.vcf']) {
      const r = read(name, { keepPhotos: true });
      const photo = r.people.find((p) => p.photo)?.photo;
      expect(photo?.mime, name).toBe('image/jpeg');
      expect(Buffer.from(photo?.data ?? '', 'base64').subarray(0, 3)).toEqual(
        Buffer.from([0xff, 0xd8, 0xff]),
      );
      expect(r.ignoredColumns, name).not.toContain('PHOTO');
    }
  });

  it('leaves out a value a card holds that is not one (a phone reading "BusinessPhone"), and keeps the person', () => {
    const r = read('bad-values-3.0.vcf');
    expect(r.errors).toEqual([]);
    expect(r.people[0]?.person).toMatchObject({
      displayName: 'Ñandú Pérez',
      organization: 'Cooperativa Sur',
      phones: ['+54 11 5555 0100'],
      emails: ['nandu@cooperativa.example'],
    });
    expect(r.people[0]?.leftOut).toEqual(
      expect.arrayContaining([
        { called: 'phone', value: 'BusinessPhone', problem: 'not a phone number' },
        { called: 'email', value: 'ÑÑÑÑÑÑ', problem: 'not an email address' },
      ]),
    );
  });

  it('decodes vCard 2.1 quoted-printable with its charset and soft line breaks', () => {
    const r = read('android-2.1.vcf');
    expect(r.errors).toEqual([]);
    expect(r.people.map((p) => p.person)).toMatchObject([
      {
        displayName: 'Iñigo Muñoz Ibáñez',
        familyName: 'Muñoz Ibáñez',
        phones: ['+34 600 555 012', '+34 91 555 0123'],
        notes: 'Conocí a Íñigo en la feria de Bilbao; sabe de fiscalidad.',
      },
      { displayName: 'Åse Sørensen', emails: ['ase.sorensen@post.example'] },
    ]);
  });

  it('reads Outlook, Gmail and vCard 4.0 cards: punctuated phones, escaped commas, tel: URIs', () => {
    expect(read('outlook-2.1.vcf').people[0]?.person).toMatchObject({
      displayName: 'Maja Lindqvist',
      organization: 'Fjord Logistics',
      unit: 'Procurement',
      phones: ['(555) 555-0173', '(555) 555-0174'],
      location: 'Stockholm, Sweden',
    });
    expect(read('gmail-3.0.vcf').people.map((p) => p.person.displayName)).toEqual([
      'Noor Haddad',
      'Tomás Ortega',
      'Wen Li',
    ]);
    expect(read('thunderbird-4.0.vcf').people[0]?.person).toMatchObject({
      displayName: 'Hélène Dubois',
      organization: 'Atelier Dubois, Fils et Cie',
      title: 'Director, Product and Research',
      phones: ['+33-1-55-55-01-02 ext 102', '+33-6-55-55-01-03'],
      emails: ['helene@atelier-dubois.example'],
      // An escaped semicolon is a semicolon.
      notes: 'Introduced by Maja. Ask about the Lyon studio; she mentors designers.',
    });
  });

  it('names the line of a card that never ends, and never crashes on damaged files (fuzz)', () => {
    const open = new TextEncoder().encode('BEGIN:VCARD\nVERSION:3.0\nFN:Ada\n');
    expect(() => readContactsFile(open, 'cut.vcf')).toThrow(
      /^cut\.vcf: line 1: the card never ends/,
    );
    const whole = fixture('vcard/iphone-3.0.vcf');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat({ max: whole.length }).map((n) => whole.slice(0, n)),
          fc
            .uint8Array({ maxLength: 500 })
            .map(
              (b) =>
                new Uint8Array([
                  ...new TextEncoder().encode('BEGIN:VCARD\n'),
                  ...b,
                  ...new TextEncoder().encode('\nEND:VCARD\n'),
                ]),
            ),
        ),
        (bytes) => {
          try {
            const r = readContactsFile(bytes, 'fuzz.vcf');
            for (const e of r.errors) expect(e.line).toBeGreaterThan(0);
          } catch (error) {
            expect(error).toBeInstanceOf(KithError);
            expect((error as KithError).message).toMatch(/^fuzz\.vcf: /);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
