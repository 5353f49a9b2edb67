// "Who can help with X": people you know whose expertise, title, notes or insights match,
// ranked by how well they match and how strong your tie is; then people you don't know well
// yet, reached through a connector (warm paths), each with the sentence to act on.
import type { Strength } from './strength.js';

export interface Expert {
  id: string;
  name: string;
  /** The search's rank order (0 = best match). */
  rank: number;
  /** What matched, in words: "knows about taxes", "Tax advisor at Ledgerly". */
  matched: string;
  strength: Strength;
}

export interface DirectAnswer {
  personId: string;
  name: string;
  matched: string;
  strength: Strength;
  explanation: string;
}

/** A tie this strong or more is someone you can simply ask; weaker ones are reached through others. */
export const KNOWN_WELL = 0.3;

/**
 * Rank people you know: a better match counts most, then the tie decides —
 * score = match × (0.4 + 0.6 × strength), where match = 1 / (1 + rank / 10).
 */
export function rankExperts(experts: readonly Expert[], limit = 5): DirectAnswer[] {
  return experts
    .filter((e) => e.strength.score >= KNOWN_WELL)
    .map((e) => ({
      e,
      score: (1 / (1 + e.rank / 10)) * (0.4 + 0.6 * e.strength.score),
    }))
    .sort((a, b) => b.score - a.score || a.e.name.localeCompare(b.e.name))
    .slice(0, limit)
    .map(({ e }) => ({
      personId: e.id,
      name: e.name,
      matched: e.matched,
      strength: e.strength,
      explanation: `ask ${firstName(e.name)} — ${e.matched}; ${e.strength.explanation}`,
    }));
}

export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;
