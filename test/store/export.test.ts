// Taking everything out: the lossless JSON backup (export → restore into an empty workspace →
// export gives the same document), people as CSV, and the calendar as iCalendar — the last
// read by independent parsers (Python's icalendar and vobject) with warnings as errors.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeEach, expect, it } from 'vitest';
import { DEMO_DEFAULTS, loadDemo } from '../../src/demo/load-demo.js';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';
import { parseIndependently } from '../support/independent-parser.js';
import { fixturePath } from '../support/fixtures.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describeEachDatabase('exports', (db) => {
  let store: Store;
  const now = new Date('2026-11-29T10:00:00Z');
  beforeEach(async () => {
    store = await db().newStore({ now: () => now });
  });

  it('writes a JSON backup that restores into an empty workspace exactly, and refuses a full one', async () => {
    await loadDemo(store, { ...DEMO_DEFAULTS, size: 60, now });
    // Beside the demo: an import (with repaired text and its provenance), a calendar event, a
    // follow-up, settings and an introduction made, so every kind of table has rows.
    await store.imports.contacts(
      utf8(
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nMarie,CuriÃ©,https://www.linkedin.com/in/marie,,Institut du Radium,Directrice,07 Nov 2022\r\n',
      ),
      'Connections.csv',
    );
    await store.settings.update({ timeZone: 'Europe/Paris' });
    const marie = await store.people.resolve('Marie Curié');
    await store.tasks.create({
      title: 'Send Marie the paper',
      dueOn: '2026-12-02',
      personId: marie.id,
    });
    // A photo, a card's UID, a calendar event, a merge and a pair kept apart: every table
    // has rows.
    const card = await store.imports.contacts(
      new Uint8Array(readFileSync(fixturePath('vcard/iphone-3.0.vcf'))),
      'john.vcf',
      { keepPhotos: true },
    );
    await store.imports.contacts(
      new Uint8Array(readFileSync(fixturePath('vcard/thunderbird-4.0.vcf'))),
      'helene.vcf',
    );
    await store.imports.contacts(
      utf8(
        [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'BEGIN:VEVENT',
          'UID:coffee-marie',
          'DTSTART:20261101T090000Z',
          'SUMMARY:Coffee with Marie',
          'ATTENDEE;CN=Marie Curié:mailto:marie@example.org',
          'END:VEVENT',
          'END:VCALENDAR',
          '',
        ].join('\r\n'),
      ),
      'calendar.ics',
    );
    const twin = await store.people.create({ displayName: 'Marie Curie' });
    await store.merges.merge(marie.id, twin.id);
    await store.merges.dismiss(marie.id, card.rows[0]?.personId ?? '');
    const backup = await store.exports.json();
    for (const [table, rows] of Object.entries(backup.tables))
      expect(rows.length, table).toBeGreaterThan(0);
    const text = JSON.stringify(backup, null, 2);

    // Into the same database, the ids are taken: refused with a way out.
    await expect(
      (await db().newStore({ now: () => now })).imports.contacts(utf8(text), 'kith-backup.json'),
    ).rejects.toThrow(/kith-backup\.json: these people are in this database already/);
    const copy = await db().newDatabase({ now: () => now });
    const preview = await copy.imports.contacts(utf8(text), 'kith-backup.json', { dryRun: true });
    expect(preview).toMatchObject({ format: 'kith-backup', status: 'preview' });
    expect((await copy.counts()).people).toBe(0);
    const report = await copy.imports.contacts(utf8(text), 'kith-backup.json');
    expect(report.remarks[0]).toMatch(/^Restored a Kith backup: 63 people, \d+ interactions/);
    expect(JSON.stringify(await copy.exports.json(), null, 2)).toBe(text);
    // Everything the user sees is there, search included.
    expect(await snapshot(copy)).toEqual(await snapshot(store));
    expect((await copy.search({ q: 'Curié' })).people.map((p) => p.displayName)).toEqual([
      'Marie Curié',
    ]);
    // Chats by the names of the people in them, as in the original.
    const withSomeone = async (s: Store) =>
      (await s.search({ q: 'curie', in: 'interactions', limit: 50 })).interactions.map((i) => i.id);
    expect((await withSomeone(copy)).length).toBeGreaterThan(0);
    expect(await withSomeone(copy)).toEqual(await withSomeone(store));
    expect(await copy.imports.provenance(marie.id)).toHaveLength(1);

    // Into a workspace that has people: refused, nothing written.
    const before = await snapshot(copy);
    await expect(copy.imports.contacts(utf8(text), 'kith-backup.json')).rejects.toThrow(
      /kith-backup\.json: a backup is restored into an empty workspace only/,
    );
    expect(await snapshot(copy)).toEqual(before);
  });

  it('refuses a damaged backup, naming the table, row and column, and writes nothing', async () => {
    const backup = await store.exports.json();
    const bad = {
      ...backup,
      tables: { ...backup.tables, person: [{ id: 'x', display_nam: 'Typo' }] },
    };
    const fresh = await db().newStore({ now: () => now });
    await expect(fresh.imports.contacts(utf8(JSON.stringify(bad)), 'b.json')).rejects.toThrow(
      'b.json: tables.person[0].display_nam: not a column of person',
    );
    await expect(fresh.imports.contacts(utf8('{"hello": 1}'), 'c.json')).rejects.toThrow(
      'c.json: JSON, but not a Kith backup',
    );
    // A column holding JSON is checked as a write would check it.
    await store.people.create({ displayName: 'Dana Kim' });
    const withDana = await store.exports.json();
    const person = (withDana.tables.person ?? [])[0] ?? {};
    for (const [dates, why] of [
      ['not what it should be', 'not JSON'],
      ['[{"kind":"birthday","on":"1990-02-30"}]', '"1990-02-30" is not a date'],
    ] as const) {
      const damaged = {
        ...withDana,
        tables: { ...withDana.tables, person: [{ ...person, dates }] },
      };
      await expect(fresh.imports.contacts(utf8(JSON.stringify(damaged)), 'e.json')).rejects.toThrow(
        `e.json: tables.person[0].dates: not the dates of a person (${why}`,
      );
    }
    await expect(
      fresh.imports.contacts(utf8('{"format": "kith-backup", '), 'd.json'),
    ).rejects.toThrow(/^d\.json: not readable JSON/);
    expect((await fresh.counts()).people).toBe(0);
  });

  it('writes people as CSV a spreadsheet opens safely', async () => {
    await store.people.create({
      displayName: 'Zoë "Z" Ångström',
      organization: 'Engines, Ltd',
      emails: ['zoe@example.com', 'z@example.org'],
      tags: ['taxes'],
      notes: '=HYPERLINK("http://evil.example")\nsecond line',
      cadence: { kind: 'every', days: 30 },
    });
    const { people, text } = await store.exports.csv();
    expect(people).toBe(1);
    expect(text.startsWith('\ufeffName,Given name,')).toBe(true);
    const [row] = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      Name: 'Zoë "Z" Ångström',
      Organization: 'Engines, Ltd',
      Emails: 'zoe@example.com; z@example.org',
      Tags: 'taxes',
      'Keep in touch': 'every 30 days',
      Notes: `'=HYPERLINK("http://evil.example")\nsecond line`,
    });
  });

  it('writes the calendar — scheduled chats, keep-in-touch days, follow-ups — for any calendar app', async () => {
    await store.settings.update({ timeZone: 'Europe/Paris' });
    const priya = await store.people.create({
      displayName: 'Priya; Raman, PhD',
      cadence: { kind: 'every', days: 14 },
    });
    const ask = await store.asks.create({
      personId: priya.id,
      question: 'How did you move into data science? (30 min, coffee)',
      minutes: 45,
    });
    await store.asks.act(ask.id, { type: 'send' });
    await store.asks.act(ask.id, { type: 'schedule', for: '2026-12-03T15:00:00Z' });
    await store.tasks.create({ title: 'Thank Priya', dueOn: '2026-12-04', personId: priya.id });
    await store.tasks.create({ title: 'Overdue thing', dueOn: '2026-11-01' });

    const { events, text } = await store.exports.ics();
    expect(events).toBe(4);
    const parsed = parseIndependently<Record<string, unknown>[]>('ics', text);
    expect(parsed).toEqual([
      {
        uid: `ask-${ask.id}@kith`,
        summary: 'Chat with Priya; Raman, PhD',
        start: '2026-12-03T15:00:00+00:00',
        minutes: 45,
        description: 'How did you move into data science? (30 min, coffee)',
      },
      {
        uid: `touch-${priya.id}@kith`,
        summary: 'Keep in touch with Priya; Raman, PhD',
        // A new person on a 14-day cadence: due in 14 days.
        start: '2026-12-13',
        end: '2026-12-14',
        description: '',
      },
      expect.objectContaining({ summary: 'Follow up: Overdue thing', start: '2026-11-29' }),
      expect.objectContaining({
        summary: 'Follow up: Thank Priya',
        start: '2026-12-04',
        description: 'With Priya; Raman, PhD',
      }),
    ]);
  });

  it('serves the calendar at a secret address that can be renewed and revoked', async () => {
    expect(await store.feed.token()).toBeNull();
    const token = await store.feed.renew();
    expect(token).toMatch(/^[\w-]{32}$/);
    expect(await store.feed.calendar(token)).toMatch(/^BEGIN:VCALENDAR\r\n/);
    // One character off (never the same one: a random token ends in "x" one time in 64).
    const wrong = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
    await expect(store.feed.calendar(wrong)).rejects.toThrow('No calendar feed has this address.');
    const renewed = await store.feed.renew();
    expect(renewed).not.toBe(token);
    await expect(store.feed.calendar(token)).rejects.toThrow('No calendar feed');
    await store.feed.revoke();
    await expect(store.feed.calendar(renewed)).rejects.toThrow('No calendar feed');
  });
});

