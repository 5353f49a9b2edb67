// Importing contacts: match each row to someone already in Kith (email, LinkedIn address,
// phone, then name and organization), plan what changes (domain/import/merge-plan.ts), show
// the plan, and write it in one transaction — every row or none — recording the run so it
// can be undone. Importing the same file again changes nothing.
import { KithError, notFound } from '../domain/errors.js';
import { newId, shortId } from '../domain/ids.js';
import { createHash } from 'node:crypto';
import {
  leftOutRemarks,
  sourceOf,
  type ContactFormat,
  type ContactsRead,
} from '../domain/import/contacts-csv.js';
import { unusedOptionRemarks } from '../domain/import/read-file.js';
import { decodeText } from '../domain/import/decode.js';
import {
  acceptedInvitationsRemark,
  type ActivityRead,
} from '../domain/import/linkedin-activity.js';
import { combineLinkedInParts, isZip, readLinkedInParts } from '../domain/import/linkedin-zip.js';
import { latestInteractionOf } from '../domain/import/activity.js';
import type { Photo } from '../domain/import/photo.js';
import { BACKUP_FORMAT, isBackup, restoreBackup, type Backup } from './backup.js';
import type {
  ImportAction,
  ImportReport,
  ImportRow,
  ImportRunSummary,
  OnImportProgress,
} from '../domain/import/schemas.js';
import type { PersonData } from '../domain/person.js';
import { nameKey } from '../domain/text.js';
import { chunk, givenId, inLargeChange, letOthersRun, type StoreContext } from './context.js';
import { refreshTouchDue } from './derived.js';
import { matchRows, planRows, recordSources, writePeople } from './import-people.js';
import { readFileSoon } from './read-off-thread.js';
import { readMessagesSoon } from './read-messages.js';
import { bumpTies } from './ties.js';
import {
  addStoredPeople,
  editedSince,
  acceptedInvitations,
  answerAcceptedInvitations,
  planActivities,
  type AcceptedInvitation,
  undoActivities,
  writeActivities,
  type PeopleByRef,
} from './import-activities.js';
import { archivePerson, updatePerson } from './people.js';

export type { ImportAction, ImportReport, ImportRow, ImportRunSummary };

/** Photos for people who have none yet: a photo the user has is never replaced by a file's. */
async function addPhotos(
  tx: StoreContext,
  photos: { personId: string; photo: Photo }[],
  now: string,
  runId: string,
): Promise<void> {
  // A person who has a photo keeps it.
  await tx.rows.insert(
    tx.db,
    'person_photo',
    photos.map((p) => ({
      person_id: p.personId,
      workspace_id: tx.workspaceId,
      mime: p.photo.mime,
      data: p.photo.data,
      updated_at: now,
      run_id: runId,
    })),
    { columns: ['person_id'], update: [] },
  );
}

