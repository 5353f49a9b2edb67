// Input and output shapes of the method's doors (API, CLI), from one set of zod schemas.
import { z } from 'zod';
import { LIMITS, idSchema, isoDate, optionalText, requiredText } from '../fields.js';
import { tagSchema } from '../person.js';
import { ASK_DIRECTIONS, ASK_PURPOSES, ASK_STATES } from './ask.js';

const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 date-time with a zone',
});

export const askCreateSchema = z
  .object({
    personId: idSchema,
    question: requiredText(LIMITS.longText, 'question'),
    purpose: z.enum(ASK_PURPOSES).optional(),
    minutes: z
      .int()
      .min(5, { error: 'at least 5 minutes' })
      .max(240, { error: 'at most 4 hours' })
      .optional(),
    channel: optionalText(60, 'channel').optional(),
    campaignId: idSchema.nullable().optional(),
    /** incoming: they asked the user; it starts sent, at `askedAt` (default: now). */
    direction: z.enum(ASK_DIRECTIONS).optional(),
    askedAt: instant.optional(),
  })
  .strict();
export type AskCreate = z.output<typeof askCreateSchema>;

export const askActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('send'), at: instant.optional() }).strict(),
  z.object({ type: z.literal('nudge'), at: instant.optional() }).strict(),
  z.object({ type: z.literal('reply'), at: instant.optional() }).strict(),
  z.object({ type: z.literal('schedule'), for: instant, at: instant.optional() }).strict(),
  z
    .object({ type: z.literal('meet'), interactionId: idSchema.optional(), at: instant.optional() })
    .strict(),
  z.object({ type: z.literal('thank'), at: instant.optional() }).strict(),
  z.object({ type: z.literal('decline'), at: instant.optional() }).strict(),
  z.object({ type: z.literal('move-on'), at: instant.optional() }).strict(),
]);
export type AskActionInput = z.output<typeof askActionSchema>;

export const askSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  campaignId: z.string().nullable(),
  direction: z.enum(ASK_DIRECTIONS),
  question: z.string(),
  purpose: z.enum(ASK_PURPOSES),
  minutes: z.int(),
  channel: z.string().nullable(),
  state: z.enum(ASK_STATES),
  sentAt: z.string().nullable(),
  nudgedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  scheduledFor: z.string().nullable(),
  metAt: z.string().nullable(),
  interactionId: z.string().nullable(),
  closedAt: z.string().nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      from: z.string(),
      to: z.string(),
      note: z.string().optional(),
    }),
  ),
  warnings: z.array(z.string()),
});

export const askListQuerySchema = z
  .object({
    state: z.enum(ASK_STATES).optional(),
    direction: z.enum(ASK_DIRECTIONS).optional(),
    personId: idSchema.optional(),
    campaignId: idSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  })
  .strict();

export const campaignCreateSchema = z
  .object({
    name: requiredText(LIMITS.name, 'name'),
    aim: optionalText(LIMITS.longText, 'aim').optional(),
    targetChats: z.int().min(1).max(1000).optional(),
    batchSize: z.int().min(1).max(20).optional(),
    endsOn: isoDate.nullable().optional(),
    tags: z.array(tagSchema).max(LIMITS.listItems).optional(),
  })
  .strict();

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  aim: z.string().nullable(),
  targetChats: z.int(),
  batchSize: z.int(),
  endsOn: z.string().nullable(),
  tags: z.array(z.string()),
  progress: z.object({
    asked: z.int(),
    replied: z.int(),
    met: z.int(),
    declined: z.int(),
    movedOn: z.int(),
    open: z.int(),
    responseRate: z.number().nullable(),
    medianDaysToReply: z.number().nullable(),
    insights: z.int(),
    introductions: z.int(),
  }),
});

export const todayQuerySchema = z
  .object({
    date: isoDate.optional(),
    timeZone: z.string().optional(),
  })
  .strict();

export const taskCreateSchema = z
  .object({
    title: requiredText(LIMITS.shortText, 'title'),
    dueOn: isoDate,
    personId: idSchema.nullable().optional(),
    askId: idSchema.nullable().optional(),
    interactionId: idSchema.nullable().optional(),
  })
  .strict();

export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueOn: z.string(),
  personId: z.string().nullable(),
  askId: z.string().nullable(),
  interactionId: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
});

export const snoozeSchema = z.object({ until: isoDate.nullable() }).strict();
