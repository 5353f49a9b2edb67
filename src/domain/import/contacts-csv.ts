// Contacts from CSV exports: LinkedIn's Connections.csv, Google Contacts and Outlook. Each row
// becomes a person to import, with every text field repaired (mojibake, stray marks) and the
// original kept; a row that does not make a valid person is an error naming the file, the
// line and the field — and one bad row stops the whole import, so nothing half-done is kept.
import { LIST_ITEMS, linkedinSchema, personCreateSchema, type PersonCreate } from '../person.js';
import { cellsOf, readCsv } from './csv.js';
import { fileDates } from '../person-dates.js';
import { repairText } from './text-repair.js';
import type { ImportedActivity } from './activity.js';
import type { Photo } from './photo.js';

export type ContactFormat =
  | 'linkedin-connections'
  | 'linkedin-messages'
  | 'linkedin-invitations'
  | 'linkedin-export'
  | 'google-csv'
  | 'outlook-csv'
  | 'vcard'
  | 'icalendar';

/**
 * Under which name what a file said of each person is remembered: every part of LinkedIn's
 * export speaks for the same source, so an updated export compares with any earlier part.
 */
export const sourceOf = (format: ContactFormat) =>
  format.startsWith('linkedin-') ? 'linkedin-connections' : format;

export interface SourceRef {
  file: string;
  line: number;
}

export interface ImportedPerson {
  source: SourceRef;
  person: PersonCreate;
  /** Fields whose text was repaired, with what the file said. */
  repaired: { field: string; original: string }[];
  /** The card's picture, when the user asked to keep photos. */
  photo?: Photo;
  /** Values of the row that could not be used and were left out ("phone 'BusinessPhone'"). */
  leftOut?: LeftOut[];
  /** The card's UID: the address book's own name for this card, the same at every export. */
  uid?: string;
}

export interface LeftOut {
  /** What the value is: "phone", "email", "web address". */
  called: string;
  value: string;
  problem: string;
}

/** The report's sentence for each value left out: "line 12: phone “BusinessPhone” left out — not a phone number". */
export function leftOutRemarks(people: readonly ImportedPerson[]): string[] {
  return people.flatMap((p) =>
    (p.leftOut ?? []).map(
      (l) =>
        `${p.source.file} line ${p.source.line}: ${l.called} “${l.value}” left out — ${l.problem}`,
    ),
  );
}

export interface RowError extends SourceRef {
  field: string | null;
  message: string;
}

export interface ContactsRead {
  format: ContactFormat;
  people: ImportedPerson[];
  errors: RowError[];
  /** Columns the reader does not use, so the report can say they were left out. */
  ignoredColumns: string[];
  /** Files of an archive that were not read. */
  ignoredFiles?: string[];
  /** Conversations, invitations and events: what happened with whom. */
  activities?: ImportedActivity[];
  /** What the reader left out on purpose, in a sentence or two. */
  remarks?: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Dates already read: 30,000 connections were made on a few thousand days. */
const linkedinDates = new Map<string, string | undefined>();

/** "04 Sep 2023" (LinkedIn's "Connected On") as 2023-09-04; undefined when it is not one. */
export function linkedinDate(text: string): string | undefined {
  if (linkedinDates.has(text)) return linkedinDates.get(text);
  // Bounded: a hostile file of random strings empties it rather than filling the memory.
  if (linkedinDates.size >= 20_000) linkedinDates.clear();
  const date = readLinkedinDate(text);
  linkedinDates.set(text, date);
  return date;
}

function readLinkedinDate(text: string): string | undefined {
  const m = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase());
  if (month < 0) return undefined;
  const date = new Date(Date.UTC(Number(m[3]), month, Number(m[1])));
  if (date.getUTCDate() !== Number(m[1])) return undefined;
  return date.toISOString().slice(0, 10);
}

type CsvContactFormat = 'linkedin-connections' | 'google-csv' | 'outlook-csv';

/** Which export a header row belongs to. */
export function contactFormatOf(header: string): CsvContactFormat | null {
  const h = header.replace(/^\ufeff/, '');
  if (/^First Name,Last Name,URL,Email Address,Company,Position,Connected On/i.test(h))
    return 'linkedin-connections';
  if (/(^|,)"?E-mail 1 - Value"?(,|$)/.test(h)) return 'google-csv';
  if (/(^|,)"?E-mail Address"?(,|$)/.test(h) && /(^|,)"?Job Title"?(,|$)/.test(h))
    return 'outlook-csv';
  return null;
}

type Mapping = (cells: Record<string, string>, header: string[]) => Record<string, unknown>;

const list = (...values: (string | undefined)[]) =>
  values
    .flatMap((v) => (v ?? '').split(' ::: '))
    .map((v) => v.trim())
    .filter(Boolean);

const nameOf = (...parts: (string | undefined)[]) =>
  parts
    .map((p) => (p ?? '').trim())
    .filter(Boolean)
    .join(' ');

const numbered = (cells: Record<string, string>, header: string[], pattern: RegExp) =>
  list(...header.filter((h) => pattern.test(h)).map((h) => cells[h]));