/** A person's photo, if they have one. */
export async function photoOf(
  ctx: StoreContext,
  personId: string,
): Promise<{ mime: string; bytes: Buffer } | null> {
  const row = await ctx.db
    .selectFrom('person_photo')
    .select(['mime', 'data'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row ? { mime: row.mime, bytes: Buffer.from(row.data, 'base64') } : null;
}

/** Thrown inside an import's transaction to take back what it wrote when the rest of the file is bad. */
class Refused {
  constructor(readonly whole: ContactsRead) {}
}

/** Plan an import and, unless it is a dry run or a row is wrong, carry it out. */
export async function importContacts(
  ctx: StoreContext,
  read: ContactsRead,
  options: {
    file: string;
    dryRun?: boolean;
    onProgress?: OnImportProgress;
    fileHash?: string;
    /**
     * The whole file once read, when `read` is only its beginning: the same people, without
     * what happened (a large messages.csv still being read on another thread).
     */
    whole?: Promise<ContactsRead>;
  },
): Promise<ImportReport> {
  const reportOf = (read: ContactsRead) => ({
    file: options.file,
    format: read.format,
    dryRun: !!options.dryRun,
    errors: read.errors,
    ignoredColumns: read.ignoredColumns,
    ignoredFiles: read.ignoredFiles ?? [],
    remarks: [...(read.remarks ?? []), ...leftOutRemarks(read.people)],
  });
  const noActivities = {
    counts: { new: 0, updated: 0, unchanged: 0, skipped: 0 },
    skipped: [],
  };
  // One bad row anywhere refuses the whole file, with every bad row listed.
  const refused = (whole: ContactsRead): ImportReport => ({
    ...reportOf(whole),
    status: 'refused',
    runId: null,
    counts: { new: 0, updated: 0, unchanged: 0, review: 0, errors: whole.errors.length },
    rows: [],
    activities: noActivities,
  });
  if (read.errors.length > 0) return refused((await options.whole) ?? read);
  // Reading took a while (synchronously): let what waited meanwhile through first.
  await letOthersRun();
  try {
    return await inLargeChange(ctx, async (tx) => {
      const report = await importInTransaction(tx);
      // Before the commit, so the statistics and the rows arrive together (a write waiting for
      // the import finds both).
      if (isLarge(report)) await tx.search.refreshStatistics(tx.db, IMPORTED_TABLES);
      return report;
    });
  } catch (error) {
    if (error instanceof Refused) return refused(error.whole);
    throw error;
  }

  async function importInTransaction(tx: StoreContext): Promise<ImportReport> {
    const { planned, matchedIds } = await matchRows(tx, read.people);
    const { previous, byId, counts } = await planRows(tx, planned, matchedIds, read.format);
    const rows = planned.map(({ person: _person, uid: _uid, ...row }) => row);

    // Conversations and events: their people are found among those already in Kith and
    // those this file adds (written by then, or known by a stand-in id in a preview).
    const planActivitiesOf = async (whole: ContactsRead) => {
      const activities = whole.activities ?? [];
      const refs: PeopleByRef = { byLinkedin: new Map(), byEmail: new Map(), byName: new Map() };
      planned.forEach((row, i) => {
        if (row.action === 'duplicate') return;
        const id = row.personId ?? `new:${i}`;
        if (row.person.linkedin) refs.byLinkedin.set(row.person.linkedin, id);
        for (const e of row.person.emails ?? []) refs.byEmail.set(e.toLowerCase(), id);
        const key = nameKey(row.person.displayName);
        const list = refs.byName.get(key) ?? [];
        if (!list.includes(id)) list.push(id);
        refs.byName.set(key, list);
      });
      if (activities.length > 0) await addStoredPeople(tx, activities, refs);
      return planActivities(tx, activities, refs);
    };
    /** The whole file, once read; a bad row in what came last takes back what was written. */
    const wholeRead = async () => {
      if (options.whole) options.onProgress?.({ phase: 'reading', done: 0, total: 0 });
      const whole = (await options.whole) ?? read;
      if (whole.errors.length > 0) throw new Refused(whole);
      return whole;
    };
    // LinkedIn connections since a waiting invitation: it was accepted (see acceptedInvitations).
    const connections = () =>
      planned.flatMap((row) =>
        // metOn is a date by now: the row passed the person schema.
        row.personId && row.action !== 'duplicate' && row.person.metOn
          ? [{ personId: row.personId, on: row.person.metOn }]
          : [],
      );
    const acceptedRemarks = (accepted: AcceptedInvitation[], dryRun: boolean) =>
      acceptedInvitationsRemark(
        accepted.map((a) => a.personName),
        dryRun,
      );
    if (options.dryRun) {
      const whole = await wholeRead();
      const activityPlan = await planActivitiesOf(whole);
      const accepted = await acceptedInvitations(tx, connections(), tx.now().toISOString());
      const report = reportOf(whole);
      return {
        ...report,
        remarks: [...report.remarks, ...acceptedRemarks(accepted, true)],
        status: 'preview',
        runId: null,
        counts,
        rows,
        activities: { counts: activityPlan.counts, skipped: activityPlan.skipped },
      };
    }

    const runId = newId();
    const now = tx.now().toISOString();
    await tx.db
      .insertInto('import_run')
      .values({
        id: runId,
        workspace_id: tx.workspaceId,
        file: options.file,
        format: read.format,
        counts: JSON.stringify(counts),
        created_at: now,
        undone_at: null,
      })
      .execute();
    const { fresh, due } = await writePeople(tx, planned, {
      byId,
      previous,
      runId,
      now,
      onProgress: (done, total) => options.onProgress?.({ phase: 'people', done, total }),
    });
    await recordSources(tx, planned, previous, sourceOf(read.format), now);
    if (fresh.length > 0) await bumpTies(tx);
    await addPhotos(
      tx,
      read.people.flatMap((item, i) => {
        const id = planned[i]?.action === 'duplicate' ? null : planned[i]?.personId;
        return item.photo && id ? [{ personId: id, photo: item.photo }] : [];
      }),
      now,
      runId,
    );
    // The rest of the file (a large messages.csv is read on another thread meanwhile): its
    // conversations, planned now that everyone in it has an id.
    const whole = await wholeRead();
    const activityPlan = await planActivitiesOf(whole);
    // The people this file adds had no conversations before it: their last contact is the
    // latest of its conversations with them, set at once rather than looked up one by one.
    const latest = latestInteractionOf(
      activityPlan.planned.flatMap((p) =>
        p.action === 'new' && p.activity.type === 'interaction'
          ? [{ at: p.activity.at, personIds: p.personIds }]
          : [],
      ),
      new Set(fresh.flatMap((r) => (r.personId ? [r.personId] : []))),
    );
    await tx.rows.update(
      tx.db,
      'person',
      'id',
      [...latest].map(([id, at]) => ({ id, last_contact_at: at })),
    );
    const dueNow = due.filter((id) => latest.has(id));
    for (const part of chunk(dueNow, 5000)) await refreshTouchDue(tx, part);
    await writeActivities(tx, activityPlan.planned, runId, now, {
      onProgress: (done, total) => options.onProgress?.({ phase: 'conversations', done, total }),
      lastContactKnown: new Set(latest.keys()),
      names: new Map(
        fresh.flatMap((r) => (r.personId ? [[r.personId, r.person.displayName] as const] : [])),
      ),
    });
    const accepted = await acceptedInvitations(tx, connections(), now);
    await answerAcceptedInvitations(tx, accepted, runId);
    planned.forEach((row, i) => {
      const out = rows[i];
      if (out) out.personId = row.personId;
    });
    // What was imported, by content, and the people as they are now: the same bytes again,
    // while no person changes, need not be read (see importFile).
    await tx.db
      .updateTable('import_run')
      .set({
        counts: JSON.stringify({ ...counts, activities: activityPlan.counts }),
        file_hash: options.fileHash ?? null,
        people_mark: await peopleMark(tx),
      })
      .where('id', '=', runId)
      .execute();
    // All of it is written; what is left is making it last (the commit).
    options.onProgress?.({ phase: 'saving', done: 0, total: 0 });
    await letOthersRun();
    const report = reportOf(whole);
    return {
      ...report,
      remarks: [...report.remarks, ...acceptedRemarks(accepted, false)],
      status: 'imported',
      runId,
      counts,
      rows,
      activities: { counts: activityPlan.counts, skipped: activityPlan.skipped },
    };
  }
}

export async function listImportRuns(ctx: StoreContext): Promise<ImportRunSummary[]> {
  const rows = await ctx.db
    .selectFrom('import_run')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    file: r.file,
    format: r.format,
    counts: JSON.parse(r.counts) as ImportReport['counts'],
    createdAt: r.created_at,
    undoneAt: r.undone_at,
  }));
}

