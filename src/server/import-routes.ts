// Imports over HTTP: the web app's import wizard sends the file (base64: exports come in many
// encodings), gets a preview, then the import; runs are listed and can be undone.
import { z } from 'zod';
import {
  importReportSchema,
  importRequestSchema,
  importRunSchema,
  undoResultSchema,
} from '../domain/import/schemas.js';
import { defineRoute, type Route } from './route.js';

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
      }),
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
