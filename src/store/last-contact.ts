// Keeps person.last_contact_at equal to the latest interaction each person took part in.
// Called inside the transaction of every write that adds, moves or removes an interaction.
import { sql } from 'kysely';
import { chunk, type StoreContext } from './context.js';

const latest = sql<string | null>`(SELECT max(i.occurred_at) FROM interaction_participant ip
  JOIN interaction i ON i.id = ip.interaction_id WHERE ip.person_id = person.id)`;

export async function refreshLastContact(
  ctx: StoreContext,
  personIds: readonly string[],
): Promise<void> {
  for (const ids of chunk([...new Set(personIds)], 500)) {
    await ctx.db
      .updateTable('person')
      .set({ last_contact_at: latest })
      .where('id', 'in', ids)
      .execute();
  }
}

/** After a bulk load: every person of the workspace at once. */
export async function refreshAllLastContact(ctx: StoreContext): Promise<void> {
  await ctx.db
    .updateTable('person')
    .set({ last_contact_at: latest })
    .where('workspace_id', '=', ctx.workspaceId)
    .execute();
}
