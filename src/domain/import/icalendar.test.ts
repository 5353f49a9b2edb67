import { describe, expect, it } from 'vitest';
import { calendarFile, weeklyWithPriya } from '../../../test/support/calendar.js';
import { readIcalendar } from './icalendar.js';
import { readContactsFile } from './read-file.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const cal = (...events: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kith tests//EN',
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Paris',
    'BEGIN:STANDARD',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    ...events,
    'END:VCALENDAR',
  ].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');
const ME = 'ORGANIZER;CN=Alex Doe:mailto:alex@example.com';
const PRIYA = 'ATTENDEE;CN=Priya Raman;PARTSTAT=ACCEPTED:mailto:Priya@Example.com';

describe('reading a calendar', () => {
  it('turns a past event into an interaction, in the zone the file defines', () => {
    const read = readIcalendar(
      cal(
        event(
          'UID:coffee-1',
          'DTSTAMP:20260301T000000Z',
          'DTSTART;TZID=Europe/Paris:20260310T090000',
          'DTEND;TZID=Europe/Paris:20260310T093000',
          'SUMMARY:Coffee with Priya',
          'LOCATION:Café Oberkampf',
          'DESCRIPTION:Ask about moving into data science',
          ME,
          PRIYA,
        ),
      ),
      'cal.ics',
      { now: NOW },
    );
    expect(read.errors).toEqual([]);
    expect(read.activities).toEqual([
      expect.objectContaining({
        type: 'interaction',
        kind: 'coffee',
        key: 'ics:coffee-1',
        at: '2026-03-10T08:00:00.000Z',
        summary: 'Coffee with Priya',
        notes: 'Where: Café Oberkampf\n\nAsk about moving into data science',
        with: [
          { name: 'Alex Doe', email: 'alex@example.com' },
          { name: 'Priya Raman', email: 'priya@example.com' },
        ],
        source: { file: 'cal.ics', line: 19 },
      }),
    ]);
  });

  it('turns a future event into a scheduled chat with its length', () => {
    const read = readIcalendar(
      cal(
        event(
          'UID:call-2',
          'DTSTAMP:20260301T000000Z',
          'DTSTART:20261203T150000Z',
          'DURATION:PT45M',
          'SUMMARY:Career chat',
          PRIYA,
        ),
      ),
      'cal.ics',
      { now: NOW },
    );
    expect(read.activities).toEqual([
      expect.objectContaining({
        type: 'scheduled',
        at: '2026-12-03T15:00:00.000Z',
        minutes: 45,
        summary: 'Career chat',
      }),
    ]);
  });

  it('expands a recurring event within the window, with moved and excluded occurrences', () => {
    const read = readIcalendar(
      cal(
        event(
          'UID:weekly',
          'DTSTAMP:20200101T000000Z',
          'DTSTART;TZID=Europe/Paris:20200106T100000',
          'DTEND;TZID=Europe/Paris:20200106T103000',
          'RRULE:FREQ=WEEKLY;BYDAY=MO',
          'EXDATE;TZID=Europe/Paris:20261116T100000',
          'SUMMARY:1:1 with Priya',
          ME,
          PRIYA,
        ),
        event(
          'UID:weekly',
          'DTSTAMP:20200101T000000Z',
          'RECURRENCE-ID;TZID=Europe/Paris:20261109T100000',
          'DTSTART;TZID=Europe/Paris:20261110T140000',
          'DTEND;TZID=Europe/Paris:20261110T143000',
          'SUMMARY:1:1 with Priya (moved)',
          ME,
          PRIYA,
        ),
      ),
      'cal.ics',
      { now: NOW, daysBack: 28, daysAhead: 14 },
    );
    expect(read.activities.map((a) => [a.type, a.at, 'summary' in a ? a.summary : ''])).toEqual([
      ['interaction', '2026-11-02T09:00:00.000Z', '1:1 with Priya'],
      ['interaction', '2026-11-10T13:00:00.000Z', '1:1 with Priya (moved)'],
      ['interaction', '2026-11-23T09:00:00.000Z', '1:1 with Priya'],
      ['scheduled', '2026-11-30T09:00:00.000Z', '1:1 with Priya'],
      ['scheduled', '2026-12-07T09:00:00.000Z', '1:1 with Priya'],
    ]);
    // Each occurrence is its own, stable key.
    expect(new Set(read.activities.map((a) => a.key)).size).toBe(5);
  });

  it('expands recurring events between two days when asked, and refuses a window that cannot be', () => {
    const weekly = calendarFile(weeklyWithPriya({ more: [ME] }));
    const january = readIcalendar(weekly, 'cal.ics', {
      now: NOW,
      recurringFrom: '2020-01-01',
      recurringTo: '2020-01-27',
    });
    // Every Monday of January 2020, the last day counted whole.
    expect(january.activities.map((a) => a.at)).toEqual([
      '2020-01-06T10:00:00.000Z',
      '2020-01-13T10:00:00.000Z',
      '2020-01-20T10:00:00.000Z',
      '2020-01-27T10:00:00.000Z',
    ]);
    // One end given: the other is the usual one (90 days ahead of now).
    const since2025 = readIcalendar(weekly, 'cal.ics', { now: NOW, recurringFrom: '2025-01-01' });
    expect(since2025.activities[0]?.at).toBe('2025-01-06T10:00:00.000Z');
    expect(since2025.activities.at(-1)?.at).toBe('2027-02-22T10:00:00.000Z');
    expect(() =>
      readIcalendar(weekly, 'cal.ics', { now: NOW, recurringFrom: '2020-02-30' }),
    ).toThrow('recurringFrom: must be a date as YYYY-MM-DD');
    expect(() =>
      readIcalendar(weekly, 'cal.ics', {
        now: NOW,
        recurringFrom: '2020-02-01',
        recurringTo: '2020-01-31',
      }),
    ).toThrow(/^recurringTo: recurring events would be read from 2020-02-01 to 2020-01-31/);
    // Before the file is even read.
    expect(() =>
      readIcalendar('not a calendar', 'cal.ics', { now: NOW, recurringTo: '1999-01-01' }),
    ).toThrow(/^recurringTo:/);
  });

  it('reads a zone the file names but does not define by its IANA name, and floating times as UTC', () => {
    const read = readIcalendar(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        event('UID:ny', 'DTSTART;TZID=America/New_York:20260701T090000', 'SUMMARY:Call', PRIYA),
        event('UID:float', 'DTSTART:20260702T090000', 'SUMMARY:Lunch', PRIYA),
        event('UID:day', 'DTSTART;VALUE=DATE:20260703', 'SUMMARY:Conference', PRIYA),
        'END:VCALENDAR',
      ].join('\n'),
      'cal.ics',
      { now: NOW },
    );
    expect(read.activities.map((a) => [a.at, a.type === 'interaction' ? a.kind : ''])).toEqual([
      ['2026-07-01T13:00:00.000Z', 'call'],
      ['2026-07-02T09:00:00.000Z', 'coffee'],
      ['2026-07-03T00:00:00.000Z', 'meeting'],
    ]);
  });

  it('leaves out cancelled events, those with nobody else, rooms, people who declined and crowds', () => {
    const crowd = Array.from({ length: 20 }, (_, i) => `ATTENDEE:mailto:p${i}@example.com`);
    const read = readIcalendar(
      cal(
        event('UID:c', 'DTSTART:20260101T100000Z', 'STATUS:CANCELLED', 'SUMMARY:Off', PRIYA),
        event('UID:a', 'DTSTART:20260101T100000Z', 'SUMMARY:Focus time'),
        event(
          'UID:r',
          'DTSTART:20260101T100000Z',
          'SUMMARY:Room only',
          'ATTENDEE;CUTYPE=ROOM;CN=Room 4:mailto:room4@example.com',
          'ATTENDEE;PARTSTAT=DECLINED;CN=Tom:mailto:tom@example.com',
        ),
        event('UID:all', 'DTSTART:20260101T100000Z', 'SUMMARY:All hands', ...crowd),
      ),
      'cal.ics',
      { now: NOW },
    );
    expect(read.activities).toEqual([]);
    expect(read.remarks).toEqual([
      'Events left out: 1 cancelled, 2 with nobody else in them, 1 with more than 12 people.',
    ]);
  });

  it('names the file when it is not a calendar, and leaves out an event it cannot use (#25.14)', () => {
    expect(() => readIcalendar('BEGIN:VCALENDAR\nthis is not\n', 'x.ics', { now: NOW })).toThrow(
      /^x\.ics: not a readable calendar/,
    );
    const read = readIcalendar(
      cal(
        event('UID:n', 'SUMMARY:No start', PRIYA),
        event('UID:ok', 'DTSTART:20260301T100000Z', 'SUMMARY:Coffee', ME, PRIYA),
      ),
      'cal.ics',
      { now: NOW },
    );
    expect(read.errors).toEqual([]);
    expect(read.activities.map((a) => ('summary' in a ? a.summary : a.type))).toEqual(['Coffee']);
    expect(read.remarks).toEqual([
      'Events that could not be used, left out: line 19 (no start time: DTSTART is missing).',
    ]);
  });
});

