// Input and output shapes of the connectors' doors (API, CLI, web), from one set of zod schemas.
import { z } from 'zod';
import { LIMITS, idSchema, optionalText, requiredText, timestamp } from '../fields.js';
import { INTRO_STATES } from './introduction.js';

const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 date-time with a zone',
});

/** How well two people know each other, as the user says it, and the figure paths use. */
export const TIE_STRENGTHS = { strong: 0.9, good: 0.6, weak: 0.3 } as const;
export type TieLabel = keyof typeof TIE_STRENGTHS;
export const tieLabelSchema = z.enum(['strong', 'good', 'weak']);

export const knowsCreateSchema = z
  .object({
    personA: idSchema,
    personB: idSchema,
    context: optionalText(LIMITS.shortText, 'context').optional(),
    strength: tieLabelSchema.optional(),
  })
  .strict();

export const knowsSchema = z.object({
  id: z.string(),
  personA: z.string(),
  personB: z.string(),
  personAName: z.string(),
  personBName: z.string(),
  context: z.string().nullable(),
  strength: z.number(),
  source: z.enum(['manual', 'introduction']),
  introductionId: z.string().nullable(),
});
export type Knows = z.output<typeof knowsSchema>;

export const introReceivedSchema = z
  .object({
    introducerId: idSchema,
    personId: idSchema,
    reason: optionalText(LIMITS.longText, 'reason').optional(),
    askId: idSchema.optional(),
    campaignId: idSchema.optional(),
    at: instant.optional(),
  })
  .strict();

export const introMadeSchema = z
  .object({
    personA: idSchema,
    personB: idSchema,
    reason: requiredText(LIMITS.longText, 'reason'),
  })
  .strict();

export const introActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ask-a'), at: instant.optional() }).strict(),
  z.object({ type: z.literal('accept-a'), at: instant.optional() }).strict(),
  z.object({ type: z.literal('ask-b'), at: instant.optional() }).strict(),
  z.object({ type: z.literal('accept-b'), at: instant.optional() }).strict(),
  z.object({ type: z.literal('decline'), by: z.enum(['a', 'b']), at: instant.optional() }).strict(),
  z.object({ type: z.literal('make'), at: instant.optional() }).strict(),
  z
    .object({
      type: z.literal('outcome'),
      note: requiredText(LIMITS.longText, 'note'),
      at: instant.optional(),
    })
    .strict(),
]);

export const introListQuerySchema = z
  .object({
    kind: z.enum(['made', 'received']).optional(),
    state: z.enum(INTRO_STATES).optional(),
    personId: idSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  })
  .strict();

export const introductionSchema = z.object({
  id: z.string(),
  kind: z.enum(['made', 'received']),
  personA: z.string(),
  personB: z.string(),
  personAName: z.string(),
  personBName: z.string(),
  reason: z.string(),
  state: z.enum(INTRO_STATES),
  acceptedByA: z.boolean(),
  acceptedByB: z.boolean(),
  outcome: z.string().nullable(),
  askId: z.string().nullable(),
  campaignId: z.string().nullable(),
  allowedActions: z.array(z.string()),
  history: z.array(
    z.object({
      at: timestamp,
      action: z.string(),
      from: z.string(),
      to: z.string(),
      note: z.string().optional(),
    }),
  ),
  createdAt: timestamp,
});

export const whoQuerySchema = z
  .object({
    q: requiredText(LIMITS.shortText, 'q'),
    k: z.coerce.number().int().min(1).max(10).optional(),
  })
  .strict();

const strengthSchema = z.object({
  score: z.number(),
  label: z.enum(['strong', 'good', 'weak', 'dormant', 'none']),
  explanation: z.string(),
});

export const whoResultSchema = z.object({
  query: z.string(),
  direct: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      matched: z.string(),
      strength: strengthSchema,
      explanation: z.string(),
    }),
  ),
  paths: z.array(
    z.object({
      people: z.array(z.object({ id: z.string(), name: z.string() })),
      strength: z.number(),
      matched: z.string(),
      explanation: z.string(),
    }),
  ),
});

export const ledgerSchema = z.object({
  personId: z.string(),
  name: z.string(),
  asked: z.number(),
  gave: z.number(),
  oneSided: z.boolean(),
  note: z.string(),
  strength: strengthSchema,
  entries: z.array(
    z.object({
      at: timestamp,
      direction: z.enum(['asked', 'gave']),
      what: z.string(),
    }),
  ),
});
