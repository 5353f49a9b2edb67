// Imports over HTTP: the web app's import wizard sends the file (base64: exports come in many
// encodings), gets a preview, then the import; runs are listed and can be undone.
import { z } from 'zod';
import {
  importReportSchema,
  importRequestSchema,
  importRunSchema,
  provenanceSchema,
  undoResultSchema,
} from '../domain/import/schemas.js';
import { KithError } from '../domain/errors.js';
import { idSchema } from '../domain/fields.js';
import { EXPORT_FORMATS } from '../store/export.js';
import { defineRoute, FileResponse, StreamResponse, type Route } from './route.js';

export const importRoutes: Route[] = [
  defineRoute({
    method: 'post',
    path: '/api/imports',
    tag: 'imports',
    summary:
      'Import an export (LinkedIn .zip or its CSV files, Google or Outlook CSV, vCard, iCalendar): dryRun previews; a file with a bad row writes nothing',
    body: importRequestSchema,
    response: importReportSchema,
    handle: (store, { body }) =>
      store.imports.contacts(new Uint8Array(Buffer.from(body.content, 'base64')), body.fileName, {
        dryRun: body.dryRun,
        keepPhotos: body.keepPhotos,
        recurringFrom: body.recurringFrom,
        recurringTo: body.recurringTo,
      }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/imports/stream',
    tag: 'imports',
    summary:
      'The same import, answered as it goes (application/x-ndjson): {"phase","done","total"} lines as it goes (reading, people, conversations, saving; reading and saving are not counted: 0 of 0), then {"result": report} — or {"error": …}',
    body: importRequestSchema,
    produces: ['application/x-ndjson'],
    handle: async (store, { body }) =>
      new StreamResponse((send) =>
        store.imports.contacts(new Uint8Array(Buffer.from(body.content, 'base64')), body.fileName, {
          dryRun: body.dryRun,
          keepPhotos: body.keepPhotos,
          recurringFrom: body.recurringFrom,
          recurringTo: body.recurringTo,
          onProgress: send,
        }),
      ),
  }),
  defineRoute({
    method: 'get',
    path: '/api/imports',
    tag: 'imports',
    summary: 'Past imports, newest first',
    response: z.array(importRunSchema),
    handle: (store) => store.imports.runs(),
  }),
  defineRoute({
    method: 'get',
    path: '/api/people/{id}/photo',
    tag: 'imports',
    summary: 'A person’s photo (kept from a vCard when imported with keepPhotos); 404 when none',
    params: z.object({ id: idSchema }),
    produces: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    handle: async (store, { params }) => {
      const person = await store.people.get(params.id);
      const photo = await store.imports.photo(person.id);
      if (!photo) throw new KithError('not_found', `${person.displayName} has no photo.`);
      return new FileResponse(photo.mime, photo.bytes, null);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/people/{id}/provenance',
    tag: 'imports',
    summary:
      'What imports brought this person: a photo (if kept), and each import that repaired their text, with what the file said',
    params: z.object({ id: idSchema }),
    response: provenanceSchema,
    handle: async (store, { params }) => {
      await store.people.get(params.id);
      const photo = await store.imports.photo(params.id);
      return {
        photo: photo ? { mime: photo.mime } : null,
        repaired: await store.imports.provenance(params.id),
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/imports/{id}/undo',
    tag: 'imports',
    summary:
      'Undo an import: people it created go to the trash, people it updated get their earlier details back (409 if edited since)',
    params: z.object({ id: z.string().trim().min(1).max(64) }),
    response: undoResultSchema,
    handle: (store, { params }) => store.imports.undo(params.id),
  }),
];

const feedSchema = z.object({
  /** The feed's path on this server (/feeds/<secret>.ics), or null when there is none. */
  path: z.string().nullable(),
});
const feedPath = (token: string | null) => (token ? `/feeds/${token}.ics` : null);

export const exportRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/api/export',
    tag: 'imports',
    summary:
      'Take everything out: json (the whole workspace, lossless: it restores into an empty workspace), csv or vcard (people), ics (scheduled chats, keep-in-touch days, follow-ups)',
    query: z.object({ format: z.enum(['json', 'csv', 'vcard', 'ics']).default('json') }).strict(),
    produces: Object.values(EXPORT_FORMATS).map((f) => f.contentType),
    handle: async (store, { query }) => {
      const file = await store.exports.file(query.format);
      const day = new Date().toISOString().slice(0, 10);
      return new FileResponse(
        file.contentType,
        file.text,
        `kith-${day}.${file.extension}`,
        file.count,
      );
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/calendar-feed',
    tag: 'imports',
    summary: 'The calendar feed’s secret address, if there is one',
    response: feedSchema,
    handle: async (store) => ({ path: feedPath(await store.feed.token()) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/calendar-feed',
    tag: 'imports',
    summary: 'A new secret address for the calendar feed; the old one stops working',
    response: feedSchema,
    handle: async (store) => ({ path: feedPath(await store.feed.renew()) }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/calendar-feed',
    tag: 'imports',
    summary: 'Revoke the calendar feed: its address stops working',
    handle: async (store) => {
      await store.feed.revoke();
    },
  }),
  defineRoute({
    method: 'get',
    path: '/feeds/{file}',
    tag: 'imports',
    summary:
      'The calendar feed a calendar app subscribes to (the path from /api/calendar-feed; 404 once revoked)',
    params: z.object({ file: z.string().regex(/^[\w-]{16,64}\.ics$/) }),
    produces: [EXPORT_FORMATS.ics.contentType],
    // The secret in the address is the credential: a calendar app cannot sign in.
    access: 'public',
    handle: async (store, { params }) => {
      const token = params.file.replace(/\.ics$/, '');
      const workspace = await store.accounts.feedWorkspace(token);
      const owner = workspace ? store.forWorkspace(workspace) : store;
      return new FileResponse(
        EXPORT_FORMATS.ics.contentType,
        await owner.feed.calendar(token),
        null,
      );
    },
  }),
];
