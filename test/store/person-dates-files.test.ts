// #23.1: dates come in from vCards (BDAY with or without the year, ANNIVERSARY and 3.0's
// X-ANNIVERSARY, Apple's labelled dates), Google's and Outlook's CSV, and go out in vCards
// that Debian's Python vobject reads back with the same values.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { parseIndependently } from '../support/independent-parser.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const card = (...lines: string[]) =>
  ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');

describeEachDatabase('dates in files', (db) => {
  it('come in from vCards and CSVs, and go out in vCards another parser reads alike', async () => {
    const store = await db().newStore();
    await store.imports.contacts(
      utf8(
        card(
          'FN:Dana Kim',
          'N:Kim;Dana;;;',
          'BDAY:1604-12-11',
          'X-ANNIVERSARY:20150620',
          'item1.X-ABDATE:2021-12-08',
          'item1.X-ABLabel:moved to Lisbon',
          'item2.X-ABDATE:2019-03-01',
          'item2.X-ABLabel:_$!<Anniversary>!$_',
        ) +
          card('FN:Lee Park', 'N:Park;Lee;;;', 'BDAY:19920229') +
          card('FN:No Day', 'N:Day;No;;;', 'BDAY:not a day'),
      ),
      'phone.vcf',
    );
    const dana = await store.people.resolve('Dana Kim');
    expect(dana.dates).toEqual([
      { kind: 'birthday', label: null, on: '--12-11', yearly: true },
      { kind: 'anniversary', label: null, on: '2015-06-20', yearly: true },
      { kind: 'other', label: 'moved to Lisbon', on: '2021-12-08', yearly: true },
      { kind: 'anniversary', label: null, on: '2019-03-01', yearly: true },
    ]);
    expect((await store.people.resolve('Lee Park')).dates.map((d) => d.on)).toEqual(['1992-02-29']);
    // A birthday that is no day is left out; the person is imported.
    expect((await store.people.resolve('No Day')).dates).toEqual([]);

    await store.imports.contacts(
      utf8(
        'First Name,Last Name,Birthday,E-mail 1 - Value\r\n' +
          'Ana,Ruiz,--05-17,ana@example.org\r\n' +
          'Bo,Diaz,1984-01-30,bo@example.org\r\n',
      ),
      'google.csv',
    );
    await store.imports.contacts(
      utf8(
        'First Name,Last Name,E-mail Address,Job Title,Birthday,Anniversary\r\n' +
          'Cy,Lund,cy@example.org,CFO,5/17/1975,0/0/00\r\n',
      ),
      'outlook.csv',
    );
    expect((await store.people.resolve('Ana Ruiz')).dates.map((d) => d.on)).toEqual(['--05-17']);
    expect((await store.people.resolve('Bo Diaz')).dates.map((d) => d.on)).toEqual(['1984-01-30']);
    expect((await store.people.resolve('Cy Lund')).dates.map((d) => d.on)).toEqual(['1975-05-17']);

    const { text } = await store.exports.vcard();
    const read = parseIndependently<
      { fn: string; bday: string[]; anniversary: string[]; labelled_dates: string[][] }[]
    >('vcard', text);
    const of = (name: string) => read.find((c) => c.fn === name);
    expect(of('Dana Kim')).toMatchObject({
      bday: ['--1211'],
      anniversary: ['20150620'],
      labelled_dates: [
        ['2019-03-01', 'anniversary'],
        ['2021-12-08', 'moved to Lisbon'],
      ],
    });
    expect(of('Lee Park')?.bday).toEqual(['19920229']);
    // And back into Kith: the same dates.
    const copy = await db().newDatabase();
    await copy.imports.contacts(utf8(text), 'kith.vcf');
    expect((await copy.people.resolve('Dana Kim')).dates.map((d) => d.on).sort()).toEqual(
      dana.dates.map((d) => d.on).sort(),
    );
  });

  it('are in the calendar: yearly ones repeating, 29 February on the month’s last day', async () => {
    const store = await db().newStore({ now: () => new Date('2026-12-07T10:00:00Z') });
    const dana = await store.people.create({
      displayName: 'Dana Kim',
      dates: [
        { kind: 'birthday', on: '--12-11' },
        { kind: 'other', label: 'launch day', on: '2027-01-15', yearly: false },
        { kind: 'other', label: 'old launch', on: '2020-01-15', yearly: false },
      ],
    });
    const leap = await store.people.create({
      displayName: 'Leap Lee',
      dates: [{ kind: 'birthday', on: '1992-02-29' }],
    });
    const events = parseIndependently<
      { uid: string; summary: string; start: string; rrule?: string }[]
    >('ics', (await store.exports.ics()).text).filter((e) => e.uid.startsWith('date-'));
    expect(events).toEqual([
      {
        uid: `date-${dana.id}-0@kith`,
        summary: "Dana Kim's birthday",
        start: '2026-12-11',
        end: '2026-12-12',
        description: '',
        rrule: 'FREQ=YEARLY',
      },
      {
        uid: `date-${dana.id}-1@kith`,
        summary: 'Dana Kim: launch day',
        start: '2027-01-15',
        end: '2027-01-16',
        description: '',
      },
      {
        uid: `date-${leap.id}-0@kith`,
        summary: "Leap Lee's birthday",
        start: '1992-02-29',
        end: '1992-03-01',
        description: '',
        // As Python's icalendar writes the rule back (its order of parts).
        rrule: 'FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2',
      },
    ]);
  });
});
