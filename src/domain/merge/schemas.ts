// Duplicates at the doors: suggested pairs, a merge, and "these are two people".
import { z } from 'zod';
import { idSchema } from '../fields.js';

const suggestedPersonSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  organization: z.string().nullable(),
  emails: z.array(z.string()),
  interactions: z.number(),
  createdAt: z.string(),
});

export const mergeSuggestionSchema = z.object({
  /** 1: the same email, phone or profile; below: alike names (never more than 0.99). */
  score: z.number(),
  reasons: z.array(z.string()),
  people: z.tuple([suggestedPersonSchema, suggestedPersonSchema]),
});
export type MergeSuggestion = z.output<typeof mergeSuggestionSchema>;

export const mergeSuggestionsQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(500).optional() })
  .strict();

export const mergeRequestSchema = z
  .object({
    /** The person merged into the one in the path, then deleted (both kept in the record). */
    otherId: idSchema,
  })
  .strict();

export const dismissRequestSchema = z.object({ personA: idSchema, personB: idSchema }).strict();
