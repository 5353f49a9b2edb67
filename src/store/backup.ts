// The whole workspace as one JSON document, and back: every table a workspace owns, row by
// row, column by column — nothing left out, nothing derived added — so that exporting,
// restoring into an empty workspace and exporting again gives the same document. Rows are
// sorted and keys ordered so the document does not depend on the database it came from.
// Left out on purpose: the calendar feed's secret address (a restored copy gets its own) and
// the tie graph's version counter (a cache key). The search index is rebuilt on restore.
import { sql, type Kysely } from 'kysely';
import { KithError } from '../domain/errors.js';
import { personDatesSchema } from '../domain/person-dates.js';
import { THANK_YOU_STATES } from '../domain/interaction.js';
import { chunk, inLargeChange, rowsPerInsert, type StoreContext } from './context.js';
import { refreshDateIndex, reindexInteractions } from './derived.js';
import { reindexPeople } from './people.js';
import type { Database } from './schema.js';
import { bumpTies } from './ties.js';

/** Tables in the order they can be written: each after those it refers to. */
export const BACKUP_TABLES = [
  'organization',
  'person',
  'person_key',
  'person_photo',
  'person_contact',
  'tag',
  'person_tag',
  'person_role',
  'interaction',
  'interaction_participant',
  'insight',
  'campaign',
  'campaign_tag',
  'ask',
  'ask_event',
  'task',
  'setting',
  'introduction',
  'introduction_event',
  'knows',
  'import_run',
  'import_change',
  'import_source',
  'import_item',
  'import_activity_change',
  'person_merge',
  'merge_dismissal',
] as const satisfies readonly (keyof Database)[];
type BackupTable = (typeof BACKUP_TABLES)[number];

/** Tables without a workspace column: reached through their parent. */
const THROUGH: Partial<Record<BackupTable, { parent: string; column: string }>> = {
  import_change: { parent: 'import_run', column: 'run_id' },
  import_activity_change: { parent: 'import_run', column: 'run_id' },
};

export const BACKUP_FORMAT = 'kith-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  workspace: { name: string };
  tables: Record<string, Record<string, unknown>[]>;
}

type Row = Record<string, unknown>;
const ordered = (row: Row): Row =>
  Object.fromEntries(
    Object.keys(row)
      .filter((k) => k !== 'workspace_id')
      .sort()
      .map((k) => [k, row[k] ?? null]),
  );

async function rowsOf(ctx: StoreContext, table: BackupTable): Promise<Row[]> {
  const through = THROUGH[table];
  const db = ctx.db as unknown as Kysely<Record<string, Row>>;
  const rows = through
    ? await db
        .selectFrom(table)
        .selectAll(table)
        .where(
          through.column,
          'in',
          db.selectFrom(through.parent).select('id').where('workspace_id', '=', ctx.workspaceId),
        )
        .execute()
    : await db.selectFrom(table).selectAll().where('workspace_id', '=', ctx.workspaceId).execute();
  return rows
    .map((r) => ordered(r))
    .map((r) => [JSON.stringify(r), r] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
}

export async function exportBackup(ctx: StoreContext): Promise<Backup> {
  const workspace = await ctx.db
    .selectFrom('workspace')
    .select('name')
    .where('id', '=', ctx.workspaceId)
    .executeTakeFirstOrThrow();
  const tables: Backup['tables'] = {};
  for (const table of BACKUP_TABLES) tables[table] = await rowsOf(ctx, table);
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, workspace, tables };
}

/** True when the text is a Kith backup rather than a contacts export. */
export const isBackup = (value: unknown): value is Backup =>
  typeof value === 'object' &&
  value !== null &&
  (value as { format?: unknown }).format === BACKUP_FORMAT;

/** Check a document before anything is written: its shape, and every table's columns. */
async function checkBackup(ctx: StoreContext, backup: Backup, file: string): Promise<void> {
  if (backup.version !== BACKUP_VERSION)
    throw new KithError(
      'invalid_input',
      `${file}: a backup of version ${String(backup.version)}; this Kith reads version ${BACKUP_VERSION}`,
      'file',
    );
  if (typeof backup.tables !== 'object' || backup.tables === null)
    throw new KithError('invalid_input', `${file}: tables: missing`, 'tables');
  for (const name of Object.keys(backup.tables)) {
    if (!(BACKUP_TABLES as readonly string[]).includes(name))
      throw new KithError('invalid_input', `${file}: tables.${name}: not a table Kith has`, name);
  }
  for (const table of BACKUP_TABLES) {
    const rows = backup.tables[table] ?? [];
    if (!Array.isArray(rows))
      throw new KithError('invalid_input', `${file}: tables.${table}: not a list of rows`, table);
    const columns = await columnsOf(ctx, table);
    rows.forEach((row, i) => {
      const where = `${file}: tables.${table}[${i}]`;
      if (typeof row !== 'object' || row === null || Array.isArray(row))
        throw new KithError('invalid_input', `${where}: not a row`, table);
      for (const key of Object.keys(row)) {
        if (!columns.has(key))
          throw new KithError('invalid_input', `${where}.${key}: not a column of ${table}`, table);
      }
      // Every column as the schema has it, the same on both databases: a number where text
      // belongs is refused, not quietly stored as "42".
      for (const [name, column] of columns) {
        const value = row[name];
        // A column added after the backup was made takes its default (`ask.direction`).
        if (value === undefined && column.hasDefault) continue;
        if (value === undefined || value === null) {
          if (!column.nullable)
            throw new KithError('invalid_input', `${where}.${name}: is required`, table);
          continue;
        }
        if (typeof value !== column.type)
          throw new KithError(
            'invalid_input',
            `${where}.${name}: must be ${column.type === 'number' ? 'a number' : 'text'}`,
            table,
          );
        const problem = CHECKED_COLUMNS[`${table}.${name}`]?.(value as string);
        if (problem) throw new KithError('invalid_input', `${where}.${name}: ${problem}`, table);
      }
    });
  }
}

