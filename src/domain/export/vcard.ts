// People as vCard 4.0 (RFC 6350), for address books and phones: one card per person, with
// the values escaped (\\ , ; and new lines), lines folded at 75 octets without splitting a
// character, CRLF line ends, and a stable UID so a re-export updates the same cards.
import type { Person } from '../person.js';

/**
 * Escape a text value (RFC 6350 §3.4): backslash, comma and new lines always; semicolons in
 * the parts of a structured value (N, ORG), where they separate the parts.
 */
export function escapeText(value: string, structured = false): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  return structured ? escaped.replace(/;/g, '\\;') : escaped;
}

const part = (value: string) => escapeText(value, true);

/** Fold a content line into lines of at most 75 octets, continuing with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A picture to put in a card: its type and its bytes as base64. */
export interface CardPhoto {
  mime: string;
  data: string;
}

function card(person: Person, photo?: CardPhoto): string[] {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:urn:uuid:${person.id}`,
    `FN:${escapeText(person.displayName)}`,
    `N:${part(person.familyName ?? '')};${part(person.givenName ?? '')};;;`,
  ];
  if (person.organization)
    lines.push(
      `ORG:${part(person.organization.name)}${person.unit ? `;${part(person.unit)}` : ''}`,
    );
  if (person.title) lines.push(`TITLE:${escapeText(person.title)}`);
  person.emails.forEach((e, i) => lines.push(`EMAIL${i === 0 ? ';PREF=1' : ''}:${escapeText(e)}`));
  person.phones.forEach((p, i) =>
    lines.push(`TEL;VALUE=text${i === 0 ? ';PREF=1' : ''}:${escapeText(p)}`),
  );
  if (person.linkedin) lines.push(`URL;TYPE=linkedin:${person.linkedin}`);
  for (const link of person.links) lines.push(`URL:${link}`);
  if (person.location) lines.push(`ADR;LABEL="${person.location.replace(/["\\]/g, '')}":;;;;;;`);
  if (person.tags.length)
    lines.push(`CATEGORIES:${person.tags.map((t) => escapeText(t)).join(',')}`);
  lines.push(...datesOfPerson(person.dates));
  if (person.notes) lines.push(`NOTE:${escapeText(person.notes)}`);
  if (photo) lines.push(`PHOTO:data:${photo.mime};base64,${photo.data}`);
  lines.push(`REV:${person.updatedAt.replace(/[-:]/g, '').replace(/\.\d+/, '')}`);
  lines.push('END:VCARD');
  return lines;
}

/** vCard 4.0 writes a day as 19861211, or --1211 without the year. */
const cardDay = (on: string) => on.replace(/-/g, '').replace(/^(\d{4})$/, '--$1');

/**
 * A birthday as BDAY, the first anniversary as ANNIVERSARY, and every other date as Apple's
 * labelled date (itemN.X-ABDATE with its itemN.X-ABLabel), which phones and Kith read back.
 */
function datesOfPerson(dates: Person['dates']): string[] {
  const lines: string[] = [];
  const birthday = dates.find((d) => d.kind === 'birthday');
  if (birthday) lines.push(`BDAY:${cardDay(birthday.on)}`);
  const anniversary = dates.find((d) => d.kind === 'anniversary' && !d.label);
  if (anniversary) lines.push(`ANNIVERSARY:${cardDay(anniversary.on)}`);
  dates
    .filter((d) => d !== birthday && d !== anniversary)
    .forEach((d, i) => {
      lines.push(
        `item${i + 1}.X-ABDATE:${d.on}`,
        `item${i + 1}.X-ABLabel:${escapeText(d.label ?? 'anniversary')}`,
      );
    });
  return lines;
}

/** Every person as one vCard 4.0 file. */
export function toVcard(
  people: readonly Person[],
  photos: ReadonlyMap<string, CardPhoto> = new Map(),
): string {
  return (
    people
      .flatMap((p) => card(p, photos.get(p.id)))
      .map(foldLine)
      .join('\r\n') + (people.length ? '\r\n' : '')
  );
}
