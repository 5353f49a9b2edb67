// Copying SQLite's write-ahead log into the database file (a checkpoint). SQLite does it inside
// the commit that takes the log past 1,000 pages, on the thread that commits: after a large
// import that is ~0.8 s with the event loop held, after the import's own work. Here the writer
// never checkpoints by itself (wal_autocheckpoint = 0): after a write, when the log has grown
// past CHECKPOINT_BYTES, a connection on a thread of its own copies it (PASSIVE: it never waits
// for, nor holds up, the writer or the readers). Once copied, the writer's next transaction
// starts the log again from its beginning and cuts the file back to CHECKPOINT_BYTES
// (journal_size_limit), so a log that has grown once does not stay large, nor ask for a copy
// after every write. Closing waits for a running checkpoint; the writer, closed last,
// checkpoints what is left and removes the log.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** SQLite's own threshold: 1,000 pages of 4 KiB. */
export const CHECKPOINT_BYTES = 4 * 1024 * 1024;

/** The thread: one connection, one PASSIVE checkpoint per message, closed on "close". */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ done: db.pragma('wal_checkpoint(PASSIVE)')[0] });
  } catch (error) {
    parentPort.postMessage({ failed: String(error) });
  }
});`;

export class BackgroundCheckpoints {
  /** The writer's settings that hand its checkpoints to this class. */
  static configure(writer: { pragma(source: string): unknown }): void {
    writer.pragma('wal_autocheckpoint = 0');
    writer.pragma(`journal_size_limit = ${CHECKPOINT_BYTES}`);
  }

  #started = 0;
  #worker: Worker | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;

  constructor(private readonly file: string) {}

  /** Checkpoints started so far. */
  get started(): number {
    return this.#started;
  }

  /** The log's size now (0 when there is none). */
  logBytes(): number {
    try {
      return statSync(`${this.file}-wal`).size;
    } catch {
      return 0;
    }
  }

  /** After a write: a checkpoint on the thread if the log is large and none is running. */
  afterWrite(): void {
    if (this.#closed || this.logBytes() <= CHECKPOINT_BYTES) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#checkpoint().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.afterWrite();
      }
    });
  }

  /** Resolves when no checkpoint is running. */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.settled();
    const worker = this.#worker;
    this.#worker = null;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Kept alive until it has closed its connection: the writer must be the last to close.
    worker.ref();
    worker.postMessage('close');
    await exited;
  }

  #checkpoint(): Promise<void> {
    this.#started += 1;
    const worker = (this.#worker ??= this.#start());
    return new Promise((resolve) => {
      // Done or failed (the file busy past the timeout: tried again after the next write; the
      // writer's close copies whatever is left in any case).
      const answered = () => {
        worker.off('error', died);
        worker.unref();
        resolve();
      };
      // A thread that died is started again for the next checkpoint.
      const died = () => {
        worker.off('message', answered);
        this.#worker = null;
        resolve();
      };
      worker.once('message', answered);
      worker.once('error', died);
      // Kept alive while it copies: a process that ends meanwhile waits for it (close()).
      worker.ref();
      worker.postMessage('checkpoint');
    });
  }

  #start(): Worker {
    const module = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(THREAD, { eval: true, workerData: { module, file: this.file } });
    // Between checkpoints it only waits: it must not keep alive a process with nothing to do.
    worker.unref();
    return worker;
  }
}
