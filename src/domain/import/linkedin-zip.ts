// LinkedIn's data export as it is downloaded: one .zip. Kith reads its Connections.csv (in
// whatever folder the export puts it); the other files are listed as left out — messages and
// invitations among them until Kith reads those too. Only the file Kith reads is unpacked,
// and only up to a size no real export reaches, so a hostile archive cannot fill the memory.
import { unzipSync } from 'fflate';
import { KithError } from '../errors.js';
import { readContactsCsv, type ContactsRead } from './contacts-csv.js';
import { decodeText } from './decode.js';

/** Far above any real Connections.csv (30,000 connections are ~3 MB). */
const MAX_UNPACKED = 200 * 1024 * 1024;

const baseName = (path: string) => path.split('/').pop() ?? path;

export const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export function readLinkedInZip(bytes: Uint8Array, file: string): ContactsRead {
  const others: string[] = [];
  let tooLarge: string | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name.endsWith('/')) return false;
        if (baseName(entry.name).toLowerCase() !== 'connections.csv') {
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
  const [name, content] = Object.entries(entries)[0] ?? [];
  if (!name || !content) {
    throw new KithError(
      'invalid_input',
      `${file}: no Connections.csv in this archive (it holds ${others.length ? others.slice(0, 5).join(', ') : 'nothing'})`,
      'file',
    );
  }
  const read = readContactsCsv(decodeText(content).text, `${file}/${name}`);
  return { ...read, ignoredFiles: others.sort() };
}
