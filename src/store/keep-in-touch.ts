// Keeps person.touch_due_on in step: the keep-in-touch due date (see storedDueOn) that lets
// Today find who is due with an index. Called in the transaction of every write that changes
// an input of it: interactions (last contact), cadence, roles, snooze, role defaults in settings.
import { effectiveCadence, storedDueOn } from '../domain/method/keep-in-touch.js';
import { chunk, type DbContext } from './context.js';
import { cadenceOf, rolesOf } from './people.js';
import { getSettings } from './settings.js';

/** Recompute for these people, or for the whole workspace; only changed rows are written. */
export async function refreshTouchDue(
  ctx: DbContext,
  personIds: readonly string[] | 'all',
): Promise<void> {
  const { roleCadence } = await getSettings(ctx);
  const select = () =>
    ctx.db
      .selectFrom('person')
      .select([
        'id',
        'cadence_kind',
        'cadence_days',
        'cadence_on',
        'last_contact_at',
        'created_at',
        'snoozed_until',
        'touch_due_on',
        'touch_every_days',
      ])
      .where('workspace_id', '=', ctx.workspaceId);
  const rows =
    personIds === 'all'
      ? await select().execute()
      : (
          await Promise.all(
            chunk([...new Set(personIds)], 5_000).map((ids) =>
              select().where('id', 'in', ids).execute(),
            ),
          )
        ).flat();
  if (rows.length === 0) return;
  const roles = await rolesOf(
    ctx,
    rows.map((r) => r.id),
  );
  // One UPDATE per distinct (date, cadence), not one per person: a bulk load changes most rows.
  const changes = new Map<string, { due: string | null; every: number | null; ids: string[] }>();
  for (const r of rows) {
    const cadence = effectiveCadence(cadenceOf(r), roles.get(r.id) ?? [], roleCadence);
    const due = storedDueOn({
      cadence,
      lastContactAt: r.last_contact_at,
      since: r.created_at,
      snoozedUntil: r.snoozed_until,
    });
    const every = cadence.kind === 'every' ? cadence.days : null;
    if (due === r.touch_due_on && every === r.touch_every_days) continue;
    const key = `${due}|${every}`;
    const change = changes.get(key);
    if (change) change.ids.push(r.id);
    else changes.set(key, { due, every, ids: [r.id] });
  }
  for (const { due, every, ids } of changes.values()) {
    for (const part of chunk(ids, 5_000)) {
      await ctx.db
        .updateTable('person')
        .set({ touch_due_on: due, touch_every_days: every })
        .where('workspace_id', '=', ctx.workspaceId)
        .where('id', 'in', part)
        .execute();
    }
  }
}
