// Reading a file to import, off the server's thread when it can be long: a calendar's
// recurring events are expanded by rules the file writes (a 5 KB calendar can ask for
// millions of occurrences), and a large file takes a while to parse. Such reading runs on a
// thread bounded in time and memory; past either, the file is refused in words and the server
// never noticed.
import { KithError } from '../domain/errors.js';
import { type ContactsRead } from '../domain/import/contacts-csv.js';
import { readContactsFile, type ReadOptions } from '../domain/import/read-file.js';
import { decodeText } from '../domain/import/decode.js';
import { onAThread } from './on-a-thread.js';
import { THREAD_MIN_BYTES } from './read-messages.js';

/** A reading thread's heap: far above what any real export needs to be read. */
const HEAP_MB = 384;
/** Its time: a few seconds, and one more per megabyte. */
const readingMs = (bytes: number) => 5_000 + Math.ceil(bytes / (1024 * 1024)) * 1_000;

export interface FileToRead {
  bytes: Uint8Array;
  file: string;
  options: ReadOptions;
}

/** Calendars always (their work is the file's to decide), other files once they are large. */
const needsAThread = (bytes: Uint8Array) =>
  bytes.length >= THREAD_MIN_BYTES ||
  /BEGIN:VCALENDAR/i.test(decodeText(bytes.subarray(0, 1024)).text);

export function readFileSoon(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions,
): Promise<ContactsRead> {
  const here = ({ bytes, file, options }: FileToRead) => readContactsFile(bytes, file, options);
  if (!needsAThread(bytes))
    return new Promise((resolve) => resolve(here({ bytes, file, options })));
  const ms = readingMs(bytes.length);
  return onAThread({
    worker: 'read-file-worker',
    data: { bytes, file, options },
    here,
    fromWire: (read: ContactsRead) => read,
    limits: {
      ms,
      heapMb: HEAP_MB,
      tooMuch: () =>
        new KithError(
          'invalid_input',
          `${file}: reading it asks for more than Kith gives one file (${Math.round(ms / 1000)} s, ${HEAP_MB} MB): a calendar whose recurring events never end, most likely. Nothing was imported.`,
          'file',
        ),
    },
  });
}
