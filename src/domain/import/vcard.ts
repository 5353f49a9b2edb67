// Contacts from vCard files — 2.1 (old phones and Outlook), 3.0 (Apple, Google) and 4.0 — read
// with ical.js. ical.js reads 3.0 and 4.0; what 2.1 allows and they do not is rewritten first,
// card by card: quoted-printable values (with their soft line breaks and CHARSET) are decoded,
// bare parameters (TEL;CELL;PREF) get their TYPE=, and embedded photos are left out (Kith keeps
// no pictures; the report says so). Every card becomes a person to import, its text repaired;
// a card that cannot be read, or makes no valid person, is an error naming file and line.
import ICAL from 'ical.js';
import { KithError } from '../errors.js';
import type { ContactsRead, ImportedPerson, RowError } from './contacts-csv.js';
import { importedPerson } from './contacts-csv.js';
import { MAX_PHOTO_BYTES, photoOfLine, type Photo } from './photo.js';
import { fileDates } from '../person-dates.js';

interface RawCard {
  line: number;
  lines: string[];
}

/** Split the file into cards, each with the line its BEGIN:VCARD is on. */
function cardsOf(text: string, file: string): RawCard[] {
  const cards: RawCard[] = [];
  let current: RawCard | null = null;
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (current)
        throw new KithError(
          'invalid_input',
          `${file}: line ${i + 1}: a card begins inside another (line ${current.line})`,
          'file',
        );
      current = { line: i + 1, lines: [] };
    } else if (upper === 'END:VCARD') {
      if (!current)
        throw new KithError(
          'invalid_input',
          `${file}: line ${i + 1}: END:VCARD without BEGIN:VCARD`,
          'file',
        );
      cards.push(current);
      current = null;
    } else if (current) current.lines.push(line);
  });
  const open = current as RawCard | null;
  if (open)
    throw new KithError(
      'invalid_input',
      `${file}: line ${open.line}: the card never ends (no END:VCARD)`,
      'file',
    );
  return cards;
}

const QP = /ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE[;:]/i;

/** Join folded lines: a leading space or tab continues a line; so does a QP line ending in "=". */
function unfold(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    if (previous !== undefined && /^[ \t]/.test(line))
      out[out.length - 1] = previous + line.slice(1);
    else if (
      previous !== undefined &&
      QP.test(previous.split(':')[0] ?? '') &&
      previous.endsWith('=')
    )
      out[out.length - 1] = previous.slice(0, -1) + line;
    else out.push(line);
  }
  return out;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i] ?? '';
    const hex = value.slice(i + 1, i + 3);
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else for (const b of new TextEncoder().encode(c)) bytes.push(b);
  }
  try {
    return new TextDecoder(charset).decode(Uint8Array.from(bytes));
  } catch {
    // A charset the platform does not know: UTF-8 is what such files almost always hold.
    return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
  }
}

/** One content line in 3.0 form, or null for a line to leave out (photos, logos, sounds). */
function modernize(line: string): string | null {
  const colon = line.indexOf(':');
  if (colon < 0) return line;
  const head = line.slice(0, colon);
  let value = line.slice(colon + 1);
  const [nameWithGroup = '', ...params] = head.split(';');
  const name = nameWithGroup.replace(/^[^.]*\./, '').toUpperCase();
  if (['PHOTO', 'LOGO', 'SOUND', 'KEY'].includes(name)) return null;
  let charset = 'utf-8';
  let quoted = false;
  const kept: string[] = [];
  for (const param of params) {
    const [key = '', v] = param.split('=');
    const k = key.toUpperCase();
    if (k === 'CHARSET') charset = v ?? charset;
    else if (
      (k === 'ENCODING' && (v ?? '').toUpperCase() === 'QUOTED-PRINTABLE') ||
      k === 'QUOTED-PRINTABLE'
    )
      quoted = true;
    else if (v === undefined) kept.push(`TYPE=${key}`);
    else kept.push(param);
  }
  // A decoded NUL (=00) is dropped, as decodeText drops one written as is.
  if (quoted)
    value = decodeQuotedPrintable(value, charset)
      .replace(/\r\n|\r|\n/g, '\\n')
      .replaceAll('\u0000', '');
  return [nameWithGroup, ...kept].join(';') + ':' + value;
}

/**
 * A value as text. ical.js unescapes "\\", "\," and "\n" in a card's text but leaves "\;",
 * which vCard 3.0 and 4.0 writers put before every semicolon of a note or a title.
 */
const text = (v: unknown): string =>
  (Array.isArray(v) ? v.join(' ') : v == null ? '' : String(v)).replaceAll('\\;', ';').trim();

