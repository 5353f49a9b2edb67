// The thread that reads a large messages.csv (see read-messages.ts): the domain's own reader,
// its answer posted back in columns (messages-wire.ts); a file it refuses comes back as the
// same KithError.
import { parentPort, workerData } from 'node:worker_threads';
import { KithError } from '../domain/errors.js';
import { readMessagesFile, type MessagesFile } from '../domain/import/linkedin-zip.js';
import { toWire } from './messages-wire.js';

try {
  parentPort?.postMessage({ read: toWire(readMessagesFile(workerData as MessagesFile)) });
} catch (error) {
  if (!(error instanceof KithError)) throw error;
  parentPort?.postMessage({ refused: error.toJSON() });
}
