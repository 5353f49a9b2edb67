// An interaction: a coffee, a call, a message… with one or more people. Each insight
// learned is its own line, so search can point at the exact thing that was learned.
import { z } from 'zod';
import { LIMITS, idSchema, moment, notesText, requiredText, timestamp } from './fields.js';

export const INTERACTION_KINDS = [
  'coffee',
  'video-call',
  'call',
  'email',
  'message',
  'meeting',
  'event',
] as const;

/** The kinds that are a conversation: what an ask's meeting can be (a message thread is not). */
export const MEETING_KINDS: readonly InteractionKind[] = [
  'coffee',
  'call',
  'video-call',
  'meeting',
  'event',
];
export const interactionKindSchema = z.enum(INTERACTION_KINDS, {
  error: (issue) =>
    `"${String(issue.input)}" is not a kind of interaction; use one of ${INTERACTION_KINDS.join(', ')}`,
});
export type InteractionKind = z.infer<typeof interactionKindSchema>;

/**
 * A chat's thank-you: owed, sent, or not needed (the user said so); null when the chat
 * earns none (its kind, or history logged long after). See method/thank-you.ts.
 */
export const THANK_YOU_STATES = ['owed', 'thanked', 'not-needed'] as const;
export const thankYouStateSchema = z.enum(THANK_YOU_STATES, {
  error: (issue) =>
    `"${String(issue.input)}" is not a thank-you state; use one of ${THANK_YOU_STATES.join(', ')}`,
});
export type ThankYouState = (typeof THANK_YOU_STATES)[number];

const insightText = requiredText(LIMITS.longText, 'insight');

export const interactionCreateSchema = z
  .object({
    occurredAt: moment,
    kind: interactionKindSchema,
    summary: requiredText(LIMITS.shortText, 'summary'),
    notes: notesText.optional(),
    insights: z
      .array(insightText)
      .max(LIMITS.insights, { error: `at most ${LIMITS.insights} insights` })
      .optional(),
    participantIds: z
      .array(idSchema)
      .min(1, { error: 'an interaction needs at least one participant' })
      .max(LIMITS.listItems, { error: `at most ${LIMITS.listItems} participants` })
      .transform((ids) => [...new Set(ids)]),
    /** Left out: the kind and the people decide; "not-needed" says none is for this chat. */
    thankYou: z
      .enum(['owed', 'not-needed'], {
        error: (issue) =>
          `"${String(issue.input)}" is not a choice for a new chat; use owed or not-needed`,
      })
      .optional(),
  })
  .strict();
export type InteractionCreate = z.output<typeof interactionCreateSchema>;

export const interactionPatchSchema = interactionCreateSchema
  .omit({ thankYou: true })
  .partial()
  .extend({ thankYou: thankYouStateSchema.nullable().optional() })
  .strict();
export type InteractionPatch = z.output<typeof interactionPatchSchema>;

export const interactionSchema = z.object({
  id: z.string(),
  occurredAt: timestamp,
  kind: interactionKindSchema,
  summary: z.string(),
  notes: z.string().nullable(),
  insights: z.array(z.object({ id: z.string(), text: z.string() })),
  participants: z.array(z.object({ id: z.string(), displayName: z.string() })),
  thankYou: thankYouStateSchema.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Interaction = z.infer<typeof interactionSchema>;

export const interactionListQuerySchema = z
  .object({
    personId: idSchema.optional(),
    kind: interactionKindSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  })
  .strict();
export type InteractionListQuery = z.output<typeof interactionListQuerySchema>;