describe('calendars from the wild (#25.14): each usable event imported, the rest listed', () => {
  const wild = (...lines: string[]) =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//wild//EN', ...lines, 'END:VCALENDAR', ''].join(
      '\r\n',
    );
  const chat = (uid: string, ...lines: string[]) => [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'SUMMARY:Coffee',
    ME,
    PRIYA,
    ...lines,
    'END:VEVENT',
  ];
  const read = (text: string, file = 'wild.ics') =>
    readContactsFile(new TextEncoder().encode(text), file, { now: NOW });

  it('reads RDATE periods as their starts, with the DTSTART as the first occurrence', () => {
    const r = read(
      wild(
        ...chat(
          'p',
          'DTSTART:20261101T100000Z',
          'RDATE;VALUE=PERIOD:20261105T100000Z/20261105T110000Z,20261106T100000Z/PT1H',
        ),
      ),
    );
    expect(r.errors).toEqual([]);
    expect((r.activities ?? []).map((a) => a.at)).toEqual([
      '2026-11-01T10:00:00.000Z',
      '2026-11-05T10:00:00.000Z',
      '2026-11-06T10:00:00.000Z',
    ]);
  });

  it('leaves out an event whose dates cannot be read, in words that are not the parser’s', () => {
    const r = read(
      wild(
        ...chat('bad-date', 'DTSTART:2026XX01T100000Z'),
        ...chat('bad-exdate', 'DTSTART:20261101T100000Z', 'RRULE:FREQ=DAILY;COUNT=3', 'EXDATE:x'),
        ...chat('bad-duration', 'DTSTART:20261101T100000Z', 'DURATION:PXYZ'),
        ...chat('good', 'DTSTART:20261102T100000Z'),
      ),
    );
    expect(r.errors).toEqual([]);
    expect((r.activities ?? []).map((a) => a.at)).toEqual(['2026-11-02T10:00:00.000Z']);
    expect(r.remarks).toEqual([
      'Events that could not be used, left out: line 4 (a date or time in it could not be read); line 11 (a date or time in it could not be read); line 20 (its duration could not be read).',
    ]);
    expect(JSON.stringify(r)).not.toMatch(/extract integer|not a function|toJSDate/);
  });

  it('leaves out a line that is not a property (a broken fold), and reads the rest', () => {
    const r = read(
      wild(
        ...chat(
          'apple',
          'DTSTART:20261101T100000Z',
          'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-TITLE="Café',
          'Central":geo:48.2,16.3',
        ),
      ),
    );
    expect((r.activities ?? []).map((a) => ('summary' in a ? a.summary : a.type))).toEqual([
      'Coffee',
    ]);
    expect(r.remarks).toEqual(['Lines that are not calendar properties, left out: line 10.']);
  });

  it('reads events with no calendar around them, and a calendar after a few other lines', () => {
    const bare = chat('bare', 'DTSTART:20261101T100000Z').join('\r\n');
    expect((read(bare).activities ?? []).map((a) => ('summary' in a ? a.summary : a.type))).toEqual(
      ['Coffee'],
    );
    const after = `Exported from a mail client\r\n\r\n${wild(...chat('late', 'DTSTART:20261101T100000Z'))}`;
    const r = read(after, 'export.txt');
    expect(r.format).toBe('icalendar');
    expect(r.activities?.[0]?.source.line).toBe(6);
  });

  it('says a .ics file that holds no calendar is not a calendar, not a spreadsheet', () => {
    expect(() => read('Subject,Start\r\nCoffee,2026-11-01\r\n', 'meetings.ics')).toThrow(
      'meetings.ics: not a calendar: it has no BEGIN:VCALENDAR or BEGIN:VEVENT line, which every calendar file has',
    );
  });
});

