// Hostile and damaged files of every format Kith imports, generated from a seed: the same seed
// gives the same files. Used by the fuzz test (a few hundred) and `npm run bench:fuzz` (a few
// thousand). Each is a mutation of a sound file or a known trap (recurrence rules without end,
// zones that change by the second, archives whose headers lie, text with NUL bytes).
import { zipSync } from 'fflate';
import { fixture } from './fixtures.js';

export interface HostileFile {
  name: string;
  bytes: Uint8Array;
  /** What was done to it, to name a failure. */
  how: string;
}

/** A small, fast, seeded generator (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

const utf8 = (text: string) => new TextEncoder().encode(text);
const crlf = (lines: string[]) => utf8(`${lines.join('\r\n')}\r\n`);

/** Byte-level damage: flips, cuts, insertions, repeats. */
function mutate(r: Random, bytes: Uint8Array): { bytes: Uint8Array; how: string } {
  const out = Array.from(bytes);
  const kind = r.pick(['flip', 'cut', 'insert', 'repeat', 'nul', 'invalid-utf8'] as const);
  const times = 1 + r.int(8);
  for (let i = 0; i < times && out.length > 0; i++) {
    const at = r.int(out.length);
    if (kind === 'flip') out[at] = r.int(256);
    else if (kind === 'cut') out.splice(at, r.int(64));
    else if (kind === 'insert')
      out.splice(at, 0, ...Array.from({ length: r.int(32) }, () => r.int(256)));
    else if (kind === 'repeat') out.splice(at, 0, ...out.slice(at, at + r.int(200)));
    else if (kind === 'nul') out.splice(at, 0, 0);
    else out.splice(at, 0, 0xc3, 0x28, 0xff);
  }
  return { bytes: Uint8Array.from(out), how: `${kind} x${times}` };
}

const SOUND = [
  'linkedin/Connections.csv',
  'google-csv/contacts.csv',
  'vcard/iphone-3.0.vcf',
  'vcard/android-2.1.vcf',
  'vcard/outlook-2.1.vcf',
  'vcard/thunderbird-4.0.vcf',
  'icalendar/recurring-series.ics',
  'icalendar/zones-and-guests.ics',
  'icalendar/outlook-invite.ics',
] as const;

