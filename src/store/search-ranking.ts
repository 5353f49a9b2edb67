// Search through either dialect's index, the same way on both, so a team on PostgreSQL sees
// the order a person on SQLite sees. The index only ever answers "the newest n rows that
// match": scoring every match of a common word (bm25, ts_rank) costs hundreds of milliseconds
// on a large network.
// - People: the newest whose name holds any of the terms (a names-only index finds them at
//   once) and the newest who match every term anywhere are ranked by the field each term
//   matched in (domain/search-score.ts rankPeople), so names come first.
// - Interactions: newest first, whole words before word beginnings.
// Whole words are asked for first everywhere: they are cheap to find (a word beginning reads
// every word that begins so) and usually what was meant.
import { rankPeople } from '../domain/search-score.js';
import type { StoreContext } from './context.js';
import type { IndexedRow, SearchHitId, WordMatch } from './dialect/search-index.js';

type SearchContext = Pick<StoreContext, 'db' | 'search' | 'workspaceId'>;

const wordsThenBeginnings = (terms: string[], every: boolean): WordMatch[] => [
  { terms, every, wholeWords: true },
  { terms, every, wholeWords: false },
];

/**
 * Asks the index each match in turn until `limit` distinct rows are found, newest first within
 * each; `step` says which match found a row.
 */
async function newestFirst(
  matches: WordMatch[],
  ask: (match: WordMatch, limit: number) => Promise<IndexedRow[]>,
  limit: number,
): Promise<(IndexedRow & { step: number })[]> {
  const found: (IndexedRow & { step: number })[] = [];
  const seen = new Set<string>();
  for (const [step, match] of matches.entries()) {
    if (found.length >= limit) break;
    // A later match finds the earlier ones' rows again: ask for as many more.
    for (const row of await ask(match, limit)) {
      if (seen.has(row.id) || found.length >= limit) continue;
      seen.add(row.id);
      found.push({ ...row, step });
    }
  }
  return found;
}

/** People who match every term, best first: names, then tags and roles, then work, then notes. */
export async function searchPeople(
  ctx: SearchContext,
  terms: string[],
  limit: number,
): Promise<SearchHitId[]> {
  const candidates = Math.max(3 * limit, 60);
  const ask = (within: 'name' | 'anywhere') => (match: WordMatch, n: number) =>
    ctx.search.newestPeople(ctx.db, ctx.workspaceId, match, within, n);
  // Both at once: on PostgreSQL they go to two connections of the pool.
  const [byName, byAll] = await Promise.all([
    newestFirst(wordsThenBeginnings(terms, false), ask('name'), candidates),
    newestFirst(wordsThenBeginnings(terms, true), ask('anywhere'), candidates),
  ]);
  const found = new Map([...byName, ...byAll].map((r) => [r.id, r]));
  if (found.size === 0) return [];
  return rankPeople(await ctx.search.peopleFields(ctx.db, [...found.values()]), terms, limit);
}

/** Interactions that match every term, newest first: whole words, then word beginnings. */
export async function searchInteractions(
  ctx: SearchContext,
  terms: string[],
  limit: number,
): Promise<SearchHitId[]> {
  const matches = wordsThenBeginnings(terms, true);
  const found = await newestFirst(
    matches,
    (match, n) => ctx.search.newestInteractions(ctx.db, ctx.workspaceId, match, n),
    limit,
  );
  return found.map(({ id, step }) => ({ id, score: matches.length - step }));
}
