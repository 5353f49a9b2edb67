// Are two people one? The same email, phone or LinkedIn profile says so for certain. Else the
// names are compared — word by word, in any order, an initial standing for its word, small
// typos forgiven (Jaro–Winkler) — and the organizations weigh in: the same one raises the
// score, two different ones lower it. Pairs scoring SUGGEST_AT or more are shown to the user,
// who merges them or says they are two people; nothing is merged without asking.
//
// Merging keeps everything: the first person's values win, the second's fill what the first
// lacks, lists are joined, two different notes are both kept.
import type { PersonData } from '../person.js';
import { digits, MIN_PHONE_DIGITS } from '../import/match.js';
import { tokens } from '../text.js';

export const SUGGEST_AT = 0.8;

/** What comparing two people needs. */
export interface Candidate {
  id: string;
  name: string;
  organization: string | null;
  emails: string[];
  phones: string[];
  linkedin: string | null;
}

/** Jaro–Winkler similarity of two words, 0..1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aUsed = new Array<boolean>(a.length).fill(false);
  const bUsed = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bUsed[j] || a[i] !== b[j]) continue;
      aUsed[i] = bUsed[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let half = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aUsed[i]) continue;
    while (!bUsed[k]) k++;
    if (a[i] !== b[k]) half++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - half / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** One word against another: an initial ("P" or "P.") matches any word it begins. */
function wordScore(a: string, b: string): number {
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 0.9 : 0;
  return jaroWinkler(a, b);
}

/**
 * How alike two names are, 0..1, whatever the order of their words: each word of the shorter
 * name finds its best partner in the longer; a longer name's extra words (a middle name)
 * cost a little.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  if (x.length === 0 || y.length === 0) return 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const free = [...long];
  let total = 0;
  for (const word of short) {
    let best = -1;
    let bestScore = 0;
    free.forEach((other, i) => {
      const s = wordScore(word, other);
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    total += bestScore;
    if (best >= 0) free.splice(best, 1);
  }
  const extra = long.length - short.length;
  return (total / short.length) * Math.pow(0.95, extra);
}

/** How likely two people are one, with the reasons in words. */
export function duplicateScore(a: Candidate, b: Candidate): { score: number; reasons: string[] } {
  const email = a.emails.find((e) => b.emails.includes(e));
  if (email) return { score: 1, reasons: [`the same email, ${email}`] };
  if (a.linkedin && a.linkedin === b.linkedin)
    return { score: 1, reasons: ['the same LinkedIn profile'] };
  const phone = a.phones.find((p) => {
    const d = digits(p);
    return d.length >= MIN_PHONE_DIGITS && b.phones.some((q) => digits(q) === d);
  });
  if (phone) return { score: 1, reasons: [`the same phone number, ${phone}`] };
  const names = nameSimilarity(a.name, b.name);
  const reasons = [names === 1 ? 'the same name' : `similar names (${Math.round(names * 100)}%)`];
  let score = names;
  if (a.organization && b.organization) {
    const orgs = nameSimilarity(a.organization, b.organization);
    if (orgs >= 0.9) {
      score = Math.min(1, score + 0.1);
      reasons.push(`both at ${a.organization}`);
    } else {
      score -= 0.15;
      reasons.push(`at ${a.organization} and at ${b.organization}`);
    }
  }
  // A name is never certain: a shared email, profile or phone always ranks first.
  return { score: Math.min(0.99, Math.max(0, Math.round(score * 1000) / 1000)), reasons };
}

/** Keys that put two possibly-same people in one block, so not every pair is compared. */
export function blockingKeys(c: Candidate): string[] {
  const words = tokens(c.name);
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  return [
    ...c.emails.map((e) => `e:${e}`),
    ...(c.linkedin ? [`l:${c.linkedin}`] : []),
    ...c.phones
      .map(digits)
      .filter((d) => d.length >= MIN_PHONE_DIGITS)
      .map((d) => `p:${d}`),
    // The family name with the first letter of the given name, either way round.
    ...(words.length > 1
      ? [`n:${last}:${first[0] ?? ''}`, `n:${first}:${last[0] ?? ''}`]
      : [`n:${first}`]),
  ];
}