describeEachDatabase('restoring a damaged backup (fuzz)', (db) => {
  // Fifteen databases made from nothing (a PostgreSQL schema and every migration each): ~10 s
  // alone, three times that while the browser suites share the machine.
  it(
    'either restores it exactly or refuses it with a clear error, writing nothing',
    {
      timeout: 120_000,
    },
    async () => {
      const now = new Date('2026-11-29T10:00:00Z');
      const source = await db().newStore({ now: () => now });
      const a = await source.people.create({ displayName: 'Ada Lovelace', emails: ['ada@x.org'] });
      const b = await source.people.create({ displayName: 'Charles Babbage', tags: ['engines'] });
      await source.interactions.create({
        occurredAt: '2026-11-01',
        kind: 'coffee',
        summary: 'Engines',
        participantIds: [a.id, b.id],
      });
      await source.knows.record({ personA: a.id, personB: b.id, strength: 'strong' });
      const backup = await source.exports.json();
      const tables = Object.keys(backup.tables).filter((t) => (backup.tables[t] ?? []).length > 0);
      const damage = fc.record({
        table: fc.constantFrom(...tables),
        row: fc.nat(),
        column: fc.nat(),
        how: fc.constantFrom('drop', 'null', 'object', 'number', 'text', 'duplicate', 'orphan'),
      });
      await fc.assert(
        fc.asyncProperty(damage, async ({ table, row, column, how }) => {
          const copy = structuredClone(backup);
          const rows = copy.tables[table] ?? [];
          const hit = rows[row % rows.length] ?? {};
          const key = Object.keys(hit)[column % Object.keys(hit).length] ?? 'id';
          if (how === 'drop') delete hit[key];
          if (how === 'null') hit[key] = null;
          if (how === 'object') hit[key] = { nested: true };
          if (how === 'number') hit[key] = 42;
          if (how === 'text') hit[key] = 'not what it should be';
          if (how === 'duplicate') rows.push({ ...hit });
          if (how === 'orphan')
            for (const k of Object.keys(hit))
              if (/_id$|^person_[ab]$/.test(k)) hit[k] = '01a22700-0000-7000-8000-000000000000';
          const target = await db().newDatabase({ now: () => now });
          try {
            await target.imports.contacts(utf8(JSON.stringify(copy)), 'damaged.json');
          } catch (error) {
            expect((error as Error).message).toMatch(/^damaged\.json: tables\./);
            expect((await target.exports.json()).tables.person).toEqual([]);
            return;
          }
          // Accepted (a damage the schema allows: a nullable column emptied, a text rewritten):
          // then it is all there, as the document says. A column left out takes its default,
          // as in a backup made before the column was added: it is left out of the comparison.
          const dropped = (t: string, r: Record<string, unknown>) =>
            how === 'drop' && t === table
              ? Object.fromEntries(Object.entries(r).filter(([k]) => k !== key))
              : r;
          const normal = (t: string, list: Record<string, unknown>[] = []) =>
            list
              .map((r) => JSON.stringify(Object.fromEntries(Object.entries(dropped(t, r)).sort())))
              .sort();
          const again = await target.exports.json();
          for (const [t, list] of Object.entries(copy.tables))
            expect(normal(t, again.tables[t]), t).toEqual(normal(t, list));
        }),
        { numRuns: 15 },
      );
    },
  );
});
