// kith import, as a user runs it on their exports.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { calendarFile, weeklyWithPriya } from '../support/calendar.js';
import { cliSandbox } from '../support/cli.js';
import { fixturePath } from '../support/fixtures.js';

const box = cliSandbox('kith-import-');
const kith = box.kith;

describe('kith import', () => {
  it('previews, imports, finds nothing new the second time, and undoes', async () => {
    const file = fixturePath('linkedin/Connections.csv');
    const preview = await kith('import', file, '--dry-run');
    expect(preview.out).toContain('Connections.csv (linkedin-connections) would import: 4 new');
    expect(preview.out).toContain('line 7: Marie CuriÃ© → Marie Curié');
    expect((await kith('people', '--json')).out).toContain('"total": 0');
    const done = await kith('import', file);
    expect(done.code).toBe(0);
    expect(done.out).toContain('imported: 4 new, 0 updated, 0 unchanged, 0 to review');
    // What the file said before it was repaired stays with the person.
    expect((await kith('show', 'Marie Curié')).out).toMatch(
      /Repaired on import \(Connections\.csv, 2026-11-20\): displayName was "Marie CuriÃ©"; familyName was "CuriÃ©"/,
    );
    const again = await kith('import', file, '--json');
    expect(JSON.parse(again.out)).toMatchObject({ counts: { new: 0, unchanged: 4 } });
    expect(again.out).toContain('This very file was imported on 2026-11-20');
    // Nothing done, nothing recorded: one run to undo.
    const runs = JSON.parse((await kith('import', 'list', '--json')).out) as { id: string }[];
    expect(runs).toHaveLength(1);
    const undo = await kith('import', 'undo', (runs[0]?.id ?? '').slice(-8));
    expect(undo.out).toBe(
      'Undone: 4 people moved to the trash, 0 given their earlier details back.',
    );
  });

  it('refuses a file with a bad row, naming its line, and exits 1', async () => {
    const file = join(box.dir, 'bad.csv');
    writeFileSync(
      file,
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,31 Feb 2023\n',
    );
    const res = await kith('import', file);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/line 2: metOn: /);
    expect(res.err).toContain('nothing was imported');
    expect((await kith('import', join(box.dir, 'missing.csv'))).err).toContain('cannot read');
  });

  it("takes a calendar's recurring events between the days it is given", async () => {
    const file = join(box.dir, 'weekly.ics');
    writeFileSync(file, calendarFile(weeklyWithPriya()));
    const january = await kith(
      'import',
      file,
      '--dry-run',
      '--json',
      '--recurring-from',
      '2020-01-01',
      '--recurring-to',
      '2020-01-27',
    );
    // Nobody in Kith yet: the four Mondays of January 2020 are listed as left out.
    expect(JSON.parse(january.out)).toMatchObject({
      activities: { counts: { new: 0, skipped: 4 } },
    });
    // Given for a file that is not a calendar, the days are left unused, and the report says so.
    const csv = await kith(
      'import',
      fixturePath('linkedin/Connections.csv'),
      '--dry-run',
      '--recurring-from',
      '2020-01-01',
    );
    expect(csv.out).toContain(
      'The days given for recurring events apply to calendars (.ics) only: this file has none.',
    );
    const bad = await kith('import', file, '--recurring-to', '2020-13-01');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('recurringTo: must be a date as YYYY-MM-DD');
  });

  it('exports people as vCard to a file, and refuses a format it does not write', async () => {
    await kith('import', fixturePath('linkedin/Connections.csv'));
    const out = join(box.dir, 'people.vcf');
    expect((await kith('export', '--format', 'vcard', '--out', out)).out).toBe(
      `Wrote 4 people to ${out}.`,
    );
    const text = readFileSync(out, 'utf8');
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(4);
    expect(text).toContain('FN:Marie Curié');
    const pdf = await kith('export', '--format', 'pdf');
    expect(pdf.code).toBe(1);
    expect(pdf.err).toContain('format: "pdf" is not one Kith writes; use json, csv, vcard, ics');
  });

  it('keeps vCard photos only when asked', async () => {
    const file = fixturePath('vcard/iphone-3.0.vcf');
    expect((await kith('import', file)).out).toContain('columns left out: PHOTO');
    const kept = await kith('import', file, '--keep-photos', '--json');
    expect(JSON.parse(kept.out).ignoredColumns).not.toContain('PHOTO');
    const card = (await kith('export', '--format', 'vcard')).out;
    expect(card).toContain('PHOTO:data:image/jpeg;base64,/9j/');
  });

  it('backs up to JSON and restores into a new database, the same to the byte', async () => {
    await kith('import', fixturePath('linkedin/Connections.csv'));
    const backup = join(box.dir, 'kith.json');
    expect((await kith('export', '--out', backup)).out).toBe(
      `Wrote 4 people and everything about them to ${backup}.`,
    );
    const original = box.env;
    box.env = { ...original, KITH_DB: join(box.dir, 'restored.db') };
    const restored = await kith('import', backup);
    expect(restored.out).toContain('Restored a Kith backup: 4 people');
    const again = join(box.dir, 'again.json');
    await kith('export', '--format', 'json', '--out', again);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(backup, 'utf8'));
    // The same backup into a database that has people: refused, with the way out.
    const refused = await kith('import', backup);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('a backup is restored into an empty workspace only');
    box.env = original;
  });

  it('exports the calendar and manages its feed address', async () => {
    const ics = await kith('export', '--format', 'ics');
    expect(ics.out).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR$/);
    expect((await kith('feed')).out).toBe('No calendar feed yet: kith feed renew makes one.');
    const renewed = await kith('feed', 'renew');
    const url = /http:\/\/127\.0\.0\.1:4321\/feeds\/[\w-]{32}\.ics/.exec(renewed.out)?.[0];
    expect(url).toBeDefined();
    expect((await kith('feed')).out).toContain(url ?? '');
    expect((await kith('feed', 'revoke')).out).toContain('revoked');
    expect((await kith('feed', 'later')).err).toContain('"later" is not show, renew or revoke');
  });

  it('imports the LinkedIn export as downloaded, a zip, and lists what it left out', async () => {
    const file = join(box.dir, 'Basic_LinkedInDataExport.zip');
    writeFileSync(
      file,
      zipSync({
        'Connections.csv': readFileSync(fixturePath('linkedin/Connections.csv')),
        'messages.csv': new TextEncoder().encode(
          'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n' +
            'c1,,Grace Hopper,https://www.linkedin.com/in/grace-hopper-example,Me,,2024-03-05 09:12:44 UTC,,Hello,INBOX\n' +
            'c2,,Someone Else,,Me,,2024-03-06 09:12:44 UTC,,Hi,INBOX\n',
        ),
        'Profile.csv': new TextEncoder().encode('First Name\n'),
      }),
    );
    const res = await kith('import', file);
    expect(res.out).toContain('imported: 4 new');
    expect(res.out).toContain(
      'conversations, invitations and events: 1 new, 0 updated, 0 unchanged, 1 with nobody in Kith (left out)',
    );
    expect(res.out).toContain('line 3: a LinkedIn message with Someone Else — with Someone Else');
    expect(res.out).toContain('files left out: Profile.csv');
  });
});