describe('calendars built to make an expander work forever', () => {
  const calendar = (...lines: string[]) =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n');
  const event = (uid: string, ...lines: string[]) => [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    ...lines,
    'SUMMARY:Chat',
    'ATTENDEE;CN=Ada Lovelace:mailto:ada@example.org',
    'END:VEVENT',
  ];
  const read = (text: string) =>
    readIcalendar(text, 'trap.ics', { now: new Date('2025-01-01T00:00:00Z') });

  it('leaves out a zone whose offset changes by the second, and reads its times as UTC', () => {
    const r = read(
      calendar(
        'BEGIN:VTIMEZONE',
        'TZID:Trap',
        'BEGIN:STANDARD',
        'DTSTART:19700101T000000',
        'TZOFFSETFROM:+0000',
        'TZOFFSETTO:+0100',
        'RRULE:FREQ=SECONDLY',
        'END:STANDARD',
        'END:VTIMEZONE',
        ...event('a', 'DTSTART;TZID=Trap:20240101T100000'),
      ),
    );
    expect(r.activities?.map((a) => a.at)).toEqual(['2024-01-01T10:00:00.000Z']);
    expect(r.remarks).toContain(
      'Time zones left out (their offsets change more often than yearly): Trap; their times were read as the IANA zone of that name, or UTC.',
    );
  });

  it('leaves out events whose rule is unreadable or recurs by the second, naming their lines', () => {
    const r = read(
      calendar(
        ...event('bad', 'DTSTART:20240105T100000Z', 'RRULE:FREQ=DAILY;BYMONTH=13 x'),
        ...Array.from({ length: 20 }, (_, i) =>
          event(`s${i}`, 'DTSTART:20000101T100000Z', 'RRULE:FREQ=SECONDLY'),
        ).flat(),
        ...event('fine', 'DTSTART:20241201T100000Z'),
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.activities?.map((a) => a.key)).toEqual(['ics:fine']);
    expect(r.remarks).toEqual([
      'Events left out: 20 recurring more often than daily.',
      'Events left out, their recurrence rule unreadable: line 6 (BYMONTH "13 X" is not a number).',
    ]);
  });
});
