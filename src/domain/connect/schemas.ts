// Input and output shapes of the connectors' doors (API, CLI, web), from one set of zod schemas.
import { z } from 'zod';
import { teammateAnswerSchema } from './team.js';
import { LIMITS, idSchema, optionalText, requiredText, timestamp } from '../fields.js';
import { INTRO_STATES } from './introduction.js';
import { INTRO_MESSAGES } from './intro-drafts.js';
import { personCreateSchema } from '../person.js';

const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 date-time with a zone',
});

/** How well two people know each other, as the user says it, and the figure paths use. */
export const TIE_STRENGTHS = { strong: 0.9, good: 0.6, weak: 0.3 } as const;
export type TieLabel = keyof typeof TIE_STRENGTHS;

/** Colleagues in the same unit of the same organization probably know each other: a weak tie… */
export const INFERRED_STRENGTH = 0.2;
/** …but only in a team small enough for that to be likely. */
export const MAX_INFERRED_TEAM = 50;
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
  /** manual: entered by the user; introduction: recorded by one; inferred: same small team. */
  source: z.enum(['manual', 'introduction', 'inferred']),
  introductionId: z.string().nullable(),
  inferred: z.boolean(),
});
export type Knows = z.output<typeof knowsSchema>;

/** "Priya introduced me to Tom": Tom is someone already in Kith (personId) or new (newPerson). */
export const introReceivedSchema = z
  .object({
    introducerId: idSchema,
    personId: idSchema.optional(),
    newPerson: personCreateSchema.optional(),
    reason: optionalText(LIMITS.longText, 'reason').optional(),
    /** The ask that led to it; its campaign is taken when campaignId is not given. */
    askId: idSchema.optional(),
    campaignId: idSchema.optional(),
    at: instant.optional(),
  })
  .strict()
  .refine((d) => (d.personId ? 1 : 0) + (d.newPerson ? 1 : 0) === 1, {
    error: 'give the person introduced: personId, or newPerson for someone new (not both)',
    path: ['personId'],
  });

export const introMessageSchema = z.enum(INTRO_MESSAGES);

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

export const tiesQuerySchema = z
  .object({
    /** Comma-separated person ids, at most 200. */
    ids: z
      .string()
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(idSchema).max(200, { error: 'ids: at most 200 at a time' })),
  })
  .strict();

export const strengthSchema = z.object({
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
      /** The connectors, then the person to reach. */
      people: z.array(z.object({ id: z.string(), name: z.string() })),
      /** The product of the ties along the path, the user's own tie to the first included. */
      strength: z.number(),
      matched: z.string(),
      explanation: z.string(),
      /** Each tie of the path after the user's own, with what is known about it. */
      links: z.array(
        z.object({
          from: z.string(),
          to: z.string(),
          context: z.string().nullable(),
          inferred: z.boolean(),
        }),
      ),
      /** The introduction request to make of the first connector, ready to become an ask. */
      ask: z.object({ personId: z.string(), purpose: z.literal('intro'), question: z.string() }),
    }),
  ),
  /** Teammates who share their networks and know someone who matches (a server with teams). */
  teammates: z.array(teammateAnswerSchema),
});

export type WhoResult = z.output<typeof whoResultSchema>;

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

export const ledgerLineSchema = z.object({
  personId: z.string(),
  name: z.string(),
  asked: z.number(),
  gave: z.number(),
  oneSided: z.boolean(),
});

const shareSchema = z.object({
  name: z.string(),
  people: z.number(),
  chats: z.number(),
  /** On the last row only, when more groups than are named: how many it sums ("all others"). */
  others: z.number().optional(),
});

export const insightsSchema = z.object({
  people: z.number(),
  chatsThisYear: z.number(),
  byOrganization: z.array(shareSchema),
  byUnit: z.array(shareSchema),
  byRole: z.array(shareSchema),
  byLocation: z.array(shareSchema),
  diversity: z.object({
    score: z.number(),
    equivalentTeams: z.number(),
    explanation: z.string(),
  }),
  hints: z.array(z.string()),
  connectors: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      introductions: z.number(),
      /** The user gave them the connector role. */
      byRole: z.boolean(),
    }),
  ),
  bridges: z.array(z.object({ personId: z.string(), name: z.string(), holdsTogether: z.number() })),
});

export const introDraftSchema = z.object({
  introductionId: z.string(),
  message: z.enum(INTRO_MESSAGES),
  to: z.array(z.string()),
  text: z.string(),
});

export const networkMapQuerySchema = z
  .object({ limit: z.coerce.number().int().min(10).max(10_000).optional() })
  .strict();

/** The network map: you, your closest people and who knows whom among them. */
export const networkMapSchema = z.object({
  /** People in the workspace; the map shows the `limit` the user is closest to. */
  total: z.number(),
  nodes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      organization: z.string().nullable(),
      /** The user's tie to them, 0 to 1. */
      tie: z.number(),
      connector: z.boolean(),
      bridge: z.boolean(),
    }),
  ),
  /**
   * Recorded who-knows-whom ties between people on the map, as [a, b, strength] with a and b
   * positions in `nodes` (ids would make a 10k map's answer ten times larger). The user's own
   * ties are each node's `tie`.
   */
  edges: z.array(z.tuple([z.int(), z.int(), z.number()])),
});
export type NetworkMap = z.output<typeof networkMapSchema>;