const MAPPINGS: Record<CsvContactFormat, { used: RegExp; map: Mapping }> = {
  'linkedin-connections': {
    used: /^(First Name|Last Name|URL|Email Address|Company|Position|Connected On)$/,
    map: (c) => ({
      displayName: nameOf(c['First Name'], c['Last Name']),
      givenName: c['First Name'] || undefined,
      familyName: c['Last Name'] || undefined,
      linkedin: c.URL || undefined,
      emails: list(c['Email Address']),
      organization: c.Company || undefined,
      title: c.Position || undefined,
      metOn: c['Connected On'] ? (linkedinDate(c['Connected On']) ?? c['Connected On']) : undefined,
      howWeMet: 'Connected on LinkedIn',
    }),
  },
  'google-csv': {
    used: /^(First Name|Middle Name|Last Name|Nickname|Organization Name|Organization Title|Organization Department|Notes|Labels|Birthday|E-mail \d+ - Value|Phone \d+ - Value|Website \d+ - Value)$/,
    map: (c, header) => ({
      displayName: nameOf(c['First Name'], c['Middle Name'], c['Last Name']) || c.Nickname || '',
      givenName: c['First Name'] || undefined,
      familyName: c['Last Name'] || undefined,
      emails: numbered(c, header, /^E-mail \d+ - Value$/),
      phones: numbered(c, header, /^Phone \d+ - Value$/),
      links: numbered(c, header, /^Website \d+ - Value$/),
      organization: c['Organization Name'] || undefined,
      title: c['Organization Title'] || undefined,
      unit: c['Organization Department'] || undefined,
      notes: c.Notes || undefined,
      // Labels are "* myContacts ::: Mentors": the starred ones are Google's own groups.
      tags: list(c.Labels).filter((l) => !l.startsWith('* ')),
      dates: fileDates([{ kind: 'birthday', text: c.Birthday }]),
    }),
  },
  'outlook-csv': {
    used: /^(First Name|Middle Name|Last Name|Company|Department|Job Title|E-mail( \d)? Address|Business Phone|Mobile Phone|Home Phone|Web Page|Notes|Categories|Birthday|Anniversary)$/,
    map: (c) => ({
      displayName: nameOf(c['First Name'], c['Middle Name'], c['Last Name']),
      givenName: c['First Name'] || undefined,
      familyName: c['Last Name'] || undefined,
      emails: list(c['E-mail Address'], c['E-mail 2 Address'], c['E-mail 3 Address']),
      phones: list(c['Mobile Phone'], c['Business Phone'], c['Home Phone']),
      links: list(c['Web Page']),
      organization: c.Company || undefined,
      title: c['Job Title'] || undefined,
      unit: c.Department || undefined,
      notes: c.Notes || undefined,
      tags: (c.Categories ?? '')
        .split(/[;,]/)
        .map((t) => t.trim())
        .filter(Boolean),
      dates: fileDates([
        { kind: 'birthday', text: c.Birthday },
        { kind: 'anniversary', text: c.Anniversary },
      ]),
    }),
  },
};

/** Repair every string (and string in a list) of a row's fields, noting what changed. */
export function repairFields(fields: Record<string, unknown>): {
  fields: Record<string, unknown>;
  repaired: ImportedPerson['repaired'];
} {
  const repaired: ImportedPerson['repaired'] = [];
  const fix = (field: string, value: string) => {
    const r = repairText(value);
    if (r.changed) repaired.push({ field, original: value });
    return r.text;
  };
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === 'string') out[field] = fix(field, value);
    else if (Array.isArray(value))
      out[field] = value.map((v, i) => (typeof v === 'string' ? fix(`${field}.${i}`, v) : v));
    else out[field] = value;
  }
  return { fields: out, repaired };
}

/**
 * A person to import from the fields a reader found: text repaired, lists without repeats,
 * checked by the same schema as every other door; or the error naming file, line and field.
 */
export function importedPerson(
  found: Record<string, unknown>,
  source: SourceRef,
): ImportedPerson | RowError {
  const { fields, repaired } = repairFields(found);
  // Lists from a file may hold the same address twice; that is not the row's fault.
  for (const key of ['emails', 'phones', 'links', 'tags']) {
    const value = fields[key];
    if (Array.isArray(value)) fields[key] = [...new Set(value)];
  }
  // A value that cannot be used in an otherwise good row is left out and said, not the row.
  const leftOut: LeftOut[] = [];
  for (const [key, item] of Object.entries(LIST_ITEMS)) {
    const value = fields[key];
    if (!Array.isArray(value)) continue;
    fields[key] = value.filter((v) => {
      if (item.schema.safeParse(v).success) return true;
      leftOut.push({ called: item.called, value: String(v).slice(0, 200), problem: item.problem });
      return false;
    });
  }
  if (typeof fields.linkedin === 'string' && !linkedinSchema.safeParse(fields.linkedin).success) {
    leftOut.push({
      called: 'LinkedIn address',
      value: fields.linkedin.slice(0, 200),
      problem: 'not a linkedin.com profile address',
    });
    delete fields.linkedin;
  }
  const parsed = personCreateSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || null;
    return { ...source, field, message: `${field ?? 'row'}: ${issue?.message ?? 'invalid'}` };
  }
  return { source, person: parsed.data, repaired, ...(leftOut.length ? { leftOut } : {}) };
}

/** Read a contacts CSV export of any of the known kinds. */
export function readContactsCsv(text: string, file: string): ContactsRead {
  let format: CsvContactFormat | null = null;
  const table = readCsv(text, file, (line) => {
    format = contactFormatOf(line);
    return format !== null;
  });
  const known = format as CsvContactFormat | null;
  if (!known) throw new Error('unreachable: readCsv found a header');
  const { used, map } = MAPPINGS[known];
  const people: ImportedPerson[] = [];
  const errors: RowError[] = [];
  for (const row of table.rows) {
    const result = importedPerson(map(cellsOf(table, row), table.header), {
      file,
      line: row.line,
    });
    if ('person' in result) people.push(result);
    else errors.push(result);
  }
  return {
    format: known,
    people,
    errors,
    ignoredColumns: table.header.filter((h) => h && !used.test(h)),
  };
}