/** A block larger than this is a very common name; comparing all its pairs helps nobody. */
export const MAX_BLOCK = 60;

/**
 * The pairs that may be one person, most likely first: only people sharing a blocking key are
 * compared, pairs the user said are two people are left out, ties ordered by id.
 */
export function likelyPairs(
  people: readonly Candidate[],
  dismissed: readonly (readonly [string, string])[],
  limit: number,
): { a: string; b: string; score: number; reasons: string[] }[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const blocks = new Map<string, string[]>();
  for (const p of people) {
    for (const key of blockingKeys(p)) {
      const block = blocks.get(key) ?? [];
      block.push(p.id);
      blocks.set(key, block);
    }
  }
  const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const seen = new Set(dismissed.map(([x, y]) => pairKey(x, y)));
  const found: { a: string; b: string; score: number; reasons: string[] }[] = [];
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > MAX_BLOCK) continue;
    block.forEach((x, i) => {
      for (const y of block.slice(i + 1)) {
        const key = pairKey(x, y);
        const [a = '', b = ''] = x < y ? [x, y] : [y, x];
        const pa = byId.get(a);
        const pb = byId.get(b);
        if (a === b || seen.has(key) || !pa || !pb) continue;
        seen.add(key);
        const { score, reasons } = duplicateScore(pa, pb);
        if (score >= SUGGEST_AT) found.push({ a, b, score, reasons });
      }
    });
  }
  found.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0));
  return found.slice(0, limit);
}

/**
 * Whom the kept person knows after a merge: the other's ties become theirs; where both knew
 * the same person the stronger tie stays; a tie between the two is gone.
 */
export function tiesAfterMerge(
  edges: readonly { id: string; a: string; b: string; strength: number }[],
  keepId: string,
  otherId: string,
): { remove: string[]; move: { id: string; a: string; b: string }[] } {
  const peer = (e: { a: string; b: string }, of: string) => (e.a === of ? e.b : e.a);
  const kept = new Map(
    edges.filter((e) => e.a === keepId || e.b === keepId).map((e) => [peer(e, keepId), e]),
  );
  const remove: string[] = [];
  const move: { id: string; a: string; b: string }[] = [];
  for (const e of edges) {
    if (e.a !== otherId && e.b !== otherId) continue;
    const to = peer(e, otherId);
    const mine = kept.get(to);
    if (to === keepId || (mine && mine.strength >= e.strength)) remove.push(e.id);
    else {
      if (mine) remove.push(mine.id);
      move.push({ id: e.id, a: keepId, b: to });
    }
  }
  return { remove, move };
}

const union = <T>(a: T[], b: T[]): T[] => [...new Set([...a, ...b])];

/** One person out of two: the kept one's values first, the other's where it has none. */
export function mergedData(keep: PersonData, other: PersonData): PersonData {
  const pick = <T>(a: T | null, b: T | null): T | null => (a === null || a === '' ? b : a);
  const notes =
    keep.notes && other.notes && keep.notes.trim() !== other.notes.trim()
      ? `${keep.notes}\n\n${other.notes}`
      : pick(keep.notes, other.notes);
  const metOn =
    keep.metOn && other.metOn
      ? keep.metOn < other.metOn
        ? keep.metOn
        : other.metOn
      : pick(keep.metOn, other.metOn);
  return {
    displayName: keep.displayName,
    givenName: pick(keep.givenName, other.givenName),
    familyName: pick(keep.familyName, other.familyName),
    emails: union(keep.emails, other.emails),
    phones: union(keep.phones, other.phones),
    linkedin: pick(keep.linkedin, other.linkedin),
    links: union(keep.links, other.links),
    organization: pick(keep.organization, other.organization),
    title: pick(keep.title, other.title),
    unit: pick(keep.unit, other.unit),
    location: pick(keep.location, other.location),
    howWeMet: pick(keep.howWeMet, other.howWeMet),
    metOn,
    tags: union(keep.tags, other.tags),
    roles: union(keep.roles, other.roles),
    notes,
    cadence: keep.cadence.kind === 'none' ? other.cadence : keep.cadence,
  };
}
