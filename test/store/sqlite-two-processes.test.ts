// Two processes on one SQLite file (the server, and `kith import` in a terminal): each store
// here opens its own connections, as a second process would. A write that finds the other
// writing waits for it without holding the thread, and a transaction never fails halfway
// because the other committed while it was reading.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KithError } from '../../src/domain/errors.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

let dir: string;
let file: string;
const open: Store[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kith-two-processes-'));
  file = join(dir, 'kith.db');
});

afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function storeOn(options: Parameters<typeof openStore>[1] = {}) {
  const store = await openStore({ kind: 'sqlite', file }, options);
  open.push(store);
  return store;
}

/** A promise and the function that settles it. */
function signal() {
  let settle = () => {};
  const done = new Promise<void>((resolve) => {
    settle = resolve;
  });
  return { done, settle };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const names = async (store: Store) =>
  (await store.people.list({ limit: 100 })).items.map((p) => p.displayName).sort();

/** Holds a write transaction on `store` until `release` settles. */
function holdWrite(store: Store, release: Promise<void>) {
  const begun = signal();
  const held = store.transaction(async (tx) => {
    await tx.people.create({ displayName: 'Written by the other' });
    begun.settle();
    await release;
  });
  return { begun: begun.done, held };
}

describe('SQLite: two processes on one file', () => {
  it('opens the file while the other writes, and its own write waits for the other', async () => {
    const other = await storeOn();
    await other.people.create({ displayName: 'Known before' });
    const release = signal();
    const { begun, held } = holdWrite(other, release.done);
    await begun;
    let waits = 0;
    // `kith add` while the server imports: opening must neither fail nor freeze the thread.
    const cli = await storeOn({ onBusyWait: () => (waits += 1) });
    const adding = cli.people.create({ displayName: 'Added by the CLI' });
    await sleep(50);
    expect(waits).toBe(1);
    release.settle();
    await held;
    await adding;
    expect(await names(cli)).toEqual(['Added by the CLI', 'Known before', 'Written by the other']);
  });

  it('a write waits for the other’s transaction without holding the thread, then lands', async () => {
    const other = await storeOn();
    let waits = 0;
    const server = await storeOn({ onBusyWait: () => (waits += 1) });
    const release = signal();
    const { begun, held } = holdWrite(other, release.done);
    await begun;

    let settled = false;
    const write = server.people
      .create({ displayName: 'Written by the server' })
      .finally(() => (settled = true));
    // Meanwhile the thread is free: timers run (SQLite's own wait would sleep in this thread).
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    await sleep(300);
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(10);
    expect(settled).toBe(false);
    expect(waits).toBe(1);
    // Reads are not held up.
    expect(await names(server)).toEqual([]);

    release.settle();
    await held;
    await write;
    expect(await names(server)).toEqual(['Written by the other', 'Written by the server']);
  });

  it('a transaction that reads before it writes is not failed by the other’s commit in between', async () => {
    const first = await storeOn();
    let waits = 0;
    const second = await storeOn({ onBusyWait: () => (waits += 1) });
    await first.people.create({ displayName: 'Ada' });
    const readDone = signal();
    const goOn = signal();
    // Reads, then (after the other process has tried to write) writes what it read.
    const transaction = first.transaction(async (tx) => {
      const before = await names(tx);
      readDone.settle();
      await goOn.done;
      return tx.people.create({ displayName: `After ${before.join(', ')}` });
    });
    await readDone.done;
    const write = second.people.create({ displayName: 'Bo' });
    await sleep(100);
    goOn.settle();
    // The transaction holds the file from its start: the other write waited instead of
    // committing under it (which left the transaction's snapshot stale: SQLITE_BUSY_SNAPSHOT).
    await expect(transaction).resolves.toMatchObject({ displayName: 'After Ada' });
    expect(waits).toBe(1);
    await write;
    expect(await names(first)).toEqual(['After Ada', 'Ada', 'Bo'].sort());
  });

  it('refuses a write after the wait with a message that says why, writing nothing', async () => {
    const other = await storeOn();
    const server = await storeOn({ busyWaitMs: 150 });
    const release = signal();
    const { begun, held } = holdWrite(other, release.done);
    await begun;
    const refused = await server.people.create({ displayName: 'Too late' }).catch((e) => e);
    expect(refused).toBeInstanceOf(KithError);
    expect((refused as KithError).code).toBe('busy');
    expect((refused as KithError).message).toMatch(
      /busy: another process \(a kith import\?\) has been writing to it .* Nothing was changed/,
    );
    release.settle();
    await held;
    expect(await names(server)).toEqual(['Written by the other']);
    // Once the other is done, the same write goes through.
    await server.people.create({ displayName: 'In time' });
    expect(await names(server)).toEqual(['In time', 'Written by the other']);
  });
});