/** Columns whose text Kith reads back as more than text: each checked as a write would check it. */
const CHECKED_COLUMNS: Record<string, (text: string) => string | null> = {
  'interaction.thank_you': (text) =>
    (THANK_YOU_STATES as readonly string[]).includes(text)
      ? null
      : `not a thank-you state (${THANK_YOU_STATES.join(', ')})`,
  'person.dates': (text) => {
    try {
      const checked = personDatesSchema.safeParse(JSON.parse(text));
      return checked.success
        ? null
        : `not the dates of a person (${checked.error.issues[0]?.message ?? 'invalid'})`;
    } catch {
      return 'not the dates of a person (not JSON)';
    }
  },
};

type Columns = Map<string, { type: 'string' | 'number'; nullable: boolean; hasDefault: boolean }>;
const columnCache = new Map<string, Columns>();
/** A table's columns (but the workspace), each with the JSON type it takes. */
async function columnsOf(ctx: StoreContext, table: string): Promise<Columns> {
  const cached = columnCache.get(`${ctx.search.dialect}:${table}`);
  if (cached) return cached;
  const tables = await ctx.db.introspection.getTables();
  for (const t of tables)
    columnCache.set(
      `${ctx.search.dialect}:${t.name}`,
      new Map(
        t.columns
          .filter((c) => c.name !== 'workspace_id')
          .map((c) => [
            c.name,
            {
              type: /int|real|float|double|numeric|decimal/i.test(c.dataType) ? 'number' : 'string',
              nullable: c.isNullable,
              hasDefault: c.hasDefaultValue,
            },
          ]),
      ),
    );
  return columnCache.get(`${ctx.search.dialect}:${table}`) ?? new Map();
}

/**
 * Restore a backup into this workspace, which must be empty: one transaction, every row or
 * none. Ids are kept, so links between people, chats, asks and introductions hold.
 */
export async function restoreBackup(
  ctx: StoreContext,
  backup: Backup,
  options: { file: string; dryRun?: boolean },
): Promise<Record<string, number>> {
  await checkBackup(ctx, backup, options.file);
  const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, (backup.tables[t] ?? []).length]));
  return inLargeChange(ctx, async (tx) => {
    const db = tx.db as unknown as Kysely<Record<string, Row>>;
    for (const table of BACKUP_TABLES) {
      if (THROUGH[table] || table === 'setting') continue;
      const found = await db
        .selectFrom(table)
        .select(sql<number>`1`.as('one'))
        .where('workspace_id', '=', tx.workspaceId)
        .limit(1)
        .executeTakeFirst();
      if (found)
        throw new KithError(
          'conflict',
          `${options.file}: a backup is restored into an empty workspace only; this one has ${table.replace(/_/g, ' ')} rows already (start a new database: KITH_DB=new.db kith import ${options.file})`,
          'file',
        );
    }
    // Ids are kept: a backup goes into a database that does not hold them (a new machine, a
    // new file), not beside the workspace it came from.
    const ids = (backup.tables.person ?? []).slice(0, 500).map((p) => String(p.id));
    if (ids.length > 0) {
      const clash = await tx.db
        .selectFrom('person')
        .select('id')
        .where('id', 'in', ids)
        .limit(1)
        .executeTakeFirst();
      if (clash)
        throw new KithError(
          'conflict',
          `${options.file}: these people are in this database already (in another workspace); restore the backup into a new database: KITH_DB=new.db kith import ${options.file}`,
          'file',
        );
    }
    if (options.dryRun) return counts;
    // The backup's settings replace the defaults of the empty workspace.
    await tx.db.deleteFrom('setting').where('workspace_id', '=', tx.workspaceId).execute();
    for (const table of BACKUP_TABLES) {
      const rows = (backup.tables[table] ?? []).map((row) =>
        THROUGH[table] ? row : { ...row, workspace_id: tx.workspaceId },
      );
      const columns = Math.max(1, ...rows.slice(0, 1).map((r) => Object.keys(r).length));
      for (const part of chunk(rows, rowsPerInsert(columns))) {
        try {
          await db.insertInto(table).values(part).execute();
        } catch (error) {
          throw new KithError(
            'invalid_input',
            `${options.file}: tables.${table}: ${(error as Error).message.slice(0, 200)}`,
            table,
          );
        }
      }
    }
    await tx.db
      .updateTable('workspace')
      .set({ name: backup.workspace.name })
      .where('id', '=', tx.workspaceId)
      .execute();
    // The search index, rebuilt from what was restored.
    const people = (backup.tables.person ?? []).map((p) => String(p.id));
    for (const part of chunk(people, 2000)) await reindexPeople(tx, part);
    // The days of their dates, indexed for Today.
    await refreshDateIndex(
      tx,
      (backup.tables.person ?? []).filter((p) => p.dates).map((p) => String(p.id)),
    );
    // Chats oldest first (the index fills best in time order), each with its insights and the
    // names of its people, as every write of a chat makes its document.
    const interactions = [...(backup.tables.interaction ?? [])].sort((a, b) =>
      String(a.occurred_at) < String(b.occurred_at) ? -1 : 1,
    );
    await reindexInteractions(
      tx,
      interactions.map((i) => String(i.id)),
    );
    await bumpTies(tx);
    await sql`ANALYZE`.execute(tx.db);
    return counts;
  });
}
