// Changing the workspace's settings, and what follows from it: role defaults decide who is due
// to keep in touch with (derived.ts). Reading them is settings.ts, which derived values need.
import { changeSettings, type Settings } from '../domain/method/settings.js';
import { inTransaction, type StoreContext } from './context.js';
import { refreshTouchDue } from './derived.js';
import { getSettings } from './settings.js';

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
