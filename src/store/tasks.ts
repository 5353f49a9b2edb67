// Follow-up tasks ("send Ravi the deck by Friday") and snoozing a keep-in-touch reminder.
import { KithError, notFound, parseOrThrow } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Task } from '../domain/method/today.js';
import { snoozeSchema, taskCreateSchema } from '../domain/method/schemas.js';
import { givenId, inTransaction, type StoreContext } from './context.js';
import { refreshTouchDue } from './derived.js';
import type { TaskTable } from './schema.js';

export type StoredTask = Task & {
  askId: string | null;
  interactionId: string | null;
  doneAt: string | null;
};

export const toTask = (r: TaskTable): StoredTask => ({
  id: r.id,
  title: r.title,
  dueOn: r.due_on,
  personId: r.person_id,
  askId: r.ask_id,
  interactionId: r.interaction_id,
  done: r.done_at !== null,
  doneAt: r.done_at,
});

async function mustExist(
  ctx: StoreContext,
  table: 'person' | 'ask' | 'interaction',
  id: string | null | undefined,
  field: string,
): Promise<void> {
  if (!id) return;
  const row = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new KithError('invalid_input', `${field}: no ${table} has the id ${id}`, field);
}

export async function createTask(ctx: StoreContext, input: unknown): Promise<StoredTask> {
  const data = parseOrThrow(taskCreateSchema, input);
  return inTransaction(ctx, async (tx) => {
    await mustExist(tx, 'person', data.personId, 'personId');
    await mustExist(tx, 'ask', data.askId, 'askId');
    await mustExist(tx, 'interaction', data.interactionId, 'interactionId');
    const row: TaskTable = {
      id: newId(),
      workspace_id: tx.workspaceId,
      title: data.title,
      due_on: data.dueOn,
      person_id: data.personId ?? null,
      ask_id: data.askId ?? null,
      interaction_id: data.interactionId ?? null,
      done_at: null,
      created_at: tx.now().toISOString(),
    };
    await tx.db.insertInto('task').values(row).execute();
    return toTask(row);
  });
}

/** Open tasks by due date (with done ones too when asked). */
export async function listTasks(
  ctx: StoreContext,
  options: { done?: boolean } = {},
): Promise<StoredTask[]> {
  let select = ctx.db.selectFrom('task').selectAll().where('workspace_id', '=', ctx.workspaceId);
  if (!options.done) select = select.where('done_at', 'is', null);
  return (await select.orderBy('due_on').orderBy('id').execute()).map(toTask);
}

export async function completeTask(ctx: StoreContext, id: string): Promise<StoredTask> {
  return inTransaction(ctx, async (tx) => {
    const wanted = id.trim().toLowerCase();
    const byId = givenId('id', wanted);
    const matches = byId
      ? await tx.db
          .selectFrom('task')
          .selectAll()
          .where('workspace_id', '=', tx.workspaceId)
          .where(byId)
          .limit(2)
          .execute()
      : [];
    if (matches.length > 1)
      throw new KithError('ambiguous', `Several tasks end in ${wanted}; use the full id.`, 'id');
    const [row] = matches;
    if (!row) throw notFound('task', id);
    if (row.done_at) return toTask(row);
    const done = { ...row, done_at: tx.now().toISOString() };
    await tx.db
      .updateTable('task')
      .set({ done_at: done.done_at })
      .where('id', '=', row.id)
      .execute();
    return toTask(done);
  });
}

/** Push a person's keep-in-touch reminder to a later day (null clears the snooze). */
export async function snoozePerson(
  ctx: StoreContext,
  personId: string,
  input: unknown,
): Promise<void> {
  const { until } = parseOrThrow(snoozeSchema, input);
  await inTransaction(ctx, async (tx) => {
    const result = await tx.db
      .updateTable('person')
      .set({ snoozed_until: until })
      .where('workspace_id', '=', tx.workspaceId)
      .where('id', '=', personId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('person', personId);
    await refreshTouchDue(tx, [personId]);
  });
}
