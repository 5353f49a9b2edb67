// The thread that reads a large messages.csv (see read-messages.ts): the domain's own reader,
// its answer posted back in columns (messages-wire.ts); a file it refuses comes back as the
// same KithError.
import { readMessagesFile, type MessagesFile } from '../domain/import/linkedin-zip.js';
import { toWire } from './messages-wire.js';
import { answerOnThread } from './on-a-thread.js';

answerOnThread((messages: MessagesFile) => toWire(readMessagesFile(messages)));
