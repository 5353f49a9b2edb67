// Every API route: people, organizations, interactions, search. The store does the work.
import { eraseRequestSchema, erasedSchema } from '../domain/erase.js';
import { savedViewSchema, viewInputSchema } from '../domain/views.js';
import { z } from 'zod';
import { idSchema } from '../domain/fields.js';
import {
  interactionCreateSchema,
  interactionListQuerySchema,
  interactionPatchSchema,
  interactionSchema,
} from '../domain/interaction.js';
import {
  organizationCreateSchema,
  organizationPatchSchema,
  organizationSchema,
} from '../domain/organization.js';
import {
  personBulkResultSchema,
  personBulkSchema,
  personCreateSchema,
  personListQuerySchema,
  personPageSchema,
  personPatchSchema,
  personSchema,
} from '../domain/person.js';
import { searchQuerySchema, searchResultSchema } from '../domain/search.js';
import {
  askActionSchema,
  askCreateSchema,
  askListQuerySchema,
  askSchema,
  campaignCreateSchema,
  campaignSchema,
  snoozeSchema,
  taskCreateSchema,
  taskSchema,
  todayQuerySchema,
} from '../domain/method/schemas.js';
import { settingsPatchSchema, settingsSchema } from '../domain/method/settings.js';
import { PLACEHOLDERS } from '../domain/method/draft-message.js';
import { DEMO_DEFAULTS, loadDemo } from '../demo/load-demo.js';
import { defineRoute, type Route } from './route.js';
import { connectorRoutes } from './connector-routes.js';
import { exportRoutes, importRoutes } from './import-routes.js';
import { mergeRoutes } from './merge-routes.js';
import { accountRoutes } from './auth/routes.js';
import { teamRoutes } from './team-routes.js';

const byId = z.object({ id: idSchema });
const demoRequestSchema = z
  .object({ size: z.int().min(1).max(5000).optional() })
  .strict()
  .optional();
const interactionPage = z.object({
  items: z.array(interactionSchema),
  limit: z.int(),
  offset: z.int(),
});
const personInteractionsQuery = interactionListQuerySchema.omit({ personId: true });