function event(r: Random, i: number, rule: string, zone = ''): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:fuzz-${i}`,
    `DTSTART${zone ? `;TZID=${zone}` : ''}:20${10 + r.int(15)}0${1 + r.int(8)}1${r.int(9)}T100000${zone ? '' : 'Z'}`,
    ...(rule ? [`RRULE:${rule}`] : []),
    'SUMMARY:Chat',
    `ATTENDEE;CN=Guest ${i}:mailto:guest${i}@example.org`,
    'END:VEVENT',
  ];
}

const RULES = [
  'FREQ=SECONDLY',
  'FREQ=MINUTELY;INTERVAL=1',
  'FREQ=HOURLY',
  'FREQ=DAILY;BYMONTH=13 x',
  'FREQ=DAILY;BYMONTH=13',
  'FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,30',
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=5',
  'FREQ=WEEKLY;BYDAY=MO, TU',
  'FREQ=MONTHLY;INTERVAL=0',
  'FREQ=DAILY;COUNT=99999999999',
  'FREQ=YEARLY;BYWEEKNO=60',
  'RSCALE=CHINESE;FREQ=YEARLY',
  'FREQ=DAILY;UNTIL=19000101',
  'FREQ=',
  '',
];

/** Calendars built to make an expander work forever or to break a reader. */
function trapCalendar(r: Random, i: number): HostileFile {
  const kind = r.pick(['zone', 'rules', 'no-start', 'period', 'nesting', 'many'] as const);
  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0'];
  if (kind === 'zone') {
    const freq = r.pick(['SECONDLY', 'MINUTELY', 'DAILY;BYHOUR=0,1,2,3', 'YEARLY;BYSECOND=0,1,2']);
    return {
      name: `zone-${i}.ics`,
      how: `VTIMEZONE rule FREQ=${freq}`,
      bytes: crlf([
        ...head,
        'BEGIN:VTIMEZONE',
        'TZID:Trap',
        'BEGIN:STANDARD',
        'DTSTART:19700101T000000',
        'TZOFFSETFROM:+0000',
        'TZOFFSETTO:+0100',
        `RRULE:FREQ=${freq}`,
        'END:STANDARD',
        'END:VTIMEZONE',
        ...event(r, i, '', 'Trap'),
        'END:VCALENDAR',
      ]),
    };
  }
  if (kind === 'rules') {
    const rules = Array.from({ length: 1 + r.int(20) }, () => r.pick(RULES));
    return {
      name: `rules-${i}.ics`,
      how: `rules ${rules.join(' | ')}`,
      bytes: crlf([...head, ...rules.flatMap((rule, k) => event(r, k, rule)), 'END:VCALENDAR']),
    };
  }
  if (kind === 'no-start') {
    const lines = event(r, i, '').filter((l) => !l.startsWith('DTSTART'));
    return {
      name: `nostart-${i}.ics`,
      how: 'event without DTSTART',
      bytes: crlf([...head, ...lines, 'END:VCALENDAR']),
    };
  }
  if (kind === 'period') {
    const lines = event(r, i, 'FREQ=WEEKLY;COUNT=3');
    lines.splice(
      3,
      0,
      'RDATE;VALUE=PERIOD:20240101T100000Z/PT1H,20240201T100000Z/20240201T110000Z',
    );
    return {
      name: `period-${i}.ics`,
      how: 'RDATE PERIOD',
      bytes: crlf([...head, ...lines, 'END:VCALENDAR']),
    };
  }
  if (kind === 'nesting') {
    const depth = 50 + r.int(2000);
    return {
      name: `deep-${i}.ics`,
      how: `${depth} nested components`,
      bytes: crlf([
        ...head,
        ...Array.from({ length: depth }, () => 'BEGIN:X-DEEP'),
        ...Array.from({ length: depth }, () => 'END:X-DEEP'),
        'END:VCALENDAR',
      ]),
    };
  }
  const count = 50 + r.int(400);
  return {
    name: `many-${i}.ics`,
    how: `${count} daily events`,
    bytes: crlf([
      ...head,
      ...Array.from({ length: count }, (_, k) => event(r, k, 'FREQ=DAILY')).flat(),
      'END:VCALENDAR',
    ]),
  };
}

/** Little-endian fields of a zip's headers, rewritten to lie. */
function lyingZip(r: Random, i: number): HostileFile {
  const zip = zipSync({
    'Connections.csv': fixture('linkedin/Connections.csv'),
    'messages.csv': utf8(
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n' +
        'c1,,Grace Hopper,https://www.linkedin.com/in/grace-hopper-example,Me,,2024-03-05 09:12:44 UTC,,Hello,INBOX\n',
    ),
  });
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const lie = r.pick(['size', 'method', 'offset', 'count', 'name-length', 'bomb-size'] as const);
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50 || sig === 0x02014b50) {
      const central = sig === 0x02014b50;
      if (lie === 'size') view.setUint32(at + (central ? 24 : 22), r.int(2 ** 31), true);
      if (lie === 'bomb-size') view.setUint32(at + (central ? 24 : 22), 0xffffffff, true);
      if (lie === 'method')
        view.setUint16(at + (central ? 10 : 8), r.pick([0, 1, 9, 12, 14, 99]), true);
      if (lie === 'name-length') view.setUint16(at + (central ? 28 : 26), r.int(65536), true);
      if (lie === 'offset' && central) view.setUint32(at + 42, r.int(out.length * 2), true);
    }
    if (sig === 0x06054b50 && lie === 'count') view.setUint16(at + 10, r.int(65536), true);
  }
  return { name: `export-${i}.zip`, how: `zip headers lie: ${lie}`, bytes: out };
}

/** A file of the format's header with rows of noise: quotes, huge fields, many columns. */
function noisyCsv(r: Random, i: number): HostileFile {
  const header = r.pick([
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    'First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Labels',
    'First Name,Last Name,E-mail Address,Job Title,Company,Business Phone',
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
  ]);
  const cell = () =>
    r.pick([
      '"a"b',
      '"unclosed',
      'x'.repeat(r.int(100_000)),
      'a\u0000b',
      '=cmd|" /C calc"!A0',
      '😀'.repeat(r.int(50)),
      '\ud800',
      '',
      'Ada',
      '03 Jan 2019',
      'not-an-email@',
      'BusinessPhone',
    ]);
  const rows = Array.from({ length: 1 + r.int(50) }, () =>
    Array.from({ length: 1 + r.int(40) }, cell).join(','),
  );
  return {
    name: `noise-${i}.csv`,
    how: 'noisy csv rows',
    bytes: utf8([header, ...rows].join('\n')),
  };
}

function noisyVcard(r: Random, i: number): HostileFile {
  const line = () =>
    r.pick([
      'FN:',
      'FN;ENCODING=QUOTED-PRINTABLE:=XX=YY=',
      'EMAIL:BusinessPhone',
      'TEL:not a number',
      'PHOTO;ENCODING=b;TYPE=JPEG:' + 'A'.repeat(r.int(200_000)),
      'BEGIN:VCARD',
      'N:' + ';'.repeat(r.int(1000)),
      'item1.X-ABLabel:' + '\u0000',
      'BDAY:99999999',
      'ORG:' + 'x'.repeat(r.int(50_000)),
    ]);
  const cards = Array.from({ length: 1 + r.int(5) }, () => [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Person',
    ...Array.from({ length: 1 + r.int(10) }, line),
    'END:VCARD',
  ]).flat();
  return { name: `noise-${i}.vcf`, how: 'noisy vCard lines', bytes: crlf(cards) };
}

function hostileBackup(r: Random, i: number): HostileFile {
  const text = r.pick([
    '{"format":"kith-backup","version":1,"workspace":{"name":"x"},"tables":{"person":[{"id":"x"}]}}',
    '{"format":"kith-backup","version":99,"tables":{}}',
    '{"format":"kith-backup","version":1,"workspace":{"name":"a\\u0000b"},"tables":{}}',
    '{"format":"kith-backup","version":1,"workspace":{"name":"x"},"tables":{"person":"nope"}}',
    '{"format":"kith-backup"' + ',"x":['.repeat(5000),
    '['.repeat(100_000),
  ]);
  return { name: `backup-${i}.json`, how: 'hostile backup', bytes: utf8(text) };
}

/** `count` hostile files from `seed`, every kind in turn. */
export function hostileFiles(seed: number, count: number): HostileFile[] {
  const r = random(seed);
  const kinds = [
    (): HostileFile => {
      const path = r.pick(SOUND);
      const { bytes, how } = mutate(r, fixture(path));
      return { name: path.split('/').pop() ?? path, bytes, how: `${path}: ${how}` };
    },
    (i: number) => trapCalendar(r, i),
    (i: number) => lyingZip(r, i),
    (i: number) => noisyCsv(r, i),
    (i: number) => noisyVcard(r, i),
    (i: number) => hostileBackup(r, i),
    (i: number): HostileFile => ({
      name: r.pick(['random.csv', 'random.vcf', 'random.ics', 'random.zip', 'random.json']),
      bytes: Uint8Array.from({ length: r.int(4096) }, () => r.int(256)),
      how: `random bytes ${i}`,
    }),
  ];
  return Array.from({ length: count }, (_, i) =>
    (kinds[i % kinds.length] as (i: number) => HostileFile)(i),
  );
}
