// A LinkedIn export's messages.csv is most of its bytes and most of its reading (200,000
// messages: ~1.4 s). A large one is read on a worker thread while the import matches and
// writes the people, who need nothing from it; the conversations are planned once it is read.
// Where a thread cannot start (a test runner that cannot load this file in one), or stops
// without an answer, the file is read here instead: the answer is the same either way.
import { Worker } from 'node:worker_threads';
import { KithError, type ErrorCode } from '../domain/errors.js';
import type { ActivityRead } from '../domain/import/linkedin-activity.js';
import {
  messagesSize,
  readMessagesFile,
  type MessagesFile,
} from '../domain/import/linkedin-zip.js';
import { fromWire, type WireRead } from './messages-wire.js';

/** Below this a thread costs more than it saves (starting one and copying the answer back). */
export const THREAD_MIN_BYTES = 2 * 1024 * 1024;

type Answer =
  { read: WireRead } | { refused: { code: ErrorCode; message: string; field?: string } };

const readHere = (messages: MessagesFile): Promise<ActivityRead> =>
  new Promise((resolve) => resolve(readMessagesFile(messages)));

export function readMessagesSoon(
  messages: MessagesFile,
  options: {
    minBytes?: number;
    /** Fail rather than read here when the thread cannot (tests of the thread itself). */
    threadOnly?: boolean;
  } = {},
): Promise<ActivityRead> {
  if (messagesSize(messages) < (options.minBytes ?? THREAD_MIN_BYTES)) return readHere(messages);
  return new Promise<ActivityRead>((resolve, reject) => {
    let settled = false;
    const fallBack = (why?: unknown) => {
      if (settled) return;
      settled = true;
      if (options.threadOnly) reject(new Error(`the thread did not answer: ${String(why)}`));
      else readHere(messages).then(resolve, reject);
    };
    let worker: Worker;
    try {
      // The bytes are copied, not moved: they are still needed if the thread fails (handed
      // the archive, the thread unpacks messages.csv itself: a few megabytes cross, not 50).
      worker = new Worker(workerCode(), { eval: true, workerData: messages });
    } catch (error) {
      fallBack(error);
      return;
    }
    worker.once('message', (answer: Answer) => {
      settled = true;
      void worker.terminate();
      if ('read' in answer) resolve(fromWire(answer.read));
      else reject(new KithError(answer.refused.code, answer.refused.message, answer.refused.field));
    });
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
  });
}

/**
 * What the thread runs. Compiled, this is read-messages.js beside read-messages-worker.js. Run
 * from source (tests, benchmarks, tsx) both are .ts, and a new thread has no loader for
 * TypeScript: it registers tsx's (a development dependency, as running from source is) first.
 */
function workerCode(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = JSON.stringify(
    new URL(`./read-messages-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href,
  );
  if (!fromSource) return `import(${entry})`;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx})
    .then((tsx) => (tsx.register ?? tsx.default.register)())
    .then(() => import(${entry}))`;
}