function personFields(card: ICAL.Component): Record<string, unknown> {
  const all = (name: string) => card.getAllProperties(name).flatMap((p) => p.getValues().map(text));
  const n = card.getFirstPropertyValue('n') as unknown;
  const [family = '', given = ''] = Array.isArray(n) ? n.map(text) : [text(n)];
  const org = card.getFirstPropertyValue('org') as unknown;
  const [organization = '', unit = ''] = Array.isArray(org) ? org.map(text) : [text(org)];
  const urls = all('url').map((u) => u.replace(/\\:/g, ':'));
  const linkedin = urls.find((u) => /linkedin\.com\//i.test(u));
  const adr = card.getFirstPropertyValue('adr') as unknown;
  const place = Array.isArray(adr)
    ? [adr[3], adr[4], adr[6]].map(text).filter(Boolean).join(', ')
    : '';
  return {
    // A card may have no name at all (phones keep bare addresses): the best label it has.
    displayName:
      text(card.getFirstPropertyValue('fn')) ||
      [given, family].filter(Boolean).join(' ') ||
      text(card.getFirstPropertyValue('nickname')) ||
      organization ||
      all('email')[0] ||
      '',
    givenName: given || undefined,
    familyName: family || undefined,
    organization: organization || undefined,
    unit: unit || undefined,
    title: text(card.getFirstPropertyValue('title')) || undefined,
    emails: all('email').filter(Boolean),
    phones: all('tel')
      .map((t) => t.replace(/^tel:/i, '').replace(/;ext=/i, ' ext '))
      .filter(Boolean),
    linkedin,
    links: urls.filter((u) => u !== linkedin && /^https?:\/\//i.test(u)),
    location: place || undefined,
    notes:
      card
        .getAllProperties('note')
        .map((p) => text(p.getFirstValue()))
        .filter(Boolean)
        .join('\n\n') || undefined,
    tags: all('categories').filter((t) => t && !/^(my contacts|starred in android)$/i.test(t)),
    dates: datesOfCard(card),
  };
}

/**
 * BDAY, ANNIVERSARY (X-ANNIVERSARY in 3.0) and Apple's labelled dates (itemN.X-ABDATE with
 * its itemN.X-ABLabel); a value that is no day is left out.
 */
function datesOfCard(card: ICAL.Component) {
  // ical.js reads a date when it is asked for, and throws on one that is not: that date is
  // left out, not the card.
  const value = (p: ICAL.Property | null) => {
    try {
      return p ? String(p.getFirstValue() ?? '') : null;
    } catch {
      return null;
    }
  };
  const labels = new Map(
    card
      .getAllProperties('x-ablabel')
      .map((p) => [String(p.getParameter('group') ?? ''), text(p.getFirstValue())]),
  );
  const apple = (label: string) => /^_\$!<anniversary>!\$_$/i.test(label);
  const found = [
    { kind: 'birthday' as const, text: value(card.getFirstProperty('bday')) },
    ...['anniversary', 'x-anniversary'].flatMap((name) =>
      card.getAllProperties(name).map((p) => ({ kind: 'anniversary' as const, text: value(p) })),
    ),
    ...card.getAllProperties('x-abdate').map((p) => {
      const label = labels.get(String(p.getParameter('group') ?? '')) ?? '';
      return apple(label) || !label
        ? { kind: 'anniversary' as const, text: value(p) }
        : {
            kind: 'other' as const,
            label: label.replace(/^_\$!<(.*)>!\$_$/, '$1'),
            text: value(p),
          };
    }),
  ];
  const dates = fileDates(found);
  // One birthday, and each date once.
  return dates
    .filter((d, i) => d.kind !== 'birthday' || dates.findIndex((x) => x.kind === 'birthday') === i)
    .filter((d, i) => dates.findIndex((x) => x.on === d.on && x.kind === d.kind) === i);
}

/** Longer than this, a UID is not a name a phone gave a card: it is not used to match. */
export const MAX_UID_LENGTH = 300;

/** The card's UID, as written (a URN, a bare UUID, an Android id…), if it has a usable one. */
function cardUid(card: ICAL.Component): string | undefined {
  const value = card.getFirstPropertyValue('uid');
  const uid = typeof value === 'string' ? value.trim() : '';
  return uid && uid.length <= MAX_UID_LENGTH ? uid : undefined;
}

/** Read a .vcf file: every card in it, each a person to import (with their photo, if asked). */
export function readVcard(
  source: string,
  file: string,
  options: { keepPhotos?: boolean } = {},
): ContactsRead {
  const people: ImportedPerson[] = [];
  const errors: RowError[] = [];
  const left = new Set<string>();
  const skippedPhotos = new Map<string, number>();
  for (const raw of cardsOf(source, file)) {
    let photo: Photo | undefined;
    // Blank lines first: some exporters write CR CR LF, and a folded line must meet its head.
    const lines = unfold(raw.lines.filter((l) => l.trim() !== ''))
      .map((l) => {
        const name = (l.split(/[;:]/)[0] ?? '').replace(/^[^.]*\./, '').toUpperCase();
        if (options.keepPhotos && name === 'PHOTO' && !photo) {
          const found = photoOfLine(l);
          if ('photo' in found) photo = found.photo;
          else skippedPhotos.set(found.skipped, (skippedPhotos.get(found.skipped) ?? 0) + 1);
          return null;
        }
        const modern = modernize(l);
        if (modern === null)
          left.add((l.split(/[;:]/)[0] ?? '').replace(/^[^.]*\./, '').toUpperCase());
        return modern;
      })
      .filter((l): l is string => l !== null);
    let card: ICAL.Component;
    try {
      card = new ICAL.Component(
        ICAL.parse(['BEGIN:VCARD', ...lines, 'END:VCARD', ''].join('\r\n')) as unknown[],
      );
    } catch (error) {
      errors.push({
        file,
        line: raw.line,
        field: null,
        message: `card: ${(error as Error).message}`,
      });
      continue;
    }
    const result = importedPerson(personFields(card), { file, line: raw.line });
    const uid = cardUid(card);
    if ('person' in result)
      people.push({ ...result, ...(photo ? { photo } : {}), ...(uid ? { uid } : {}) });
    else errors.push({ ...result, message: result.message.replace(/^row:/, 'card:') });
  }
  const remarks = [...skippedPhotos].map(
    ([why, n]) =>
      `${n} ${n === 1 ? 'photo' : 'photos'} left out: ${
        why === 'remote'
          ? 'given as web addresses, which Kith never fetches'
          : why === 'too large'
            ? `larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`
            : why
      }.`,
  );
  return { format: 'vcard', people, errors, ignoredColumns: [...left].sort(), remarks };
}
