// What a search returns: people and interactions, each with why it matched.
import { z } from 'zod';
import { interactionKindSchema } from './interaction.js';
import { timestamp } from './fields.js';
import { roleSchema } from './person.js';

export const searchQuerySchema = z
  .object({
    q: z
      .string({ error: 'q is required' })
      .trim()
      .min(1, { error: 'q must not be blank' })
      .max(200, { error: 'q is longer than 200 characters' }),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    in: z.enum(['all', 'people', 'interactions']).optional(),
  })
  .strict();

export const personHitSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  organization: z.string().nullable(),
  title: z.string().nullable(),
  unit: z.string().nullable(),
  tags: z.array(z.string()),
  roles: z.array(roleSchema),
  lastContactAt: timestamp.nullable(),
  snippet: z.string().nullable(),
  score: z.number().describe('Higher is better; comparable only within one result list'),
});

export const interactionHitSchema = z.object({
  id: z.string(),
  occurredAt: timestamp,
  kind: interactionKindSchema,
  summary: z.string(),
  participants: z.array(z.object({ id: z.string(), displayName: z.string() })),
  matchedInsights: z.array(z.string()),
  snippet: z.string().nullable(),
  score: z.number().describe('Higher is better; comparable only within one result list'),
});

export const searchResultSchema = z.object({
  query: z.string(),
  terms: z.array(z.string()),
  people: z.array(personHitSchema),
  interactions: z.array(interactionHitSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
export type PersonHit = z.infer<typeof personHitSchema>;
export type InteractionHit = z.infer<typeof interactionHitSchema>;
