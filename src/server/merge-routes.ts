// Duplicates over HTTP: the pairs to review, merging one person into another, and saying two
// people are two.
import { z } from 'zod';
import { idSchema } from '../domain/fields.js';
import {
  dismissRequestSchema,
  mergeRequestSchema,
  mergeSuggestionSchema,
  mergeSuggestionsQuerySchema,
} from '../domain/merge/schemas.js';
import { personSchema } from '../domain/person.js';
import { defineRoute, type Route } from './route.js';

export const mergeRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/api/merge-suggestions',
    tag: 'people',
    summary:
      'Pairs that may be one person, most likely first: the same email, phone or LinkedIn profile, or alike names (organizations weigh in); dismissed pairs left out',
    query: mergeSuggestionsQuerySchema,
    response: z.array(mergeSuggestionSchema),
    handle: (store, { query }) => store.merges.suggestions(query.limit),
  }),
  defineRoute({
    method: 'post',
    path: '/api/people/{id}/merge',
    tag: 'people',
    summary:
      'Merge another person into this one: their interactions, asks, follow-ups, introductions and ties move here, their details fill the gaps; they are then deleted',
    params: z.object({ id: idSchema }),
    body: mergeRequestSchema,
    response: personSchema,
    handle: (store, { params, body }) => store.merges.merge(params.id, body.otherId),
  }),
  defineRoute({
    method: 'post',
    path: '/api/merge-suggestions/dismiss',
    tag: 'people',
    summary: 'These are two different people: the pair is not suggested again',
    body: dismissRequestSchema,
    handle: async (store, { body }) => {
      await store.merges.dismiss(body.personA, body.personB);
    },
  }),
];
