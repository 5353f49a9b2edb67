// The thread that compares a large workspace's people for duplicates (see likely-pairs.ts).
import { findLikelyPairs } from './likely-pairs.js';
import { answerOnThread } from './on-a-thread.js';

answerOnThread(findLikelyPairs);
