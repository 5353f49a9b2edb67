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

/** Far above any real export's file (30,000 connections are ~3 MB; 200,000 messages ~60 MB). */
const MAX_UNPACKED = 500 * 1024 * 1024;

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

/** messages.csv as it came out of the archive. */
export interface MessagesFile {
  name: string;
  bytes: Uint8Array;
}

export function readLinkedInZip(bytes: Uint8Array, file: string): ContactsRead {
  const parts = readLinkedInParts(bytes, file);
  return combineLinkedInParts(parts, parts.messages && readMessagesFile(parts.messages));
}

/** messages.csv read: its conversations, by day. */
export const readMessagesFile = (messages: MessagesFile): ActivityRead =>
  readLinkedInMessages(decodeText(messages.bytes).text, messages.name);

export function readLinkedInParts(
  bytes: Uint8Array,
  file: string,
  options: {
    /** Given messages.csv as soon as it is unpacked, before the other files are read. */
    onMessages?: (messages: MessagesFile) => void;
  } = {},
): LinkedInParts {
  const others: string[] = [];
  let tooLarge: string | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name.endsWith('/')) return false;
        if (!READ.includes(baseName(entry.name))) {
          others.push(entry.name);
          return false;
        }
        if (entry.originalSize > MAX_UNPACKED) {
          tooLarge = entry.name;
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    throw new KithError(
      'invalid_input',
      `${file}: not a readable zip archive (${(error as Error).message})`,
      'file',
    );
  }
  if (tooLarge) {
    throw new KithError(
      'invalid_input',
      `${file}: ${tooLarge as string} is too large to be an export`,
      'file',
    );
  }
  // One of each: a second Connections.csv deeper in the archive is not LinkedIn's.
  const found = new Map<string, [string, Uint8Array]>();
  for (const [name, content] of Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))) {
    const base = baseName(name);
    if (found.has(base)) others.push(name);
    else found.set(base, [name, content]);
  }
  if (found.size === 0) {
    throw new KithError(
      'invalid_input',
      `${file}: no Connections.csv, messages.csv or Invitations.csv in this archive (it holds ${others.length ? others.slice(0, 5).join(', ') : 'nothing'})`,
      'file',
    );
  }
  const text = (base: string) => {
    const entry = found.get(base);
    return entry ? { name: `${file}/${entry[0]}`, text: decodeText(entry[1]).text } : null;
  };
  const entry = found.get('messages.csv');
  const messages = entry ? { name: `${file}/${entry[0]}`, bytes: entry[1] } : null;
  if (messages) options.onMessages?.(messages);
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
