// Duplicates on a large workspace: comparing 100,000 people takes seconds (BENCHMARKS.md), so
// from a few thousand on the comparing is done on a worker thread and the server goes on
// answering meanwhile; a small workspace is compared here, faster than a thread starts.
import { likelyPairs, type Candidate } from '../domain/merge/duplicates.js';
import { onAThread } from './on-a-thread.js';

/** From this many people on, the comparing is done on a thread. */
export const THREAD_MIN_PEOPLE = 5000;

export interface LikelyPairsWork {
  people: Candidate[];
  dismissed: [string, string][];
  limit: number;
}

type Pairs = ReturnType<typeof likelyPairs>;

/** The work itself, here or on the thread (likely-pairs-worker.ts). */
export const findLikelyPairs = ({ people, dismissed, limit }: LikelyPairsWork): Pairs =>
  likelyPairs(people, dismissed, limit);

export function likelyPairsSoon(
  work: LikelyPairsWork,
  options: { minPeople?: number; threadOnly?: boolean } = {},
): Promise<Pairs> {
  if (work.people.length < (options.minPeople ?? THREAD_MIN_PEOPLE))
    return new Promise((resolve) => resolve(findLikelyPairs(work)));
  return onAThread({
    worker: 'likely-pairs-worker',
    data: work,
    here: findLikelyPairs,
    fromWire: (pairs: Pairs) => pairs,
    threadOnly: options.threadOnly,
  });
}
