// Long pure work (reading a large messages.csv, comparing 100,000 people for duplicates) done
// on a worker thread, so the server's one thread keeps answering everyone else meanwhile.
// Where a thread cannot start (a test runner that cannot load the file in one) or stops
// without an answer, the work is done here instead: the answer is the same either way.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { KithError } from '../domain/errors.js';

type Message<T> = { answer: T } | { refused: ReturnType<KithError['toJSON']> };

export interface ThreadWork<Data, Wire, Answer> {
  /** The worker module's name, beside this file (`read-messages-worker`). */
  worker: string;
  data: Data;
  /** The same work on this thread. */
  here: (data: Data) => Answer;
  /** The thread's answer as it crossed (a structured clone) made into the answer. */
  fromWire: (wire: Wire) => Answer;
  /** Fail rather than work here when the thread cannot (tests of the thread itself). */
  threadOnly?: boolean;
  /**
   * Work that a hostile file could make endless or huge (expanding a calendar): the thread is
   * stopped past this time or heap, the answer is `tooMuch`, and it is never done here instead
   * (only a thread that cannot start at all falls back to this one).
   */
  limits?: { ms: number; heapMb: number; tooMuch: () => KithError };
}

export function onAThread<Data, Wire, Answer>(
  work: ThreadWork<Data, Wire, Answer>,
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    const fallBack = (why?: unknown) => {
      if (settled) return;
      settled = true;
      if (work.threadOnly) reject(new Error(`the thread did not answer: ${String(why)}`));
      else new Promise<Answer>((done) => done(work.here(work.data))).then(resolve, reject);
    };
    let worker: Worker;
    try {
      // The data is copied, not moved: it is still needed if the thread fails.
      worker = new Worker(workerCode(work.worker), {
        eval: true,
        workerData: work.data,
        ...(work.limits
          ? {
              resourceLimits: {
                maxOldGenerationSizeMb: work.limits.heapMb,
                maxYoungGenerationSizeMb: 32,
              },
            }
          : {}),
      });
    } catch (error) {
      fallBack(error);
      return;
    }
    let started = false;
    const limits = work.limits;
    const timer = limits
      ? setTimeout(() => refuse(limits.tooMuch()), limits.ms + startAllowance(work.worker))
      : undefined;
    function refuse(error: KithError) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      reject(error);
    }
    worker.once('online', () => (started = true));
    worker.once('message', (message: Message<Wire>) => {
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if ('answer' in message) resolve(work.fromWire(message.answer));
      else {
        const { code, message: text, field, details } = message.refused;
        reject(new KithError(code, text, field, details));
      }
    });
    const stopped = (why?: unknown) => {
      clearTimeout(timer);
      // A bounded thread that ran and then died (out of its heap) is refused, not redone here.
      if (limits && started) refuse(limits.tooMuch());
      else fallBack(why);
    };
    worker.once('error', stopped);
    worker.once('exit', stopped);
  });
}

/** Run from source, a thread first loads tsx and compiles its modules: allow for that. */
const startAllowance = (worker: string) => (workerCode(worker).includes('tsx') ? 10_000 : 1_000);

/** In the worker module: do the work on the data it was handed and post the answer back. */
export function answerOnThread<Data, Wire>(work: (data: Data) => Wire): void {
  try {
    parentPort?.postMessage({ answer: work(workerData as Data) });
  } catch (error) {
    if (!(error instanceof KithError)) throw error;
    parentPort?.postMessage({ refused: error.toJSON() });
  }
}

/**
 * What the thread runs. Compiled, the worker is a .js file beside this one. Run from source
 * (tests, benchmarks, tsx) it is .ts, and a new thread has no loader for TypeScript: it
 * registers tsx's (a development dependency, as running from source is) first.
 */
function workerCode(worker: string): string {
  const fromSource = import.meta.url.endsWith('.ts');
  // By way of ../store/: the same file whether this module runs from src/store, dist/store,
  // or the CLI's bundle in dist/bin (which leaves the workers unbundled in dist/store).
  const entry = JSON.stringify(
    new URL(`../store/${worker}.${fromSource ? 'ts' : 'js'}`, import.meta.url).href,
  );
  if (!fromSource) return `import(${entry})`;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx})
    .then((tsx) => (tsx.register ?? tsx.default.register)())
    .then(() => import(${entry}))`;
}
