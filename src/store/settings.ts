// The workspace's settings, kept as one JSON document and read through the domain's schema,
// so a setting added later simply takes its default.
import { parseOrThrow } from '../domain/errors.js';
import { changeSettings, settingsSchema, type Settings } from '../domain/method/settings.js';
import { inTransaction, type DbContext, type StoreContext } from './context.js';
import { refreshTouchDue } from './keep-in-touch.js';

export async function getSettings(ctx: DbContext): Promise<Settings> {
  const row = await ctx.db
    .selectFrom('setting')
    .select('value')
    .where('workspace_id', '=', ctx.workspaceId)
    .executeTakeFirst();
  return parseOrThrow(settingsSchema, row ? (JSON.parse(row.value) as unknown) : {}, 'settings');
}

export async function updateSettings(ctx: StoreContext, change: unknown): Promise<Settings> {
  return inTransaction(ctx, async (tx) => {
    const current = await getSettings(tx);
    const next = changeSettings(current, change);
    const value = JSON.stringify(next);
    const now = tx.now().toISOString();
    await tx.db
      .insertInto('setting')
      .values({ workspace_id: tx.workspaceId, value, updated_at: now })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ value, updated_at: now }))
      .execute();
    // Role defaults decide who is due to keep in touch with.
    if (JSON.stringify(current.roleCadence) !== JSON.stringify(next.roleCadence)) {
      await refreshTouchDue(tx, 'all');
    }
    return next;
  });
}
