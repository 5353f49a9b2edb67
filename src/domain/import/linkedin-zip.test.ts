import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readContactsFile } from './contacts-csv.js';

const encode = (text: string) => new TextEncoder().encode(text);
const CONNECTIONS =
  'Notes:\r\n"Some emails may be missing."\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
  'Marie,CuriÃ©,https://www.linkedin.com/in/marie,,Institut du Radium,Directrice,07 Nov 2022\r\n';

describe('reading a LinkedIn export as downloaded (.zip)', () => {
  it('reads Connections.csv wherever it sits and lists the files left out', () => {
    const zip = zipSync({
      'Basic_LinkedInDataExport_11-28-2026/Connections.csv': encode(CONNECTIONS),
      'Basic_LinkedInDataExport_11-28-2026/messages.csv': encode('CONVERSATION ID,FROM\n'),
      'Basic_LinkedInDataExport_11-28-2026/Invitations.csv': encode('From,To\n'),
      'Basic_LinkedInDataExport_11-28-2026/Profile.csv': encode('First Name\n'),
    });
    const read = readContactsFile(zip, 'export.zip');
    expect(read.format).toBe('linkedin-connections');
    expect(read.people.map((p) => [p.source, p.person.displayName])).toEqual([
      [
        { file: 'export.zip/Basic_LinkedInDataExport_11-28-2026/Connections.csv', line: 5 },
        'Marie Curié',
      ],
    ]);
    expect(read.ignoredFiles).toEqual([
      'Basic_LinkedInDataExport_11-28-2026/Invitations.csv',
      'Basic_LinkedInDataExport_11-28-2026/Profile.csv',
      'Basic_LinkedInDataExport_11-28-2026/messages.csv',
    ]);
  });

  it('says so when the archive has no Connections.csv, or is not a readable archive', () => {
    const zip = zipSync({ 'Profile.csv': encode('First Name\n') });
    expect(() => readContactsFile(zip, 'export.zip')).toThrow(
      'export.zip: no Connections.csv in this archive (it holds Profile.csv)',
    );
    const broken = zip.slice(0, 40);
    expect(() => readContactsFile(broken, 'broken.zip')).toThrow(
      /^broken\.zip: not a readable zip archive/,
    );
  });
});