/**
 * Undo an import: people it created go to the trash, people it updated get their earlier
 * data back — unless someone edited them since, which is a conflict that changes nothing.
 */
export async function undoImport(
  ctx: StoreContext,
  id: string,
): Promise<{ runId: string; archived: number; restored: number; activities: number }> {
  return inLargeChange(ctx, async (tx) => {
    const byId = givenId('id', id);
    const runs = byId
      ? await tx.db
          .selectFrom('import_run')
          .selectAll()
          .where('workspace_id', '=', tx.workspaceId)
          .where(byId)
          .limit(2)
          .execute()
      : [];
    if (runs.length > 1)
      throw new KithError(
        'ambiguous',
        `Several imports end in ${id.trim()}; use the full id.`,
        'id',
      );
    const [run] = runs;
    if (!run) throw notFound('import run', id);
    if (run.undone_at)
      throw new KithError('conflict', `This import was undone already, on ${run.undone_at}.`, 'id');
    const changes = await tx.db
      .selectFrom('import_change')
      .innerJoin('person', 'person.id', 'import_change.person_id')
      .select([
        'import_change.person_id',
        'import_change.action',
        'import_change.before',
        'import_change.after_updated_at',
        'person.updated_at',
        'person.display_name',
      ])
      .where('import_change.run_id', '=', run.id)
      .execute();
    const edited = [
      ...changes.filter((c) => c.updated_at !== c.after_updated_at).map((c) => c.display_name),
      ...(await editedSince(tx, run.id)),
    ];
    if (edited.length > 0) {
      throw new KithError(
        'conflict',
        `Cannot undo: ${edited.length} ${edited.length === 1 ? 'thing it wrote was' : 'things it wrote were'} edited since (${edited
          .slice(0, 5)
          .join(', ')}${edited.length > 5 ? ', …' : ''}).`,
        'id',
      );
    }
    let archived = 0;
    let restored = 0;
    for (const c of changes) {
      if (c.action === 'created') {
        await archivePerson(tx, c.person_id);
        archived += 1;
      } else if (c.before) {
        const before = JSON.parse(c.before) as PersonData;
        await updatePerson(tx, c.person_id, before);
        restored += 1;
      }
    }
    for (const part of chunk(
      changes.map((c) => c.person_id),
      5000,
    )) {
      await tx.db
        .deleteFrom('import_source')
        .where('workspace_id', '=', tx.workspaceId)
        .where('person_id', 'in', part)
        .where('format', '=', sourceOf(run.format as ContactFormat))
        .execute();
    }
    const activities = await undoActivities(tx, run.id);
    await tx.db.deleteFrom('person_photo').where('run_id', '=', run.id).execute();
    await tx.db
      .updateTable('import_run')
      .set({ undone_at: tx.now().toISOString() })
      .where('id', '=', run.id)
      .execute();
    return { runId: run.id, archived, restored, activities };
  });
}

