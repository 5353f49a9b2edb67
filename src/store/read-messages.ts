// A LinkedIn export's messages.csv is most of its bytes and most of its reading (200,000
// messages: ~1.4 s). A large one is read on a worker thread while the import matches and
// writes the people, who need nothing from it; the conversations are planned once it is read.
import type { ActivityRead } from '../domain/import/linkedin-activity.js';
import {
  messagesSize,
  readMessagesFile,
  type MessagesFile,
} from '../domain/import/linkedin-zip.js';
import { fromWire } from './messages-wire.js';
import { onAThread } from './on-a-thread.js';

/** Below this a thread costs more than it saves (starting one and copying the answer back). */
export const THREAD_MIN_BYTES = 2 * 1024 * 1024;

export function readMessagesSoon(
  messages: MessagesFile,
  options: {
    minBytes?: number;
    /** Fail rather than read here when the thread cannot (tests of the thread itself). */
    threadOnly?: boolean;
  } = {},
): Promise<ActivityRead> {
  if (messagesSize(messages) < (options.minBytes ?? THREAD_MIN_BYTES))
    return new Promise((resolve) => resolve(readMessagesFile(messages)));
  // Handed the archive, the thread unpacks messages.csv itself: a few megabytes cross, not 50.
  return onAThread({
    worker: 'read-messages-worker',
    data: messages,
    here: readMessagesFile,
    fromWire,
    threadOnly: options.threadOnly,
  });
}
