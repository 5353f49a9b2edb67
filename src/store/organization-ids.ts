// Organizations are named by text on a person; this finds or creates one by folded name,
// so "ACME" and "Acme" are the same organization.
import { newId } from '../domain/ids.js';
import { nameKey } from '../domain/text.js';
import type { StoreContext } from './context.js';

/** The id of the organization with this name, created when there is none. */
export async function organizationIdFor(ctx: StoreContext, name: string): Promise<string> {
  const key = nameKey(name);
  const now = ctx.now().toISOString();
  await ctx.db
    .insertInto('organization')
    .values({
      id: newId(),
      workspace_id: ctx.workspaceId,
      name,
      name_key: key,
      domain: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'name_key']).doNothing())
    .execute();
  const row = await ctx.db
    .selectFrom('organization')
    .select('id')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('name_key', '=', key)
    .executeTakeFirstOrThrow();
  return row.id;
}
