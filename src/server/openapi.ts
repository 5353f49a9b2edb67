// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests.
import { z } from 'zod';
import type { Route } from './route.js';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  delete (json as { $schema?: string }).$schema;
  return json as JsonSchema;
};

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        field: { type: 'string', description: 'The field at fault, as a dotted path' },
        details: {},
      },
    },
  },
};

/**
 * What a route needs on a server with accounts (in local mode, on loopback, nothing): a session
 * cookie or a token for the workspace's routes, a session to manage the account, nothing for the
 * public ones (signing in, a calendar feed whose secret is its address).
 */
const SECURITY: Record<Route['access'], Record<string, string[]>[]> = {
  workspace: [{ session: [] }, { token: [] }],
  session: [{ session: [] }],
  public: [],
};

export function openApiDocument(routes: Route[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters = [
      ...Object.entries(route.params?.shape ?? {}).map(([name, s]) => ({
        name,
        in: 'path',
        required: true,
        schema: schemaOf(s as z.ZodType, 'input'),
      })),
      ...Object.entries(route.query?.shape ?? {}).map(([name, s]) => ({
        name,
        in: 'query',
        required: !(s as z.ZodType).safeParse(undefined).success,
        schema: schemaOf(s as z.ZodType, 'input'),
      })),
    ];
    const responses: Record<string, unknown> = {
      [String(route.status)]: route.response
        ? {
            description: 'OK',
            content: { 'application/json': { schema: schemaOf(route.response, 'output') } },
          }
        : route.produces
          ? {
              description: 'The file',
              content: Object.fromEntries(
                route.produces.map((type) => [type, { schema: { type: 'string' } }]),
              ),
            }
          : { description: 'Done; no content' },
      '400': { $ref: '#/components/responses/BadRequest' },
    };
    if (route.params) responses['404'] = { $ref: '#/components/responses/NotFound' };
    if (route.method !== 'get') responses['503'] = { $ref: '#/components/responses/Busy' };
    if (route.access !== 'public')
      responses['401'] = { $ref: '#/components/responses/Unauthorized' };
    paths[route.path] = {
      ...paths[route.path],
      [route.method]: {
        summary: route.summary,
        tags: [route.tag],
        operationId: `${route.method}${route.path.replace(/[{}]/g, '').replace(/\/(\w)/g, (_m, c: string) => c.toUpperCase())}`,
        security: SECURITY[route.access],
        ...(parameters.length ? { parameters } : {}),
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
              },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kith API',
      version,
      description:
        'The HTTP API of Kith, a personal networking CRM. The web app uses nothing else.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'kith_session',
          description: 'Set by /api/auth/sign-in (or a passkey sign-in); HttpOnly, SameSite=Lax',
        },
        token: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API token from Settings or `kith token create`; a read-only one is refused every change (403)',
        },
      },
      responses: {
        BadRequest: {
          description: 'The input was not valid; error.field names the field',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
        NotFound: {
          description: 'Nothing has that id',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
        Unauthorized: {
          description:
            'The server has accounts and the request has no live session or token (error.code "unauthorized")',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
        Busy: {
          description:
            'SQLite: another process (a kith import in a terminal) has held the database file for over a minute; nothing was changed, try again (error.code "busy")',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  };
}
