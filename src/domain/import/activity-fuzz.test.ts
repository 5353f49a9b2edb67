// Every activity reader (LinkedIn messages and invitations, iCalendar) against hostile input:
// random bytes, truncated files, huge fields, and a long file with one bad row. None may
// crash: a read names file and line for each bad row, or a KithError names the file.
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { KithError } from '../errors.js';
import { readContactsFile } from './read-file.js';

const MESSAGES =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n' +
  'c1,,Priya Raman,https://www.linkedin.com/in/priya,Alex Doe,https://www.linkedin.com/in/alex,2024-03-05 09:12:44 UTC,,"Hi, Alex",INBOX\n';
const INVITATIONS =
  'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n' +
  'Alex Doe,Lena Park,"1/15/24, 10:03 AM",Hello,OUTGOING,https://www.linkedin.com/in/alex,https://www.linkedin.com/in/lena\n';
const CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:1',
  'DTSTART;TZID=Europe/Paris:20260310T090000',
  'RRULE:FREQ=DAILY;COUNT=20',
  'SUMMARY:Coffee',
  'ATTENDEE;CN=Priya:mailto:priya@example.com',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
const encode = (text: string) => new TextEncoder().encode(text);
const NOW = new Date('2026-11-28T12:00:00Z');

function check(bytes: Uint8Array, file: string) {
  try {
    const read = readContactsFile(bytes, file, { now: NOW });
    for (const e of read.errors) {
      // An archive's rows are named by the archive and the file in it.
      expect(e.file === file || e.file.startsWith(`${file}/`)).toBe(true);
      expect(e.line).toBeGreaterThan(0);
    }
    for (const a of read.activities ?? []) expect(Number.isNaN(Date.parse(a.at))).toBe(false);
  } catch (error) {
    expect(error).toBeInstanceOf(KithError);
    const message = (error as KithError).message;
    expect(message.startsWith(`${file}: `) || message.startsWith(`${file}/`), message).toBe(true);
  }
}

describe.each([
  ['messages.csv', MESSAGES],
  ['Invitations.csv', INVITATIONS],
  ['calendar.ics', CALENDAR],
])('%s against hostile input (fuzz)', (file, sample) => {
  it('never crashes on random bytes, text after a valid start, or a file cut anywhere', () => {
    const whole = encode(sample);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.string({ maxLength: 2000 }).map((s) => encode(sample + s)),
          fc.nat({ max: whole.length }).map((n) => whole.slice(0, n)),
          fc
            .tuple(fc.nat({ max: whole.length }), fc.uint8Array({ maxLength: 50 }))
            .map(([n, noise]) => {
              const out = new Uint8Array(whole);
              out.set(noise.slice(0, Math.max(0, whole.length - n)), n);
              return out;
            }),
        ),
        (bytes) => check(bytes, file),
      ),
      { numRuns: 200 },
    );
  });

  it('survives a huge field', () => {
    check(encode(sample.replace(/Priya|Hello|Coffee/, 'x'.repeat(3_000_000))), file);
  });
});

describe('a long file with one bad row', () => {
  it('reads 10,000 messages and names the one row that is wrong', () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, i) =>
        `c${i % 700},,Priya Raman,https://www.linkedin.com/in/priya,Alex Doe,https://www.linkedin.com/in/alex,${i === 6543 ? 'soon' : '2024-03-05 09:12:44 UTC'},,message ${i},INBOX`,
    );
    const [header] = MESSAGES.split('\n');
    const read = readContactsFile(encode([header, ...rows].join('\n')), 'messages.csv');
    expect(read.errors).toEqual([
      {
        file: 'messages.csv',
        line: 6545,
        field: 'DATE',
        message: 'DATE: "soon" is not a date like 2023-09-04 14:22:10 UTC',
      },
    ]);
  });
});

describe('a LinkedIn .zip against hostile input (fuzz)', () => {
  const zip = zipSync({
    'Export/Connections.csv': encode(
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Lovelace,,,,,\n',
    ),
    'Export/messages.csv': encode(MESSAGES),
    'Export/Invitations.csv': encode(INVITATIONS),
  });

  it('never crashes on an archive cut anywhere or with bytes overwritten', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat({ max: zip.length }).map((n) => zip.slice(0, n)),
          fc
            .tuple(fc.nat({ max: zip.length - 1 }), fc.uint8Array({ minLength: 1, maxLength: 16 }))
            .map(([at, noise]) => {
              const out = new Uint8Array(zip);
              out.set(noise.slice(0, zip.length - at), at);
              return out;
            }),
        ),
        (bytes) => check(bytes, 'export.zip'),
      ),
      { numRuns: 300 },
    );
  });
});
