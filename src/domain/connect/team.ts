// Teams: "who among us knows…". What a member shares with their team (people and ties: names,
// organizations, titles, tags, how well they know them as weak/good/strong) and the sentence a
// teammate's answer is given in. Never notes, interactions, asks or insights.
import { z } from 'zod';
import { emailSchema } from '../account.js';
import type { Strength } from './strength.js';

export const teamCreateSchema = z
  .object({ name: z.string().trim().min(1, 'required').max(80, 'at most 80 characters') })
  .strict();

export const teamMemberAddSchema = z.object({ email: emailSchema }).strict();

export const teamSharingSchema = z.object({ sharing: z.boolean() }).strict();

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The asking account's role in it: an owner adds and removes members. */
  role: z.enum(['owner', 'member']),
  /** Whether the asking account shares its people and ties with this team. */
  sharing: z.boolean(),
  members: z.array(
    z.object({
      accountId: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.enum(['owner', 'member']),
      sharing: z.boolean(),
    }),
  ),
});
export type Team = z.infer<typeof teamSchema>;

export const BANDS = ['weak', 'good', 'strong'] as const;
export type Band = (typeof BANDS)[number];

/** How well a teammate knows someone, as much as a team is told: weak, good or strong. */
export function bandOf(strength: Pick<Strength, 'label'>): Band {
  if (strength.label === 'strong') return 'strong';
  if (strength.label === 'good') return 'good';
  return 'weak';
}

const HOW_WELL: Record<Band, string> = { strong: 'well', good: 'fairly well', weak: 'a little' };

export const teammateAnswerSchema = z.object({
  teammate: z.object({ accountId: z.string(), name: z.string(), email: z.string() }),
  team: z.string(),
  person: z.object({
    name: z.string(),
    organization: z.string().nullable(),
    title: z.string().nullable(),
    tags: z.array(z.string()),
  }),
  band: z.enum(BANDS),
  /**
   * When the teammate barely knows them: someone the teammate knows better who knows them (the
   * teammate's who-knows-whom), by name and how well; the tie's own words are not shared.
   */
  via: z.object({ name: z.string(), band: z.enum(BANDS) }).nullable(),
  explanation: z.string(),
  /** The ask to draft: to the teammate, found in your network by their email when there. */
  ask: z.object({
    personId: z.string().nullable(),
    question: z.string(),
  }),
});
export type TeammateAnswer = z.infer<typeof teammateAnswerSchema>;

/** "Sam (your teammate) knows Tom Berg at Acme well: ask Sam to introduce you". */
export function teammateSentence(
  teammate: string,
  person: { name: string; organization: string | null },
  band: Band,
  via: { name: string; band: Band } | null = null,
): string {
  const first = teammate.trim().split(/\s+/)[0] ?? teammate;
  const at = person.organization ? ` at ${person.organization}` : '';
  if (via)
    return `${first} (your teammate) knows ${via.name} ${HOW_WELL[via.band]}, who knows ${person.name}${at}: ask ${first} to introduce you`;
  return `${first} (your teammate) knows ${person.name}${at} ${HOW_WELL[band]}: ask ${first} to introduce you`;
}

/** The question of the ask to the teammate. */
export function teammateQuestion(person: string, about: string): string {
  return `Could you introduce me to ${person}? I would like to ask them about ${about}.`;
}

/** Whether every term of a query is found in what a member shares of a person. */
export function sharedFieldsMatch(
  fields: { name: string; organization: string | null; title: string | null; tags: string[] },
  terms: readonly string[],
  fold: (text: string) => string,
): boolean {
  const text = fold(
    [fields.name, fields.organization, fields.title, ...fields.tags].filter(Boolean).join(' '),
  );
  return terms.every((term) => text.includes(term));
}