/** Where a person's imported text came from: each run that repaired some, with the originals. */
export async function provenanceOf(
  ctx: StoreContext,
  personId: string,
): Promise<{ runId: string; file: string; at: string; repaired: ImportRow['repaired'] }[]> {
  const rows = await ctx.db
    .selectFrom('import_change')
    .innerJoin('import_run', 'import_run.id', 'import_change.run_id')
    .select(['import_run.id', 'import_run.file', 'import_run.created_at', 'import_change.repaired'])
    .where('import_run.workspace_id', '=', ctx.workspaceId)
    .where('import_change.person_id', '=', personId)
    .where('import_change.repaired', 'is not', null)
    .orderBy('import_run.created_at')
    .execute();
  return rows.map((r) => ({
    runId: r.id,
    file: r.file,
    at: r.created_at,
    repaired: JSON.parse(r.repaired ?? '[]') as ImportRow['repaired'],
  }));
}

/** How a file is imported: previewed, with its photos, with which recurring events. */
export interface ImportOptions {
  dryRun?: boolean;
  keepPhotos?: boolean;
  /** A calendar's recurring events, from this day up to this one (YYYY-MM-DD). */
  recurringFrom?: string;
  recurringTo?: string;
  onProgress?: OnImportProgress;
}

/** The report, with what it was asked that its file had no use for. */
const withUnusedOptions = (report: ImportReport, options: ImportOptions): ImportReport => ({
  ...report,
  remarks: [...report.remarks, ...unusedOptionRemarks(report.format, options)],
});

/** Whether an import changed enough rows to leave the planner's statistics behind. */
const isLarge = (report: ImportReport) =>
  report.status === 'imported' &&
  report.counts.new +
    report.counts.updated +
    report.activities.counts.new +
    report.activities.counts.updated >=
    LARGE_IMPORT;

/** An import that changed this many rows leaves the planner's statistics behind. */
const LARGE_IMPORT = 1000;

/** Every table an import writes (restoring a backup analyzes them all itself). */
const IMPORTED_TABLES = [
  'person',
  'person_contact',
  'person_tag',
  'person_role',
  'person_photo',
  'organization',
  'tag',
  'interaction',
  'interaction_participant',
  'insight',
  'ask',
  'ask_event',
  'import_run',
  'import_change',
  'import_source',
  'import_item',
  'import_activity_change',
] as const;

/**
 * Any file Kith imports: a Kith backup (JSON) is restored into an empty workspace; anything
 * else is read as an export of contacts, conversations or a calendar.
 */
