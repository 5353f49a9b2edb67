// Reading messages.csv on another thread gives what reading it here gives, refusals included.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { KithError } from '../../src/domain/errors.js';
import { readMessagesFile } from '../../src/domain/import/linkedin-zip.js';
import { fromWire, toWire } from '../../src/store/messages-wire.js';
import { readMessagesSoon } from '../../src/store/read-messages.js';
import { breakPackedEntry } from '../support/zip.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n';
const ME = 'Alex Doe,https://www.linkedin.com/in/alexdoe';
const messages = (n: number) =>
  HEADER +
  Array.from({ length: n }, (_, i) => {
    const them = `Given${i % 40} Family${i % 40},https://www.linkedin.com/in/p${i % 40}`;
    const [from, to] = i % 2 ? [ME, them] : [them, ME];
    const day = String((i % 28) + 1).padStart(2, '0');
    return `c${i % 40},,${from},${to},2024-03-${day} 10:${String(i % 60).padStart(2, '0')}:00 UTC,,"Message ${i}: Zürich, “quoted”, emoji 🎉",INBOX`;
  }).join('\r\n');

describe('readMessagesSoon', () => {
  it('reads on a thread what reading here reads', async () => {
    const file = { name: 'export.zip/messages.csv', bytes: utf8(messages(2000)) };
    const here = readMessagesFile(file);
    expect(here.activities.length).toBeGreaterThan(100);
    const there = await readMessagesSoon(file, { minBytes: 0, threadOnly: true });
    expect(there).toEqual(here);
    // The bytes are still there for a reader on this thread.
    expect(file.bytes.length).toBeGreaterThan(0);
  });

  it('refuses on a thread what it refuses here, with the same words', async () => {
    const file = { name: 'messages.csv', bytes: utf8(`${HEADER}c1,,"never closed,${ME}\r\n`) };
    let here: unknown;
    try {
      readMessagesFile(file);
    } catch (error) {
      here = error;
    }
    expect(here).toBeInstanceOf(KithError);
    const there = readMessagesSoon(file, { minBytes: 0, threadOnly: true });
    await expect(there).rejects.toBeInstanceOf(KithError);
    await expect(there).rejects.toThrow((here as KithError).message);
  });

  it('unpacks on the thread a messages.csv handed over still in its archive', async () => {
    const bytes = utf8(messages(2000));
    const zip = zipSync({ 'Export/messages.csv': bytes });
    const packed = {
      name: 'export.zip/Export/messages.csv',
      zip,
      entry: 'Export/messages.csv',
      size: bytes.length,
    };
    const there = await readMessagesSoon(packed, { minBytes: 0, threadOnly: true });
    expect(there).toEqual(readMessagesFile({ name: packed.name, bytes }));
    const broken = { ...packed, zip: breakPackedEntry(zip, packed.entry) };
    await expect(readMessagesSoon(broken, { minBytes: 0, threadOnly: true })).rejects.toThrow(
      /^export\.zip\/Export\/messages\.csv: not a readable zip archive/,
    );
  });

  it('hands the answer across in columns and takes it back as it was, people shared', () => {
    const read = readMessagesFile({ name: 'messages.csv', bytes: utf8(messages(400)) });
    const wire = toWire(read);
    expect('packed' in wire).toBe(true);
    const back = fromWire(structuredClone(wire));
    expect(back).toEqual(read);
    // A conversation's days name the same person object, as the reader made them.
    const [first, second] = back.activities.filter((a) => a.key.startsWith('linkedin-message:c1:'));
    expect(first?.with[0]).toBeDefined();
    expect(first?.with[0]).toBe(second?.with[0]);
    // What is not a conversation crosses as it is.
    const invitation = {
      ...read,
      activities: [
        ...read.activities,
        {
          type: 'invitation' as const,
          direction: 'incoming' as const,
          question: 'One question?',
          source: { file: 'Invitations.csv', line: 2 },
          key: 'k',
          fingerprint: 'f',
          at: '2024-01-15T10:03:00.000Z',
          with: [{ name: 'Lena Park' }],
        },
      ],
    };
    expect(toWire(invitation)).toBe(invitation);
    expect(fromWire(structuredClone(toWire(invitation)))).toEqual(invitation);
  });

  it('reads a small file here, at once', async () => {
    const file = { name: 'messages.csv', bytes: utf8(messages(10)) };
    expect(await readMessagesSoon(file)).toEqual(readMessagesFile(file));
  });
});
