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

/** Which letters matched, reused from call to call: pairs are compared by the million. */
let aUsed = new Uint8Array(64);
let bUsed = new Uint8Array(64);

/** Jaro–Winkler similarity of two words, 0..1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  if (aUsed.length < a.length) aUsed = new Uint8Array(a.length * 2);
  if (bUsed.length < b.length) bUsed = new Uint8Array(b.length * 2);
  aUsed.fill(0, 0, a.length);
  bUsed.fill(0, 0, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bUsed[j] || a[i] !== b[j]) continue;
      aUsed[i] = bUsed[j] = 1;
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
  return wordsSimilarity(tokens(a), tokens(b));
}

type WordScore = (a: string, b: string) => number;

/**
 * wordScore, remembered for one search of pairs: people in one block share a family name,
 * and the same given names meet again and again (two words are compared once, not each time).
 */
function rememberedWordScore(): WordScore {
  const memo = new Map<string, Map<string, number>>();
  let size = 0;
  return (a, b) => {
    let row = memo.get(a);
    const known = row?.get(b);
    if (known !== undefined) return known;
    const score = wordScore(a, b);
    if (size > 1_000_000) {
      memo.clear();
      size = 0;
      row = undefined;
    }
    if (!row) memo.set(a, (row = new Map()));
    row.set(b, score);
    size += 1;
    return score;
  };
}

/** nameSimilarity of names already split into folded words. */
function wordsSimilarity(
  x: readonly string[],
  y: readonly string[],
  score: WordScore = wordScore,
): number {
  if (x.length === 0 || y.length === 0) return 0;
  const short = x.length <= y.length ? x : y;
  const long = x.length <= y.length ? y : x;
  // Each word of the longer name partners one word at most (taken, in order; a name has
  // far fewer than 30 words, and the ones past 30 are never taken).
  let taken = 0;
  let total = 0;
  for (const word of short) {
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < long.length; i++) {
      if (i < 30 && taken & (1 << i)) continue;
      const s = score(word, long[i] ?? '');
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    }
    total += bestScore;
    if (best >= 0 && best < 30) taken |= 1 << best;
  }
  const extra = long.length - short.length;
  return (total / short.length) * Math.pow(0.95, extra);
}

/**
 * A candidate with what comparing it needs worked out once: a name's words, its
 * organization's, its phones' digits. Finding pairs among 100,000 people compares each with
 * dozens of others; folding the same name at every comparison cost most of the time.
 */
interface Prepared {
  candidate: Candidate;
  nameWords: string[];
  organizationWords: string[];
  /** Phones with enough digits to compare, by their digits. */
  phones: Map<string, string>;
}

function prepare(c: Candidate): Prepared {
  const phones = new Map<string, string>();
  for (const p of c.phones) {
    const d = digits(p);
    if (d.length >= MIN_PHONE_DIGITS && !phones.has(d)) phones.set(d, p);
  }
  return {
    candidate: c,
    nameWords: tokens(c.name),
    organizationWords: c.organization ? tokens(c.organization) : [],
    phones,
  };
}

/** How likely two people are one, with the reasons in words. */
export function duplicateScore(a: Candidate, b: Candidate): { score: number; reasons: string[] } {
  const [pa, pb] = [prepare(a), prepare(b)];
  return { score: pairScore(pa, pb, wordScore), reasons: pairReasons(pa, pb, wordScore) };
}

/** Why a pair may be one person, when it is certain: the email, profile or phone they share. */
function certainReason(pa: Prepared, pb: Prepared): string | null {
  const a = pa.candidate;
  const b = pb.candidate;
  for (const email of a.emails) if (b.emails.includes(email)) return `the same email, ${email}`;
  if (a.linkedin && a.linkedin === b.linkedin) return 'the same LinkedIn profile';
  if (pa.phones.size > 0 && pb.phones.size > 0)
    for (const [d, phone] of pa.phones)
      if (pb.phones.has(d)) return `the same phone number, ${phone}`;
  return null;
}

/** Whether the organizations agree (null: one of them has none). */
function sameOrganization(pa: Prepared, pb: Prepared, words: WordScore): boolean | null {
  return pa.candidate.organization && pb.candidate.organization
    ? wordsSimilarity(pa.organizationWords, pb.organizationWords, words) >= 0.9
    : null;
}

/**
 * The score alone (the reasons are written only for the pairs shown). Below `atLeast` the
 * organizations are not compared: none lifts a name by more than 0.1.
 */