export async function importFile(
  ctx: StoreContext,
  bytes: Uint8Array,
  file: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const backup = backupIn(bytes, file);
  if (!backup) {
    options.onProgress?.({ phase: 'reading', done: 0, total: 0 });
    await letOthersRun();
    const fileHash = createHash('sha256')
      // Days for recurring events count only when given: a file imported before they could be
      // is still known by the same hash.
      .update(
        `kith-import ${READER_VERSION} keepPhotos=${!!options.keepPhotos}${
          options.recurringFrom || options.recurringTo
            ? ` recurring=${options.recurringFrom ?? ''}..${options.recurringTo ?? ''}`
            : ''
        }\n`,
      )
      .update(bytes)
      .digest('hex');
    const done = await importedAlready(ctx, fileHash, file, !!options.dryRun);
    if (done) return done;
    // A LinkedIn archive's messages are read while the people are matched and written.
    if (isZip(bytes)) {
      let messages: Promise<ActivityRead | null> = Promise.resolve(null);
      const parts = readLinkedInParts(bytes, file, {
        onMessages: (found) => {
          messages = readMessagesSoon(found);
          // Its refusal is reported once the people are written, or not at all when the rest
          // of the archive is refused first: never an unhandled rejection meanwhile, which
          // would end the server.
          messages.catch(() => undefined);
        },
      });
      const whole = messages.then((m) => combineLinkedInParts(parts, m));
      whole.catch(() => undefined);
      // Until then: the people (messages bring none), and nothing that happened yet.
      const early = { ...combineLinkedInParts(parts, null), activities: [] };
      return withUnusedOptions(
        await importContacts(ctx, early, { file, ...options, fileHash, whole }),
        options,
      );
    }
    const read = await readFileSoon(bytes, file, {
      now: ctx.now(),
      keepPhotos: !!options.keepPhotos,
      recurringFrom: options.recurringFrom,
      recurringTo: options.recurringTo,
    });
    return withUnusedOptions(
      await importContacts(ctx, read, { file, ...options, fileHash }),
      options,
    );
  }
  const counts = await restoreBackup(ctx, backup, { file, dryRun: options.dryRun });
  const n = (table: string) => counts[table] ?? 0;
  return {
    file,
    format: BACKUP_FORMAT,
    dryRun: !!options.dryRun,
    status: options.dryRun ? 'preview' : 'imported',
    runId: null,
    counts: { new: n('person'), updated: 0, unchanged: 0, review: 0, errors: 0 },
    rows: [],
    errors: [],
    ignoredColumns: [],
    ignoredFiles: [],
    activities: {
      counts: { new: n('interaction') + n('ask'), updated: 0, unchanged: 0, skipped: 0 },
      skipped: [],
    },
    remarks: [
      `${options.dryRun ? 'Would restore' : 'Restored'} a Kith backup: ${n('person')} people, ${n('interaction')} interactions, ${n('ask')} asks, ${n('campaign')} campaigns, ${n('introduction')} introductions, ${n('knows')} ties, ${n('task')} follow-ups.`,
    ],
  };
}

/**
 * Bumped when a reader learns to take more from the same file: a file imported by an older
 * reader is then read again.
 */
const READER_VERSION = 1;

/** How many people the workspace has, how many are live, and when one last changed. */
async function peopleMark(ctx: StoreContext): Promise<string> {
  const row = await ctx.db
    .selectFrom('person')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('all'),
      eb.fn.count<number | string>('archived_at').as('archived'),
      eb.fn.max('updated_at').as('latest'),
    ])
    .where('workspace_id', '=', ctx.workspaceId)
    .executeTakeFirst();
  return `${Number(row?.all ?? 0)}|${Number(row?.archived ?? 0)}|${row?.latest ?? ''}`;
}

/**
 * The report of a file imported before (the same bytes, read the same way), when that import
 * stands (not undone) and no person has been added, changed, archived or merged since: then
 * reading it again would change nothing, and it is not read. A calendar is always read again
 * (what is past and what is to come moves with the clock).
 */
async function importedAlready(
  ctx: StoreContext,
  fileHash: string,
  file: string,
  dryRun: boolean,
): Promise<ImportReport | null> {
  const last = await ctx.db
    .selectFrom('import_run')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('file_hash', '=', fileHash)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last || last.undone_at || last.format === 'icalendar') return null;
  if (last.people_mark !== (await peopleMark(ctx))) return null;
  const counts = JSON.parse(last.counts) as ImportRunSummary['counts'];
  const people = counts.new + counts.updated + counts.unchanged;
  const a = counts.activities ?? { new: 0, updated: 0, unchanged: 0, skipped: 0 };
  return {
    file,
    format: last.format,
    dryRun,
    status: dryRun ? 'preview' : 'imported',
    runId: null,
    counts: { new: 0, updated: 0, unchanged: people, review: 0, errors: 0 },
    rows: [],
    errors: [],
    ignoredColumns: [],
    ignoredFiles: [],
    activities: {
      counts: {
        new: 0,
        updated: 0,
        unchanged: a.new + a.updated + a.unchanged,
        skipped: a.skipped,
      },
      skipped: [],
    },
    remarks: [
      `This very file was imported on ${last.created_at.slice(0, 10)} (run ${shortId(last.id)}) and no one has changed since: nothing to do.`,
    ],
  };
}

/** A Kith backup, when the file is one; null when it is some other file. */
function backupIn(bytes: Uint8Array, file: string): Backup | null {
  // Only a file that starts like JSON is decoded whole here (an export can be tens of MB).
  const start = decodeText(bytes.subarray(0, 64)).text;
  if (!/^\s*\{/.test(start)) return null;
  const { text } = decodeText(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new KithError(
      'invalid_input',
      `${file}: not readable JSON (${(error as Error).message.slice(0, 200)})`,
      'file',
    );
  }
  if (!isBackup(value))
    throw new KithError(
      'invalid_input',
      `${file}: JSON, but not a Kith backup (made by kith export --format json)`,
      'file',
    );
  return value;
}
