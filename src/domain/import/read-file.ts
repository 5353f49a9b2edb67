// Which reader for which file: a zip is LinkedIn's export, a calendar or a vCard says so in
// its first line, a CSV by its header row (LinkedIn's connections, messages or invitations,
// Google, Outlook). The readers know nothing of one another nor of this file.
import { contactFormatOf, readContactsCsv, type ContactsRead } from './contacts-csv.js';
import { KithError } from '../errors.js';
import { decodeText } from './decode.js';
import { readIcalendar } from './icalendar.js';
import {
  isInvitationsHeader,
  isMessagesHeader,
  readLinkedInInvitations,
  readLinkedInMessages,
} from './linkedin-activity.js';
import { isZip, readLinkedInZip } from './linkedin-zip.js';
import { readVcard } from './vcard.js';

export interface ReadOptions {
  /** What counts as past and future in a calendar; now unless said. */
  now?: Date;
  /** Keep the pictures vCards carry (left out and listed otherwise). */
  keepPhotos?: boolean;
  /** A calendar's recurring events: from this day, up to this one (YYYY-MM-DD). */
  recurringFrom?: string;
  recurringTo?: string;
}

/** What was asked of a file of this format that it has no use for, as the report says it. */
export function unusedOptionRemarks(
  format: string,
  options: Pick<ReadOptions, 'recurringFrom' | 'recurringTo'>,
): string[] {
  if ((!options.recurringFrom && !options.recurringTo) || format === 'icalendar') return [];
  return [
    'The days given for recurring events apply to calendars (.ics) only: this file has none.',
  ];
}

/** A CSV file of one of LinkedIn's activity kinds, read as such. */
export function readActivityCsv(text: string, file: string): ContactsRead | null {
  const lines = text.split(/\r\n|\n|\r/, 40);
  for (const line of lines) {
    if (isMessagesHeader(line))
      return { format: 'linkedin-messages', ...readLinkedInMessages(text, file) };
    if (isInvitationsHeader(line))
      return { format: 'linkedin-invitations', ...readLinkedInInvitations(text, file) };
    if (contactFormatOf(line)) return null;
  }
  return null;
}

/** A file as it arrives: its bytes, in whatever encoding the exporter chose. */
export function readContactsFile(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions = {},
): ContactsRead {
  if (isZip(bytes)) return readLinkedInZip(bytes, file);
  const { text } = decodeText(bytes);
  const calendar = calendarText(text, file);
  if (calendar !== null)
    return {
      format: 'icalendar',
      ...readIcalendar(calendar, file, {
        now: options.now ?? new Date(),
        recurringFrom: options.recurringFrom,
        recurringTo: options.recurringTo,
      }),
    };
  if (/^\s*BEGIN:VCARD/i.test(text)) return readVcard(text, file, options);
  if (CALENDAR_FILE.test(file))
    throw new KithError(
      'invalid_input',
      `${file}: not a calendar: it has no BEGIN:VCALENDAR or BEGIN:VEVENT line, which every calendar file has`,
      'file',
    );
  return readActivityCsv(text, file) ?? readContactsCsv(text, file);
}

const CALENDAR_FILE = /\.(ics|ical|icalendar|ifb)$/i;
/** A few lines of something else before the calendar (a comment, a mail header) are skipped. */
const LINES_BEFORE_A_CALENDAR = 10;

/**
 * The text to read as a calendar, or null: one that begins with BEGIN:VCALENDAR, or with
 * events and no calendar around them (RFC 5545's examples: the reader puts one around them);
 * lines of something else before it are blanked, so every line keeps its number — a few in
 * any file, any number in a file named as a calendar.
 */
export function calendarText(text: string, file: string): string | null {
  if (/^\s*BEGIN:V(CALENDAR|EVENT)/i.test(text)) return text;
  const lines = text.split(/\r\n|\n|\r/);
  const first = lines.findIndex((l) => /^BEGIN:(VCALENDAR|VEVENT)\s*$/i.test(l.trim()));
  if (first < 0 || (first >= LINES_BEFORE_A_CALENDAR && !CALENDAR_FILE.test(file))) return null;
  return [...lines.slice(0, first).map(() => ''), ...lines.slice(first)].join('\r\n');
}
