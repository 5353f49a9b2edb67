// LinkedIn's data export as it is downloaded: one .zip. Kith reads its Connections.csv,
// messages.csv and Invitations.csv (in whatever folder the export puts them; any of them may
// be missing); the other files are listed as left out. Only the files Kith reads are unpacked,
// and only up to a size no real export reaches, so a hostile archive cannot fill the memory.
import { unzipSync } from 'fflate';
import { KithError } from '../errors.js';
import { readContactsCsv, type ContactsRead } from './contacts-csv.js';
import { decodeText } from './decode.js';
import {
  readLinkedInInvitations,
  readLinkedInMessages,
  type ActivityRead,
} from './linkedin-activity.js';

/**
 * Far above any real export's file — LinkedIn caps connections at 30,000 (~3 MB); 200,000
 * messages are ~60 MB — so a small archive that unpacks to gigabytes (a zip bomb) is refused
 * from its directory, before anything is unpacked.
 */
const MAX_UNPACKED: Record<string, number> = {
  'connections.csv': 64 * 1024 * 1024,
  'invitations.csv': 64 * 1024 * 1024,
  'messages.csv': 500 * 1024 * 1024,
};

const READ = ['connections.csv', 'messages.csv', 'invitations.csv'];

const baseName = (path: string) => (path.split('/').pop() ?? path).toLowerCase();

export const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * The archive's parts, messages.csv not read yet: it is most of a large export, and a caller
 * may read it on another thread while it works on the people (see readMessagesFile).
 */
export interface LinkedInParts {
  connections: ContactsRead | null;
  messages: MessagesFile | null;
  invitations: ActivityRead | null;
  ignoredFiles: string[];
}

/**
 * messages.csv: as it came out of the archive, or still in it — then whoever reads it unpacks
 * it (a thread handed the archive unpacks its largest file itself, instead of this one
 * unpacking it and copying tens of megabytes across).
 */
export type MessagesFile =
  | { name: string; bytes: Uint8Array }
  | { name: string; zip: Uint8Array; entry: string; size: number };

/** Its size unpacked. */
export const messagesSize = (messages: MessagesFile) =>
  'bytes' in messages ? messages.bytes.length : messages.size;

const notAZip = (file: string, error: unknown) =>
  new KithError(
    'invalid_input',
    `${file}: not a readable zip archive (${(error as Error).message})`,
    'file',
  );

/** The named entries of an archive, unpacked. */
function unpack(bytes: Uint8Array, file: string, names: Set<string>): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (entry) => names.has(entry.name) });
  } catch (error) {
    throw notAZip(file, error);
  }
}

export function readLinkedInZip(bytes: Uint8Array, file: string): ContactsRead {
  const parts = readLinkedInParts(bytes, file);
  return combineLinkedInParts(parts, parts.messages && readMessagesFile(parts.messages));
}

/** messages.csv read: its conversations, by day. */
export function readMessagesFile(messages: MessagesFile): ActivityRead {
  const bytes =
    'bytes' in messages
      ? messages.bytes
      : unpack(messages.zip, messages.name, new Set([messages.entry]))[messages.entry];
  return readLinkedInMessages(decodeText(bytes ?? new Uint8Array()).text, messages.name);
}

export function readLinkedInParts(
  bytes: Uint8Array,
  file: string,
  options: {
    /**
     * Given messages.csv still packed, before the other files are unpacked and read; the
     * parts then leave it out.
     */
    onMessages?: (messages: MessagesFile) => void;
  } = {},
): LinkedInParts {
  // What the archive holds, from its directory (nothing is unpacked yet).
  const listed: { name: string; size: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        if (!entry.name.endsWith('/')) listed.push({ name: entry.name, size: entry.originalSize });
        return false;
      },
    });
  } catch (error) {
    throw notAZip(file, error);
  }
  const others: string[] = [];
  // One of each: a second Connections.csv deeper in the archive is not LinkedIn's.
  const found = new Map<string, { name: string; size: number }>();
  for (const entry of listed.sort((a, b) => a.name.localeCompare(b.name))) {
    const base = baseName(entry.name);
    if (!READ.includes(base)) others.push(entry.name);
    else if (entry.size > (MAX_UNPACKED[base] ?? 0)) {
      throw new KithError(
        'invalid_input',
        `${file}: ${entry.name} is too large to be an export`,
        'file',
      );
    } else if (found.has(base)) others.push(entry.name);
    else found.set(base, entry);
  }
  if (found.size === 0) {
    throw new KithError(
      'invalid_input',
      `${file}: no Connections.csv, messages.csv or Invitations.csv in this archive (it holds ${others.length ? others.slice(0, 5).join(', ') : 'nothing'})`,
      'file',
    );
  }
  // messages.csv goes to a caller who wants it still packed, before anything is unpacked here.
  const inArchive = found.get('messages.csv');
  const handedOver = !!inArchive && !!options.onMessages;
  if (inArchive && options.onMessages)
    options.onMessages({
      name: `${file}/${inArchive.name}`,
      zip: bytes,
      entry: inArchive.name,
      size: inArchive.size,
    });
  const entries = unpack(
    bytes,
    file,
    new Set(
      [...found]
        .filter(([base]) => base !== 'messages.csv' || !handedOver)
        .map(([, entry]) => entry.name),
    ),
  );
  const messages: MessagesFile | null =
    inArchive && !handedOver
      ? { name: `${file}/${inArchive.name}`, bytes: entries[inArchive.name] ?? new Uint8Array() }
      : null;
  const text = (base: string) => {
    const name = found.get(base)?.name;
    const content = name === undefined ? undefined : entries[name];
    return name !== undefined && content
      ? { name: `${file}/${name}`, text: decodeText(content).text }
      : null;
  };
  const connections = text('connections.csv');
  const invitations = text('invitations.csv');
  return {
    connections: connections && readContactsCsv(connections.text, connections.name),
    messages,
    invitations: invitations && readLinkedInInvitations(invitations.text, invitations.name),
    ignoredFiles: others.sort(),
  };
}

/** The whole export as read: connections, then conversations, then invitations. */
export function combineLinkedInParts(
  parts: LinkedInParts,
  messages: ActivityRead | null,
): ContactsRead {
  const read = [parts.connections, messages, parts.invitations].filter((p) => p !== null);
  return {
    format: 'linkedin-export',
    people: read.flatMap((p) => p.people),
    activities: read.flatMap((p) => ('activities' in p ? (p.activities ?? []) : [])),
    errors: read.flatMap((p) => p.errors),
    ignoredColumns: [...new Set(read.flatMap((p) => p.ignoredColumns))],
    ignoredFiles: parts.ignoredFiles,
  };
}
