import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { breakPackedEntry } from '../../../test/support/zip.js';
import { readContactsFile } from './read-file.js';
import {
  combineLinkedInParts,
  readLinkedInParts,
  readLinkedInZip,
  readMessagesFile,
  type MessagesFile,
} from './linkedin-zip.js';

const encode = (text: string) => new TextEncoder().encode(text);
const CONNECTIONS =
  'Notes:\r\n"Some emails may be missing."\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
  'Marie,CuriÃ©,https://www.linkedin.com/in/marie,,Institut du Radium,Directrice,07 Nov 2022\r\n';
const MESSAGES =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n' +
  '2-a==,,Marie Curié,https://www.linkedin.com/in/marie,Alex Doe,https://www.linkedin.com/in/alexdoe,2024-03-05 09:12:44 UTC,,Happy to talk about research careers.,INBOX\r\n' +
  '2-b==,,Alex Doe,https://www.linkedin.com/in/alexdoe,Tom Becker,https://www.linkedin.com/in/tombecker,2024-03-06 10:00:00 UTC,,Hello Tom,INBOX\r\n';
const INVITATIONS =
  'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n' +
  'Alex Doe,Lena Park,"1/15/24, 10:03 AM",Could I ask you one question about product roles?,OUTGOING,https://www.linkedin.com/in/alexdoe,https://www.linkedin.com/in/lenapark\r\n';

describe('reading a LinkedIn export as downloaded (.zip)', () => {
  it('reads connections, messages and invitations wherever they sit, and lists the files left out', () => {
    const folder = 'Basic_LinkedInDataExport_11-28-2026';
    const zip = zipSync({
      [`${folder}/Connections.csv`]: encode(CONNECTIONS),
      [`${folder}/messages.csv`]: encode(MESSAGES),
      [`${folder}/Invitations.csv`]: encode(INVITATIONS),
      [`${folder}/Profile.csv`]: encode('First Name\n'),
    });
    const read = readContactsFile(zip, 'export.zip');
    expect(read.format).toBe('linkedin-export');
    expect(read.people.map((p) => [p.source, p.person.displayName])).toEqual([
      [{ file: `export.zip/${folder}/Connections.csv`, line: 5 }, 'Marie Curié'],
      [{ file: `export.zip/${folder}/Invitations.csv`, line: 2 }, 'Lena Park'],
    ]);
    expect(
      (read.activities ?? []).map((a) => [a.type, a.at, a.with.map((w) => w.linkedin)]),
    ).toEqual([
      ['interaction', '2024-03-05T09:12:44.000Z', ['https://www.linkedin.com/in/marie']],
      ['interaction', '2024-03-06T10:00:00.000Z', ['https://www.linkedin.com/in/tombecker']],
      ['invitation', '2024-01-15T10:03:00.000Z', ['https://www.linkedin.com/in/lenapark']],
    ]);
    expect(read.ignoredFiles).toEqual([`${folder}/Profile.csv`]);
  });

  it('is fine with any of the three files missing', () => {
    const zip = zipSync({ 'messages.csv': encode(MESSAGES) });
    const read = readContactsFile(zip, 'export.zip');
    expect(read.people).toEqual([]);
    expect(read.activities).toHaveLength(2);
  });

  it('says so when the archive holds none of them, or is not a readable archive', () => {
    const zip = zipSync({ 'Profile.csv': encode('First Name\n') });
    expect(() => readContactsFile(zip, 'export.zip')).toThrow(
      'export.zip: no Connections.csv, messages.csv or Invitations.csv in this archive (it holds Profile.csv)',
    );
    const broken = zip.slice(0, 40);
    expect(() => readContactsFile(broken, 'broken.zip')).toThrow(
      /^broken\.zip: not a readable zip archive/,
    );
  });

  it('hands messages.csv over still packed, read the same wherever it is unpacked', () => {
    const zip = zipSync({
      'Export/Connections.csv': encode(CONNECTIONS),
      'Export/messages.csv': encode(MESSAGES),
    });
    const handed: MessagesFile[] = [];
    const parts = readLinkedInParts(zip, 'export.zip', { onMessages: (m) => handed.push(m) });
    expect(handed).toHaveLength(1);
    const [messages] = handed;
    if (!messages) throw new Error('unreachable');
    expect(messages).toMatchObject({
      name: 'export.zip/Export/messages.csv',
      entry: 'Export/messages.csv',
      size: encode(MESSAGES).length,
    });
    expect('bytes' in messages).toBe(false);
    // Left out of the parts: the caller reads it.
    expect(parts.messages).toBeNull();
    expect(parts.connections?.people).toHaveLength(1);
    expect(combineLinkedInParts(parts, readMessagesFile(messages))).toEqual(
      readLinkedInZip(zip, 'export.zip'),
    );
  });

  it('names the archive when the messages.csv it holds cannot be unpacked', () => {
    const zip = breakPackedEntry(
      zipSync({
        'Connections.csv': encode(CONNECTIONS),
        'messages.csv': encode(MESSAGES.repeat(20)),
      }),
      'messages.csv',
    );
    const handed: MessagesFile[] = [];
    const parts = readLinkedInParts(zip, 'export.zip', { onMessages: (m) => handed.push(m) });
    expect(parts.connections?.people).toHaveLength(1);
    const [messages] = handed;
    if (!messages) throw new Error('unreachable');
    expect(() => readMessagesFile(messages)).toThrow(
      /^export\.zip\/messages\.csv: not a readable zip archive/,
    );
    expect(() => readContactsFile(zip, 'export.zip')).toThrow(
      /^export\.zip: not a readable zip archive/,
    );
  });

  it('refuses from its directory an archive that unpacks to far more than an export (a zip bomb)', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    const huge = new Uint8Array(70 * 1024 * 1024).fill(0x41);
    huge.set(new TextEncoder().encode(header));
    const zip = zipSync({ 'Connections.csv': huge });
    expect(zip.length).toBeLessThan(100_000);
    expect(() => readContactsFile(zip, 'bomb.zip')).toThrow(
      'bomb.zip: Connections.csv is too large to be an export',
    );
  });
});
