// People as CSV for a spreadsheet: one row each, lists joined with "; ", a header row, CRLF
// line ends (RFC 4180), UTF-8 with a byte-order mark so Excel reads accents right. A value
// that begins with = + - @ is prefixed with ' so no spreadsheet runs it as a formula.
import type { Person } from '../person.js';

const COLUMNS: [string, (p: Person) => string][] = [
  ['Name', (p) => p.displayName],
  ['Given name', (p) => p.givenName ?? ''],
  ['Family name', (p) => p.familyName ?? ''],
  ['Organization', (p) => p.organization?.name ?? ''],
  ['Title', (p) => p.title ?? ''],
  ['Team', (p) => p.unit ?? ''],
  ['Location', (p) => p.location ?? ''],
  ['Emails', (p) => p.emails.join('; ')],
  ['Phones', (p) => p.phones.join('; ')],
  ['LinkedIn', (p) => p.linkedin ?? ''],
  ['Links', (p) => p.links.join('; ')],
  ['Messaging', (p) => p.handles.join('; ')],
  ['Birthday', (p) => p.dates.find((d) => d.kind === 'birthday')?.on ?? ''],
  [
    'Other dates',
    (p) =>
      p.dates
        .filter((d) => d.kind !== 'birthday')
        .map((d) => `${d.label ?? d.kind} ${d.on}${d.yearly ? '' : ' (once)'}`)
        .join('; '),
  ],
  ['Tags', (p) => p.tags.join('; ')],
  ['Roles', (p) => p.roles.join('; ')],
  ['How we met', (p) => p.howWeMet ?? ''],
  ['Met on', (p) => p.metOn ?? ''],
  ['Keep in touch', (p) => cadenceText(p.cadence)],
  ['Last contact', (p) => p.lastContactAt?.slice(0, 10) ?? ''],
  ['Notes', (p) => p.notes ?? ''],
  ['Kith id', (p) => p.id],
];

function cadenceText(c: Person['cadence']): string {
  if (c.kind === 'every') return `every ${c.days} days`;
  if (c.kind === 'once') return `once, on ${c.on}`;
  return '';
}

/** One CSV field: quoted when it must be, formulas defused. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(people: Person[]): string {
  const rows = [
    COLUMNS.map(([name]) => name),
    ...people.map((p) => COLUMNS.map(([, get]) => get(p))),
  ];
  return `\ufeff${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
