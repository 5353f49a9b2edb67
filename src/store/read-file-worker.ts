// The thread that reads a file to import (see read-file.ts): the domain's own reader.
import { readContactsFile } from '../domain/import/read-file.js';
import { answerOnThread } from './on-a-thread.js';
import type { FileToRead } from './read-off-thread.js';

answerOnThread(({ bytes, file, options }: FileToRead) => readContactsFile(bytes, file, options));
