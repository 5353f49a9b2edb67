// The write-ahead log is copied into the database file on a thread of its own, not in the
// commit of the thread that serves.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  BackgroundCheckpoints,
  CHECKPOINT_BYTES,
} from '../../src/store/dialect/sqlite-checkpoints.js';
import { openStore } from '../../src/store/open-store.js';

let dir: string;
let file: string;
let writer: SQLite.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kith-checkpoints-'));
  file = join(dir, 'log.db');
  writer = new SQLite(file);
  writer.pragma('journal_mode = WAL');
  BackgroundCheckpoints.configure(writer);
  writer.exec('CREATE TABLE blob (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
});

afterEach(() => {
  if (writer.open) writer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `bytes` of rows in one transaction: they go to the log, not (yet) the file. */
function write(bytes: number) {
  const insert = writer.prepare('INSERT INTO blob (data) VALUES (?)');
  writer.transaction(() => {
    for (let n = 0; n < bytes; n += 64 * 1024) insert.run(Buffer.alloc(64 * 1024, n % 251));
  })();
}

const fileBytes = () => statSync(file).size;

it('copies a large log into the file on its thread; a small one waits for more', async () => {
  const checkpoints = new BackgroundCheckpoints(file);
  try {
    write(256 * 1024);
    const small = fileBytes();
    checkpoints.afterWrite();
    await checkpoints.settled();
    expect(fileBytes()).toBe(small);

    write(2 * CHECKPOINT_BYTES);
    expect(checkpoints.logBytes()).toBeGreaterThan(2 * CHECKPOINT_BYTES);
    expect(fileBytes()).toBe(small);
    checkpoints.afterWrite();
    await checkpoints.settled();
    // Everything written is in the file now, and the writer finds nothing left to copy.
    expect(fileBytes()).toBeGreaterThan(2 * CHECKPOINT_BYTES);
    const [left] = writer.pragma('wal_checkpoint(PASSIVE)') as {
      log: number;
      checkpointed: number;
    }[];
    expect(left?.checkpointed).toBe(left?.log);
    expect(
      (writer.prepare('SELECT count(*) AS n FROM blob').get() as { n: number }).n,
    ).toBeGreaterThan(128);
    expect(checkpoints.started).toBe(1);
    // The next write starts the log again and cuts it back: small writes ask for no copy.
    write(64 * 1024);
    expect(checkpoints.logBytes()).toBeLessThanOrEqual(CHECKPOINT_BYTES);
    checkpoints.afterWrite();
    await checkpoints.settled();
    expect(checkpoints.started).toBe(1);
  } finally {
    await checkpoints.close();
  }
});

it('closes with its thread: the store leaves no log behind, and nothing is lost', async () => {
  writer.close();
  rmSync(dir, { recursive: true, force: true });
  dir = mkdtempSync(join(tmpdir(), 'kith-checkpoints-'));
  const target = { kind: 'sqlite' as const, file: join(dir, 'kith.db') };
  const store = await openStore(target);
  const csv = [
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ...Array.from({ length: 8000 }, (_, i) => `Given${i},Family${i},,,Co,Role,01 Jan 2020`),
  ].join('\n');
  await store.imports.contacts(new TextEncoder().encode(csv), 'Connections.csv');
  // Large enough that the thread was asked to copy it, and may be copying as the store closes.
  expect(statSync(`${target.file}-wal`).size).toBeGreaterThan(CHECKPOINT_BYTES);
  await store.close();
  expect(existsSync(`${target.file}-wal`)).toBe(false);
  const again = await openStore(target);
  expect((await again.counts()).people).toBe(8000);
  await again.close();
});
