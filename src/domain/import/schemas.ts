// The shapes of an import at the doors (API, web): the request and the report.
import { z } from 'zod';
import { isoDate } from '../fields.js';

export const importRequestSchema = z
  .object({
    fileName: z.string().trim().min(1, { error: 'fileName is required' }).max(200),
    /** The file's bytes, base64: exports come in many encodings, decoded on the server. */
    content: z.base64({ error: 'content must be the file, base64-encoded' }),
    dryRun: z.boolean().optional(),
    /** Keep the pictures vCards carry (else they are left out and listed). */
    keepPhotos: z.boolean().optional(),
    /** A calendar's recurring events are expanded from this day (default: a year ago)… */
    recurringFrom: isoDate.optional(),
    /** …up to this one (default: 90 days ahead). */
    recurringTo: isoDate.optional(),
  })
  .strict();

const rowErrorSchema = z.object({
  file: z.string(),
  line: z.number(),
  field: z.string().nullable(),
  message: z.string(),
});

const countsSchema = z.object({
  new: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  review: z.number(),
  errors: z.number(),
});

const activityCountsSchema = z.object({
  new: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Nobody in it is in Kith (a stranger's message, an event with colleagues only). */
  skipped: z.number(),
});
export type ActivityCounts = z.output<typeof activityCountsSchema>;

export const importReportSchema = z.object({
  file: z.string(),
  format: z.string(),
  dryRun: z.boolean(),
  status: z.enum(['preview', 'imported', 'refused']),
  runId: z.string().nullable(),
  counts: countsSchema,
  rows: z.array(
    z.object({
      line: z.number(),
      name: z.string(),
      action: z.enum(['new', 'updated', 'unchanged', 'duplicate']),
      personId: z.string().nullable(),
      matchedBy: z
        .enum(['card UID', 'email', 'linkedin', 'phone', 'name and organization'])
        .nullable(),
      changes: z.array(z.string()),
      review: z.object({ personId: z.string(), name: z.string() }).nullable(),
      repaired: z.array(z.object({ field: z.string(), original: z.string() })),
    }),
  ),
  errors: z.array(rowErrorSchema),
  ignoredColumns: z.array(z.string()),
  ignoredFiles: z.array(z.string()),
  /** Conversations, invitations and calendar events. */
  activities: z.object({
    counts: activityCountsSchema,
    /** The first of those left out, to show why. */
    skipped: z.array(
      z.object({ file: z.string(), line: z.number(), summary: z.string(), people: z.string() }),
    ),
  }),
  /** What the reader left out on purpose, in a sentence or two. */
  remarks: z.array(z.string()),
});
export type ImportReport = z.output<typeof importReportSchema>;
export type ImportRow = ImportReport['rows'][number];
export type ImportAction = ImportRow['action'];

/**
 * How far an import has come: the file being read (at first, and again while the people are
 * written and the rest of a large file is still being read), people written, conversations and
 * events written, then everything saved at once. Reading and saving have no count: their
 * `done` and `total` are 0.
 */
export const importProgressSchema = z.object({
  phase: z.enum(['reading', 'people', 'conversations', 'saving']),
  done: z.number(),
  total: z.number(),
});
export type ImportProgress = z.output<typeof importProgressSchema>;
export type OnImportProgress = (progress: ImportProgress) => void;

/**
 * What imports brought a person beyond their fields: each import that repaired some of their
 * text, with what the file said, and whether a photo was kept.
 */
export const provenanceSchema = z.object({
  photo: z.object({ mime: z.string() }).nullable(),
  repaired: z.array(
    z.object({
      runId: z.string(),
      file: z.string(),
      at: z.string(),
      repaired: z.array(z.object({ field: z.string(), original: z.string() })),
    }),
  ),
});

export const importRunSchema = z.object({
  id: z.string(),
  file: z.string(),
  format: z.string(),
  counts: countsSchema.extend({ activities: activityCountsSchema.optional() }),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type ImportRunSummary = z.output<typeof importRunSchema>;

export const undoResultSchema = z.object({
  runId: z.string(),
  archived: z.number(),
  restored: z.number(),
  /** Conversations, asks and events taken back out or restored. */
  activities: z.number(),
});
