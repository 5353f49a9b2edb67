// "Who can help with X": people you know whose expertise, title, notes or insights match,
// ranked by how well they match and how strong your tie is; then people you don't know well
// yet, reached through a connector (warm paths), each with the sentence to act on.
import type { Strength } from './strength.js';
import { matchesAnyTerm } from '../text.js';

export interface Expert {
  id: string;
  name: string;
  /** The search's rank order (0 = best match). */
  rank: number;
  /** What matched, as words that follow "who": "works on taxes", "is Tax advisor at Ledgerly". */
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

/** A tie this strong or more is someone you can simply ask; weaker ones are also reached through others. */
export const KNOWN_WELL = 0.3;

/**
 * Rank people you know who match: those known well first, then weak ties; within each, a
 * better match counts most, then the tie — score = match × (0.4 + 0.6 × strength), where
 * match = 1 / (1 + rank / 10). Weak ties say so: a single chat is enough to ask someone who walked the path. A name is
 * given whole when another answer shares its first name ("Zoë Adams", "Zoë Baptiste").
 */
export function rankExperts(experts: readonly Expert[], limit = 5): DirectAnswer[] {
  const chosen = experts
    .map((e) => ({
      e,
      score: (1 / (1 + e.rank / 10)) * (0.4 + 0.6 * e.strength.score),
    }))
    // People known well first; weak ties after them, each by score.
    .sort(
      (a, b) =>
        Number(b.e.strength.score >= KNOWN_WELL) - Number(a.e.strength.score >= KNOWN_WELL) ||
        b.score - a.score ||
        a.e.name.localeCompare(b.e.name),
    )
    .slice(0, limit)
    .map(({ e }) => e);
  const called = callNames(chosen.map((e) => e.name));
  return chosen.map((e) => ({
    personId: e.id,
    name: e.name,
    matched: e.matched,
    strength: e.strength,
    explanation: `ask ${called(e.name)}, who ${e.matched}; ${tieWords(e.strength)}`,
  }));
}

/** The tie in words; below "known well", said plainly with why asking is still fine. */
function tieWords(strength: Strength): string {
  if (strength.label === 'none')
    return 'no chat logged with them yet, but they are in your network';
  if (strength.score >= KNOWN_WELL) return strength.explanation;
  return `a weak tie (${strength.explanation.replace(/^(weak|dormant) — /, '')}), and one chat is enough to ask`;
}

/** First names, or whole names for those whose first name another shares. */
export function callNames(names: readonly string[]): (name: string) => string {
  const counts = new Map<string, number>();
  for (const name of new Set(names))
    counts.set(firstName(name), (counts.get(firstName(name)) ?? 0) + 1);
  return (name) => ((counts.get(firstName(name)) ?? 0) > 1 ? name.trim() : firstName(name));
}

export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

export interface MatchedFields {
  title: string | null;
  organization: string | null;
  unit: string | null;
  tags: readonly string[];
  /** Where else the words were found, already cut around the match. */
  snippet: string | null;
}

/** What matched, as words that follow "who": "works on taxes", "is Tax advisor at Ledgerly". */
export function describeMatch(fields: MatchedFields, terms: string[]): string {
  const tag = fields.tags.find((t) => matchesAnyTerm(t, terms));
  if (tag) return `works on ${tag}`;
  if (fields.title && matchesAnyTerm(fields.title, terms))
    return `is ${fields.title}${fields.organization ? ` at ${fields.organization}` : ''}`;
  if (fields.unit && matchesAnyTerm(fields.unit, terms))
    return `is in ${fields.unit}${fields.organization ? ` at ${fields.organization}` : ''}`;
  if (fields.organization && matchesAnyTerm(fields.organization, terms))
    return `works at ${fields.organization}`;
  if (fields.snippet) return `is mentioned in your notes: “${fields.snippet}”`;
  return 'matches your search';
}

/** The question that asks a connector for the introduction (one specific question). */
export function introductionQuestion(connectors: string[], target: string, about: string): string {
  const [first, ...rest] = connectors;
  if (!first) return `Could we talk about ${about}?`;
  const via = rest.length ? `ask ${rest.join(', then ')} to ` : '';
  return `Would you ${via}introduce me to ${target}? I would like to ask about ${about}.`;
}
