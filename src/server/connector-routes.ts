// The connectors' routes: introductions both ways, who knows whom, who can help with X, the
// reciprocity ledger and the network's vantage points. The store does the work.
import { z } from 'zod';
import { idSchema } from '../domain/fields.js';
import {
  insightsSchema,
  introActionSchema,
  introDraftSchema,
  introListQuerySchema,
  introMadeSchema,
  introMessageSchema,
  introReceivedSchema,
  introductionSchema,
  knowsCreateSchema,
  knowsSchema,
  ledgerLineSchema,
  ledgerSchema,
  strengthSchema,
  tiesQuerySchema,
  networkMapQuerySchema,
  networkMapSchema,
  whoQuerySchema,
  whoResultSchema,
} from '../domain/connect/schemas.js';
import { teammatesFor } from './team-routes.js';
import { defineRoute, type Route } from './route.js';

const byId = z.object({ id: idSchema });
/** Introductions are also found by the short id lists show. */
const byIntroId = z.object({ id: z.string().trim().min(1).max(64) });

export const connectorRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/api/introductions',
    tag: 'connectors',
    summary: 'Introductions made and received, newest first (filter by kind, state, person)',
    query: introListQuerySchema,
    response: z.array(introductionSchema),
    handle: (store, { query }) => store.introductions.list(query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/introductions/received',
    tag: 'connectors',
    summary:
      '"Priya introduced me to Tom": Tom by personId or created from newPerson; records the edge Priya–Tom',
    status: 201,
    body: introReceivedSchema,
    response: introductionSchema,
    handle: (store, { body }) => store.introductions.receive(body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/introductions',
    tag: 'connectors',
    summary: 'Giving back: propose to introduce person A to person B (double opt-in, A first)',
    status: 201,
    body: introMadeSchema,
    response: introductionSchema,
    handle: (store, { body }) => store.introductions.propose(body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/introductions/{id}',
    tag: 'connectors',
    summary: 'One introduction with its history and the steps it can take next',
    params: byIntroId,
    response: introductionSchema,
    handle: (store, { params }) => store.introductions.get(params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/introductions/{id}/actions',
    tag: 'connectors',
    summary:
      'A step: ask-a, accept-a, ask-b, accept-b, decline (by a or b), make, outcome (409 when the state does not allow it)',
    params: byIntroId,
    body: introActionSchema,
    response: introductionSchema,
    handle: (store, { params, body }) => store.introductions.act(params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/introductions/{id}/draft',
    tag: 'connectors',
    summary: 'The next message of a made introduction (ask A, ask B, connect), or the one named',
    params: byIntroId,
    query: z.object({ message: introMessageSchema.optional() }).strict(),
    response: introDraftSchema,
    handle: (store, { params, query }) => store.introductions.draft(params.id, query.message),
  }),
  defineRoute({
    method: 'post',
    path: '/api/knows',
    tag: 'connectors',
    summary:
      'Record that two people know each other (context, strength strong|good|weak); one edge per pair',
    status: 201,
    body: knowsCreateSchema,
    response: knowsSchema,
    handle: (store, { body }) => store.knows.record(body),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/knows/{id}',
    tag: 'connectors',
    summary: 'Forget a recorded tie',
    params: byId,
    handle: (store, { params }) => store.knows.forget(params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/people/{id}/knows',
    tag: 'connectors',
    summary: 'Whom a person knows: recorded ties, then colleagues of a small team (inferred)',
    params: byId,
    response: z.array(knowsSchema),
    handle: (store, { params }) => store.knows.of(params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/who',
    tag: 'connectors',
    summary:
      'Who can help with X: people you know (ranked by match and tie), then the k warmest paths to people you do not know yet',
    query: whoQuerySchema,
    response: whoResultSchema,
    handle: async (store, { query }, caller) => {
      const answer = await store.who(query);
      return { ...answer, teammates: await teammatesFor(store, caller, answer.query) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/ledger',
    tag: 'connectors',
    summary: 'Everyone you asked or gave something: one-sided relationships first',
    response: z.array(ledgerLineSchema),
    handle: (store) => store.ledger.overview(),
  }),
  defineRoute({
    method: 'get',
    path: '/api/people/{id}/ledger',
    tag: 'connectors',
    summary: 'What you asked of a person and what you gave, with the tie’s strength explained',
    params: byId,
    response: ledgerSchema,
    handle: (store, { params }) => store.ledger.of(params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/insights',
    tag: 'connectors',
    summary:
      'Your network’s composition, the spread of this year’s chats, connectors and bridges, with hints',
    response: insightsSchema,
    handle: (store) => store.insights(),
  }),
  defineRoute({
    method: 'get',
    path: '/api/network',
    tag: 'connectors',
    summary:
      'The network map: the people you are closest to (limit, default 2000), their recorded ties, connectors and bridges',
    query: networkMapQuerySchema,
    response: networkMapSchema,
    handle: (store, { query }) => store.networkMap(query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/ties',
    tag: 'connectors',
    summary:
      'Your tie to each of these people (ids, comma-separated, up to 200): a label, a score and the sentence that explains it',
    query: tiesQuerySchema,
    response: z.record(z.string(), strengthSchema),
    handle: (store, { query }) => store.ties(query.ids),
  }),
];
