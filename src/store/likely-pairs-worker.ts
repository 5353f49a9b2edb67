// The thread that compares a large workspace's people for duplicates (see likely-pairs.ts):
// the domain's own likelyPairs on the candidates it was handed.
import { likelyPairs } from '../domain/merge/duplicates.js';
import type { LikelyPairsWork } from './likely-pairs.js';
import { answerOnThread } from './on-a-thread.js';

answerOnThread(({ people, dismissed, limit }: LikelyPairsWork) =>
  likelyPairs(people, dismissed, limit),
);