export const routes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/api/people',
    tag: 'people',
    summary: 'List people, filtered by role, tag, organization or unit',
    query: personListQuerySchema,
    response: personPageSchema,
    handle: (store, { query }) => store.people.list(query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/people',
    tag: 'people',
    summary: 'Add a person',
    status: 201,
    body: personCreateSchema,
    response: personSchema,
    handle: (store, { body }) => store.people.create(body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/people/bulk',
    tag: 'people',
    summary:
      'Tag, untag, archive or restore many people at once (all or none): by ids, or everyone the list’s filters keep (matching)',
    body: personBulkSchema,
    response: personBulkResultSchema,
    handle: (store, { body }) => store.people.bulk(body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/people/{id}',
    tag: 'people',
    summary: 'One person',
    params: byId,
    response: personSchema,
    handle: (store, { params }) => store.people.get(params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/people/{id}',
    tag: 'people',
    summary: 'Change some of a person’s fields (lists are replaced whole)',
    params: byId,
    body: personPatchSchema,
    response: personSchema,
    handle: (store, { params, body }) => store.people.update(params.id, body),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/people/{id}',
    tag: 'people',
    summary: 'Move a person to the trash (nothing is lost; restore brings them back)',
    params: byId,
    response: personSchema,
    handle: (store, { params }) => store.people.archive(params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/people/{id}/erase',
    tag: 'people',
    summary:
      'Erase a person for good (they asked to be forgotten): every row that holds their data, in every table, with no undo; chats shared with others stay, without them. The body must say { "confirm": true }',
    params: byId,
    body: eraseRequestSchema,
    response: erasedSchema,
    handle: (store, { params, body }) => store.people.erase(params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/trash/empty',
    tag: 'people',
    summary:
      'Erase everyone in the trash for good, as erasing each would. The body must say { "confirm": true }',
    body: eraseRequestSchema,
    response: erasedSchema,
    handle: (store, { body }) => store.people.emptyTrash(body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/people/{id}/restore',
    tag: 'people',
    summary: 'Bring a person back from the trash',
    params: byId,
    response: personSchema,
    handle: (store, { params }) => store.people.restore(params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/people/{id}/interactions',
    tag: 'people',
    summary: 'A person’s interactions, newest first',
    params: byId,
    query: personInteractionsQuery,
    response: interactionPage,
    handle: async (store, { params, query }) => {
      await store.people.get(params.id);
      return store.interactions.list({ ...query, personId: params.id });
    },
  }),

  defineRoute({
    method: 'get',
    path: '/api/organizations',
    tag: 'organizations',
    summary: 'List organizations with how many people work there',
    response: z.array(organizationSchema),
    handle: (store) => store.organizations.list(),
  }),
  defineRoute({
    method: 'post',
    path: '/api/organizations',
    tag: 'organizations',
    summary: 'Add an organization',
    status: 201,
    body: organizationCreateSchema,
    response: organizationSchema,
    handle: (store, { body }) => store.organizations.create(body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/organizations/{id}',
    tag: 'organizations',
    summary: 'One organization',
    params: byId,
    response: organizationSchema,
    handle: (store, { params }) => store.organizations.get(params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/organizations/{id}',
    tag: 'organizations',
    summary: 'Rename an organization or set its domain',
    params: byId,
    body: organizationPatchSchema,
    response: organizationSchema,
    handle: (store, { params, body }) => store.organizations.update(params.id, body),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/organizations/{id}',
    tag: 'organizations',
    summary: 'Delete an organization; its people stay, without it',
    params: byId,
    handle: (store, { params }) => store.organizations.delete(params.id),
  }),

  defineRoute({
    method: 'get',
    path: '/api/views',
    tag: 'people',
    summary: 'The People list’s saved views: filters kept under a name',
    response: z.array(savedViewSchema),
    handle: (store) => store.views.list(),
  }),
  defineRoute({
    method: 'post',
    path: '/api/views',
    tag: 'people',
    summary: 'Save a view of the People list (a view of the same name is replaced)',
    body: viewInputSchema,
    response: savedViewSchema,
    handle: (store, { body }) => store.views.save(body),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/views/{slug}',
    tag: 'people',
    summary: 'Forget a saved view (the people it showed are untouched)',
    params: z.object({ slug: z.string().trim().min(1).max(100) }),
    handle: (store, { params }) => store.views.remove(params.slug),
  }),

  defineRoute({
    method: 'get',
    path: '/api/interactions',
    tag: 'interactions',
    summary: 'List interactions, newest first',
    query: interactionListQuerySchema,
    response: interactionPage,
    handle: (store, { query }) => store.interactions.list(query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/interactions',
    tag: 'interactions',
    summary: 'Log an interaction with one or more people',
    status: 201,
    body: interactionCreateSchema,
    response: interactionSchema,
    handle: (store, { body }) => store.interactions.create(body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/interactions/{id}',
    tag: 'interactions',
    summary: 'One interaction',
    params: byId,
    response: interactionSchema,
    handle: (store, { params }) => store.interactions.get(params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/interactions/{id}',
    tag: 'interactions',
    summary: 'Change an interaction (insights and participants are replaced whole)',
    params: byId,
    body: interactionPatchSchema,
    response: interactionSchema,
    handle: (store, { params, body }) => store.interactions.update(params.id, body),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/interactions/{id}',
    tag: 'interactions',
    summary: 'Delete an interaction',
    params: byId,
    handle: (store, { params }) => store.interactions.delete(params.id),
  }),

  defineRoute({
    method: 'get',
    path: '/api/asks',
    tag: 'method',
    summary: 'Asks, newest first, by state, person or campaign',
    query: askListQuerySchema,
    response: z.array(askSchema),
    handle: (store, { query }) => store.asks.list(query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/asks',
    tag: 'method',
    summary:
      'Draft an ask: one specific question to one person (warnings, never refusals, for several questions); or, with direction "incoming", note one someone asked you',
    status: 201,
    body: askCreateSchema,
    response: askSchema,
    handle: (store, { body }) => store.asks.create(body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/asks/{id}',
    tag: 'method',
    summary: 'One ask with its history',
    params: byId,
    response: askSchema,
    handle: (store, { params }) => store.asks.get(params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/asks/{id}/actions',
    tag: 'method',
    summary:
      'Mark an ask sent, nudged, replied, scheduled, met, thanked, declined or moved on (409 when the step is not allowed)',
    params: byId,
    body: askActionSchema,
    response: askSchema,
    handle: (store, { params, body }) => store.asks.act(params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/campaigns',
    tag: 'method',
    summary: 'Campaigns with their progress',
    response: z.array(campaignSchema),
    handle: (store) => store.campaigns.list(),
  }),
  defineRoute({
    method: 'post',
    path: '/api/campaigns',
    tag: 'method',
    summary: 'Start a campaign of chats toward one aim, paced a batch (default two) at a time',
    status: 201,
    body: campaignCreateSchema,
    response: campaignSchema,
    handle: (store, { body }) => store.campaigns.create(body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/asks/{id}/draft',
    tag: 'method',
    summary:
      'The message of an ask, from the template for its purpose; what is not known yet is a blank ("[your name]") listed in missing',
    params: byId,
    query: z
      .object({
        work: z.string().max(2000).optional(),
        topic: z.string().max(2000).optional(),
        organization: z.string().max(300).optional(),
      })
      .strict(),
    response: z.object({
      askId: z.string(),
      purpose: z.string(),
      text: z.string(),
      missing: z.array(z.enum(PLACEHOLDERS)),
    }),
    handle: (store, { params, query }) => store.asks.draft(params.id, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/settings',
    tag: 'method',
    summary: 'Your name and introduction, nudge timing, templates and cadence by role',
    response: settingsSchema,
    handle: (store) => store.settings.get(),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/settings',
    tag: 'method',
    summary: 'Change some settings; templates are checked for unknown placeholders',
    body: settingsPatchSchema,
    response: settingsSchema,
    handle: (store, { body }) => store.settings.update(body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/tasks',
    tag: 'method',
    summary: 'Open follow-up tasks by due date (all=true: done ones too)',
    query: z.object({ all: z.enum(['true', 'false']).optional() }).strict(),
    response: z.array(taskSchema),
    handle: (store, { query }) => store.tasks.list({ done: query.all === 'true' }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/tasks',
    tag: 'method',
    summary: 'Add a follow-up task, optionally about a person, an ask or an interaction',
    status: 201,
    body: taskCreateSchema,
    response: taskSchema,
    handle: (store, { body }) => store.tasks.create(body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/tasks/{id}/done',
    tag: 'method',
    summary: 'Mark a task done',
    params: byId,
    response: taskSchema,
    handle: (store, { params }) => store.tasks.complete(params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/people/{id}/snooze',
    tag: 'method',
    summary: 'Push a person’s keep-in-touch reminder to a later day (until: null clears it)',
    params: byId,
    body: snoozeSchema,
    handle: (store, { params, body }) => store.snooze(params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/today',
    tag: 'method',
    summary:
      'The agenda for a day (default: today) in a time zone (default: the one in settings, else the server’s)',
    query: todayQuerySchema,
    response: z.object({
      date: z.string(),
      timeZone: z.string(),
      items: z.array(z.looseObject({ kind: z.string(), reason: z.string() })),
    }),
    handle: (store, { query }) =>
      store.agenda({
        date: query.date,
        timeZone: query.timeZone,
        fallbackTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/search',
    tag: 'search',
    summary: 'Full-text search over people and interactions (prefixes match, accents fold)',
    query: searchQuerySchema,
    response: searchResultSchema,
    handle: (store, { query }) => store.search(query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/demo',
    tag: 'workspace',
    summary: 'Load the sample network into an empty workspace (the first-run screen’s offer)',
    status: 201,
    body: demoRequestSchema,
    response: z.object({
      people: z.int(),
      interactions: z.int(),
      insights: z.int(),
      asks: z.int(),
      knows: z.int(),
    }),
    handle: (store, { body }) =>
      loadDemo(store, {
        ...DEMO_DEFAULTS,
        ...(body?.size ? { size: body.size } : {}),
        now: store.now(),
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/lookup/person',
    tag: 'people',
    summary:
      'The one person a text names: a name, an email, a LinkedIn address or an id (409 when several match), as the CLI resolves them',
    query: z.object({
      q: z.string().trim().min(1).max(500),
      archived: z.enum(['true', 'false']).optional(),
    }),
    response: personSchema,
    handle: (store, { query }) =>
      store.people.resolve(query.q, query.archived === 'true' ? { archived: true } : undefined),
  }),
  defineRoute({
    method: 'get',
    path: '/api/lookup/campaign',
    tag: 'asks',
    summary: 'The one campaign a text names: its name or id',
    query: z.object({ q: z.string().trim().min(1).max(500) }),
    response: campaignSchema,
    handle: (store, { query }) => store.campaigns.resolve(query.q),
  }),
  defineRoute({
    method: 'get',
    path: '/api/stats',
    tag: 'workspace',
    summary: 'How many people, organizations, interactions and insights the workspace holds',
    response: z.object({
      people: z.int(),
      archivedPeople: z.int(),
      organizations: z.int(),
      interactions: z.int(),
      insights: z.int(),
    }),
    handle: (store) => store.counts(),
  }),
  ...connectorRoutes,
  ...importRoutes,
  ...exportRoutes,
  ...mergeRoutes,
  ...accountRoutes,
  ...teamRoutes,
];
