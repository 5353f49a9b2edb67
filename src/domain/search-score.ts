// How well a document's fields match a query, for ranking the few candidates the index
// found: each term counts where it matches best (a whole word counts twice a word beginning),
// weighted by field. Every term must match somewhere, or the score is 0.
// Fields are search documents as made by searchDocument(): folded words joined by spaces.

export type FieldWeights<F extends string> = Record<F, number>;

/** Person fields, as indexed: name weighs most, notes least. */
export const PERSON_FIELD_WEIGHTS = { name: 10, tags: 6, work: 4, notes: 1 } as const;

export function scoreFields<F extends string>(
  fields: NoInfer<Partial<Record<F, string>>>,
  weights: FieldWeights<F>,
  terms: string[],
): number {
  if (terms.length === 0) return 0;
  const lists = (Object.keys(weights) as F[]).map((field) => ({
    weight: weights[field],
    words: (fields[field] ?? '').split(' '),
  }));
  let total = 0;
  for (const term of terms) {
    let best = 0;
    for (const { weight, words } of lists) {
      if (2 * weight <= best) continue;
      for (const w of words) {
        const value = w === term ? 2 * weight : w.startsWith(term) ? weight : 0;
        if (value > best) best = value;
      }
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** A person the index found: the fields of their document, and their place in it. */
export interface ScoredCandidate {
  id: string;
  /** Larger (as text) for a person who came into the index later. */
  order: string;
  name: string;
  tags: string;
  work: string;
  notes: string;
}

/**
 * The best `limit` people for these terms: by score (every term must match), then the newer
 * first — the same order on both databases, whatever order their index found them in.
 */
export function rankPeople(
  candidates: readonly ScoredCandidate[],
  terms: string[],
  limit: number,
): { id: string; score: number }[] {
  return candidates
    .map((c) => ({ id: c.id, order: c.order, score: scoreFields(c, PERSON_FIELD_WEIGHTS, terms) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || (a.order < b.order ? 1 : a.order > b.order ? -1 : 0))
    .slice(0, limit)
    .map(({ id, score }) => ({ id, score }));
}
