// Which reader for which file: a zip is LinkedIn's export, a calendar or a vCard says so in
// its first line, a CSV by its header row (LinkedIn's connections, messages or invitations,
// Google, Outlook). The readers know nothing of one another nor of this file.
import { contactFormatOf, readContactsCsv, type ContactsRead } from './contacts-csv.js';
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
  if (/^\s*BEGIN:VCALENDAR/i.test(text))
    return {
      format: 'icalendar',
      ...readIcalendar(text, file, {
        now: options.now ?? new Date(),
        recurringFrom: options.recurringFrom,
        recurringTo: options.recurringTo,
      }),
    };
  if (/^\s*BEGIN:VCARD/i.test(text)) return readVcard(text, file, options);
  return readActivityCsv(text, file) ?? readContactsCsv(text, file);
}
