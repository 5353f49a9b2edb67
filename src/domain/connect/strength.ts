// How strong the user's tie to a person is, from the interactions they had: each one counts
// by its kind (a coffee says more than an email) and fades with age (a half-life of six
// months), and a tie that only ever goes one way counts for less. The sum saturates into a
// figure from 0 to 1 with a label and a sentence that explains it.
//
//   weight(i)  = KIND_WEIGHT[kind] × 0.5 ^ (age in days / HALF_LIFE_DAYS)
//   raw        = Σ weight(i)
//   score      = (1 − e^(−raw / SATURATION)) × reciprocityFactor
//   reciprocityFactor = 0.75 + 0.25 × min(1, given / max(1, asked))   (1 when nothing was asked)
//
// Properties the tests hold it to: an extra interaction never lowers the score; the same
// interaction counts less the older it is; the score is in [0, 1).
import type { InteractionKind } from '../interaction.js';
import { timeAgo } from '../method/calendar.js';

export const HALF_LIFE_DAYS = 182;
export const SATURATION = 2.5;

export const KIND_WEIGHT: Record<InteractionKind, number> = {
  coffee: 1,
  meeting: 0.9,
  'video-call': 0.9,
  call: 0.8,
  event: 0.5,
  message: 0.3,
  email: 0.3,
};

export type StrengthLabel = 'strong' | 'good' | 'weak' | 'dormant' | 'none';

export interface StrengthInput {
  interactions: readonly { occurredAt: string; kind: InteractionKind }[];
  /** What the user asked of them (asks, introductions requested). */
  asked?: number;
  /** What the user gave them (introductions made for them, help logged). */
  given?: number;
}

export interface Strength {
  score: number;
  label: StrengthLabel;
  /** "strong — 6 chats in the last year, last 3 weeks ago" */
  explanation: string;
}

const DAY_MS = 86_400_000;

export function labelFor(score: number, anyInteraction: boolean): StrengthLabel {
  if (!anyInteraction) return 'none';
  if (score >= 0.6) return 'strong';
  if (score >= 0.3) return 'good';
  if (score >= 0.05) return 'weak';
  return 'dormant';
}

/** What one interaction adds to the raw sum: its kind's weight, halved every half-life. */
export function interactionWeight(kind: string, ageDays: number): number {
  const weight = (KIND_WEIGHT as Record<string, number>)[kind] ?? 0.3;
  return weight * 0.5 ** (Math.max(0, ageDays) / HALF_LIFE_DAYS);
}

const reciprocityOf = (asked: number, given: number) =>
  asked === 0 ? 1 : 0.75 + 0.25 * Math.min(1, given / Math.max(1, asked));

/** The score from the raw sum and the ledger's counts (the formula at the top). */
export function strengthScore(raw: number, asked = 0, given = 0): number {
  return (1 - Math.exp(-raw / SATURATION)) * reciprocityOf(asked, given);
}

export function relationshipStrength(input: StrengthInput, now: string): Strength {
  const nowMs = Date.parse(now);
  let raw = 0;
  let lastDays = Infinity;
  let inYear = 0;
  for (const i of input.interactions) {
    const days = Math.max(0, (nowMs - Date.parse(i.occurredAt)) / DAY_MS);
    raw += interactionWeight(i.kind, days);
    lastDays = Math.min(lastDays, days);
    if (days <= 365) inYear += 1;
  }
  const asked = input.asked ?? 0;
  const given = input.given ?? 0;
  const reciprocity = reciprocityOf(asked, given);
  const score = strengthScore(raw, asked, given);
  const label = labelFor(score, input.interactions.length > 0);
  if (label === 'none') return { score: 0, label, explanation: 'no interactions yet' };
  const parts =
    input.interactions.length === 1
      ? [`you spoke once, ${timeAgo(lastDays)}`]
      : [
          `${inYear} ${inYear === 1 ? 'interaction' : 'interactions'} in the last year`,
          // "last 3 weeks ago", but "the last one today".
          lastDays < 2 ? `the last one ${timeAgo(lastDays)}` : `last ${timeAgo(lastDays)}`,
        ];
  if (reciprocity < 1) parts.push(`you asked ${asked}, gave ${given}`);
  return { score, label, explanation: `${label} — ${parts.join(', ')}` };
}