function pairScore(pa: Prepared, pb: Prepared, words: WordScore, atLeast = 0): number {
  if (certainReason(pa, pb) !== null) return 1;
  const names = wordsSimilarity(pa.nameWords, pb.nameWords, words);
  if (names + 0.1 < atLeast) return 0;
  const same = sameOrganization(pa, pb, words);
  let score = names;
  if (same === true) score = Math.min(1, score + 0.1);
  else if (same === false) score -= 0.15;
  // A name is never certain: a shared email, profile or phone always ranks first.
  return Math.min(0.99, Math.max(0, Math.round(score * 1000) / 1000));
}

function pairReasons(pa: Prepared, pb: Prepared, words: WordScore): string[] {
  const certain = certainReason(pa, pb);
  if (certain !== null) return [certain];
  const names = wordsSimilarity(pa.nameWords, pb.nameWords, words);
  const same = sameOrganization(pa, pb, words);
  const reasons = [names === 1 ? 'the same name' : `similar names (${Math.round(names * 100)}%)`];
  const [a, b] = [pa.candidate.organization, pb.candidate.organization];
  if (same === true) reasons.push(`both at ${a}`);
  else if (same === false) reasons.push(`at ${a} and at ${b}`);
  return reasons;
}

/** Keys that put two possibly-same people in one block, so not every pair is compared. */
export function blockingKeys(c: Candidate, nameWords?: readonly string[]): string[] {
  const words = nameWords ?? tokens(c.name);
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
  const prepared = people.map(prepare);
  const blocks = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const key of blockingKeys(p.candidate, p.nameWords)) {
      let block = blocks.get(key);
      if (!block) blocks.set(key, (block = []));
      block.push(i);
    }
  });
  // The blocks compared, numbered, and each person's: a pair that shares several blocks is
  // compared in the first of them only (no set of every pair seen, a million entries).
  const compared = [...blocks.values()].filter((b) => b.length >= 2 && b.length <= MAX_BLOCK);
  const blocksOf: number[][] = people.map(() => []);
  compared.forEach((block, ordinal) => {
    for (const i of block) blocksOf[i]?.push(ordinal);
  });
  const sharedBefore = (i: number, j: number, ordinal: number) => {
    for (const o of blocksOf[i] ?? []) {
      if (o >= ordinal) break;
      if ((blocksOf[j] ?? []).includes(o)) return true;
    }
    return false;
  };
  const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const dismissedPairs = new Set(dismissed.map(([x, y]) => pairKey(x, y)));
  const found: { a: Prepared; b: Prepared; score: number }[] = [];
  const words = rememberedWordScore();
  compared.forEach((block, ordinal) => {
    for (let s = 0; s < block.length; s++) {
      for (let t = s + 1; t < block.length; t++) {
        const i = block[s] ?? 0;
        const j = block[t] ?? 0;
        const x = prepared[i];
        const y = prepared[j];
        if (!x || !y || i === j || x.candidate.id === y.candidate.id) continue;
        if (sharedBefore(i, j, ordinal)) continue;
        const xFirst = x.candidate.id < y.candidate.id;
        const pa = xFirst ? x : y;
        const pb = xFirst ? y : x;
        const score = pairScore(pa, pb, words, SUGGEST_AT);
        if (score < SUGGEST_AT) continue;
        if (dismissedPairs.has(pairKey(pa.candidate.id, pb.candidate.id))) continue;
        found.push({ a: pa, b: pb, score });
      }
    }
  });
  const id = (p: Prepared) => p.candidate.id;
  found.sort((x, y) => y.score - x.score || (id(x.a) < id(y.a) ? -1 : id(x.a) > id(y.a) ? 1 : 0));
  return found.slice(0, limit).map((f) => ({
    a: id(f.a),
    b: id(f.b),
    score: f.score,
    reasons: pairReasons(f.a, f.b, words),
  }));
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
    handles: union(keep.handles, other.handles),
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
    // Every date of both, once; the kept one's birthday if both have one.
    dates: [
      ...keep.dates,
      ...other.dates.filter(
        (d) =>
          !(d.kind === 'birthday' && keep.dates.some((k) => k.kind === 'birthday')) &&
          !keep.dates.some((k) => k.kind === d.kind && k.label === d.label && k.on === d.on),
      ),
    ],
    // Either card said "no thank-you needed": the one person still needs none.
    noThankYou: keep.noThankYou || other.noThankYou,
  };
}
