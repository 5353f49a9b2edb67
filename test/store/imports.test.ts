import { beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';
import { fixture } from '../support/fixtures.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

const LINKEDIN_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describeEachDatabase('importing contacts', (db) => {
  let store: Store;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date('2026-11-20T10:00:00Z');
    store = await db().newStore({ now: () => clock });
  });

  it('imports LinkedIn connections, repairing mojibake; the same file again changes nothing', async () => {
    const file = fixture('linkedin/Connections.csv');
    const preview = await store.imports.contacts(file, 'Connections.csv', { dryRun: true });
    expect(preview).toMatchObject({
      status: 'preview',
      format: 'linkedin-connections',
      counts: { new: 4, updated: 0, unchanged: 0, review: 0, errors: 0 },
    });
    expect((await store.counts()).people).toBe(0);

    const report = await store.imports.contacts(file, 'Connections.csv');
    expect(report.status).toBe('imported');
    expect(report.rows.map((r) => [r.line, r.name, r.action])).toEqual([
      [5, 'Grace Hopper', 'new'],
      [6, 'Alan Turing', 'new'],
      [7, 'Marie Curié', 'new'],
      [8, 'Katherine Johnson', 'new'],
    ]);
    expect(report.rows[2]?.repaired).toEqual([
      { field: 'displayName', original: 'Marie CuriÃ©' },
      { field: 'familyName', original: 'CuriÃ©' },
    ]);
    const alan = await store.people.resolve('Alan Turing');
    expect(alan).toMatchObject({
      emails: ['alan@example.org'],
      organization: { name: 'Bletchley Park, Hut 8' },
      title: 'Cryptanalyst',
      metOn: '2021-06-17',
      linkedin: 'https://www.linkedin.com/in/alan-turing-example',
    });

    const before = await snapshot(store);
    // The very same bytes, nobody changed since: known to change nothing, not even read.
    const again = await store.imports.contacts(file, 'Connections.csv');
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 4, review: 0, errors: 0 });
    expect(again.remarks[0]).toMatch(/^This very file was imported on 2026-11-20 \(run \w+\)/);
    expect(await snapshot(store)).toEqual(before);
    // Once someone changed, it is read again — and still changes nothing, row by row.
    clock = new Date('2026-11-21T10:00:00Z');
    await store.people.update(alan.id, { notes: 'Met at the codebreakers reunion.' });
    const edited = await snapshot(store);
    const read = await store.imports.contacts(file, 'Connections.csv');
    expect(read.counts).toEqual({ new: 0, updated: 0, unchanged: 4, review: 0, errors: 0 });
    expect(read.rows.map((r) => r.matchedBy)).toEqual(['linkedin', 'email', 'linkedin', 'email']);
    expect(await snapshot(store)).toEqual(edited);
  });

  it('keeps text exactly as written, whatever characters it holds', async () => {
    // Characters that mean something to SQL, to JSON, to CSV or to PostgreSQL's array syntax
    // (rows are written as one array per column there).
    const names = [
      'O"Brien {curly}',
      'Back\\slash, comma',
      'NULL',
      "Apo'strophe (x)",
      'Zoë 北京 🎉',
    ];
    const card = (name: string, i: number) =>
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `FN:${name.replace(/\\/g, '\\\\').replace(/,/g, '\\,')}`,
        `EMAIL:p${i}@example.com`,
        `NOTE:line one\\n"quoted" {${i}}\\nNULL`,
        'END:VCARD',
      ].join('\r\n');
    const file = utf8(names.map(card).join('\r\n') + '\r\n');
    const report = await store.imports.contacts(file, 'odd.vcf');
    expect(report.counts.new).toBe(names.length);
    for (const [i, name] of names.entries()) {
      const person = await store.people.get((await store.people.resolve(`p${i}@example.com`)).id);
      expect([person.displayName, person.notes, person.emails]).toEqual([
        name,
        `line one\n"quoted" {${i}}\nNULL`,
        [`p${i}@example.com`],
      ]);
    }
    // The import's own records (JSON written as text) read back whole: the same file again
    // is recognised as unchanged, row by row, once a person was edited since.
    await store.people.update((await store.people.resolve('p4@example.com')).id, { notes: 'x' });
    const again = await store.imports.contacts(file, 'odd.vcf');
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: names.length });
  });

  it('updates only what an updated export changed, never what the user edited since', async () => {
    const v1 = `${LINKEDIN_HEADER}\r\nAda,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Engineer,10 Dec 2020\r\n`;
    await store.imports.contacts(utf8(v1), 'Connections.csv');
    const ada = await store.people.resolve('Ada Lovelace');
    // The user fixes the organization by hand; the export later changes the title.
    await store.people.update(ada.id, { organization: 'Engines Ltd' });
    const v2 = v1.replace('Engineer', 'Chief Engineer').replace(',,', ',ada@example.com,');
    const report = await store.imports.contacts(utf8(v2), 'Connections.csv');
    expect(report.rows[0]).toMatchObject({
      action: 'updated',
      matchedBy: 'linkedin',
      changes: ['title', 'emails'],
    });
    expect(await store.people.get(ada.id)).toMatchObject({
      title: 'Chief Engineer',
      organization: { name: 'Engines Ltd' },
      emails: ['ada@example.com'],
    });
  });

  it('refuses a file with one bad row, writing nothing and naming the line and field', async () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `Person,${i},https://www.linkedin.com/in/p${i},,Org,Role,01 Jan 2020`,
    );
    rows[6_000] = 'Bad,Row,https://www.linkedin.com/in/bad-row,,Org,Role,31 Feb 2020';
    const text = `Notes:\r\n"preamble"\r\n\r\n${LINKEDIN_HEADER}\r\n${rows.join('\r\n')}\r\n`;
    const before = await snapshot(store);
    const report = await store.imports.contacts(utf8(text), 'big.csv');
    expect(report.status).toBe('refused');
    expect(report.errors).toEqual([
      { file: 'big.csv', line: 6_005, field: 'metOn', message: expect.stringMatching(/^metOn: /) },
    ]);
    expect(await snapshot(store)).toEqual(before);
    expect(await store.imports.runs()).toEqual([]);
  });

  it('matches by email, phone and name with organization; flags a bare name match for review', async () => {
    const known = await store.people.create({
      displayName: 'Ada Lovelace',
      emails: ['ada@example.com'],
    });
    const taro = await store.people.create({
      displayName: 'Taro Yamamoto',
      phones: ['+81 90 0000 1111'],
    });
    const report = await store.imports.contacts(fixture('google-csv/contacts.csv'), 'contacts.csv');
    expect(report.format).toBe('google-csv');
    expect(report.rows.map((r) => [r.name, r.action, r.matchedBy])).toEqual([
      ['Ada Lovelace', 'updated', 'email'],
      ['太郎 山本', 'new', null],
    ]);
    expect(await store.people.get(known.id)).toMatchObject({
      organization: { name: 'Analytical Engines' },
      title: 'CTO',
      unit: 'R&D',
      tags: ['mentors'],
      phones: ['+44 20 7946 0000'],
    });
    expect(taro.id).not.toBe(report.rows[1]?.personId);

    // Same name, nothing else in common: added, and flagged for the user to look at.
    const csv = `${LINKEDIN_HEADER}\nAda,Lovelace,https://www.linkedin.com/in/other-ada,,Elsewhere,Poet,01 Jan 2021\n`;
    const second = await store.imports.contacts(utf8(csv), 'Connections.csv');
    expect(second.rows[0]).toMatchObject({
      action: 'new',
      review: { personId: known.id, name: 'Ada Lovelace' },
    });
    expect(second.counts.review).toBe(1);
  });

  it('undoes an import unless someone was edited since', async () => {
    const report = await store.imports.contacts(
      fixture('linkedin/Connections.csv'),
      'Connections.csv',
    );
    const [run] = await store.imports.runs();
    expect(run).toMatchObject({ id: report.runId, counts: { new: 4 }, undoneAt: null });
    clock = new Date('2026-11-21T10:00:00Z');
    const grace = await store.people.resolve('Grace Hopper');
    await store.people.update(grace.id, { title: 'Admiral' });
    const before = await snapshot(store);
    await expect(store.imports.undo(report.runId ?? '')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Grace Hopper'),
    });
    expect(await snapshot(store)).toEqual(before);
    // A later run that did not touch anyone edited can be undone.
    const csv = `${LINKEDIN_HEADER}\nLin,Yu,https://www.linkedin.com/in/lin-yu,,Acme,CEO,02 Feb 2022\n`;
    const later = await store.imports.contacts(utf8(csv), 'Connections.csv');
    expect(await store.imports.undo(later.runId ?? '')).toMatchObject({ archived: 1, restored: 0 });
    expect((await store.people.list({ limit: 10 })).total).toBe(4);
    await expect(store.imports.undo(later.runId ?? '')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('imports a vCard file the same way, matched again on the second run', async () => {
    const file = fixture('vcard/gmail-3.0.vcf');
    const first = await store.imports.contacts(file, 'gmail-3.0.vcf');
    expect(first).toMatchObject({ format: 'vcard', counts: { new: 3 } });
    const second = await store.imports.contacts(file, 'gmail-3.0.vcf');
    expect(second.counts).toMatchObject({ new: 0, unchanged: 3 });
  });
});
