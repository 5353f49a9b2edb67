// Keeps person.last_contact_at equal to the latest interaction each person took part in,
// and the keep-in-touch due date that follows from it. Called inside the transaction of every
// write that adds, moves or removes an interaction.
import { sql } from 'kysely';
import { chunk, type DbContext } from './context.js';
import { refreshTouchDue } from './keep-in-touch.js';

const latest = sql<string | null>`(SELECT max(i.occurred_at) FROM interaction_participant ip
  JOIN interaction i ON i.id = ip.interaction_id WHERE ip.person_id = person.id)`;

export async function refreshLastContact(
  ctx: DbContext,
  personIds: readonly string[],
): Promise<void> {
  for (const ids of chunk([...new Set(personIds)], 500)) {
    await ctx.db
      .updateTable('person')
      .set({ last_contact_at: latest })
      .where('id', 'in', ids)
      .execute();
  }
  await refreshTouchDue(ctx, personIds);
}

/**
 * After a bulk load, which only adds people and their interactions: one set-based UPDATE
 * from the latest interaction per person, instead of a subquery per person.
 */
export async function refreshAllLastContact(ctx: DbContext): Promise<void> {
  await ctx.db
    .updateTable('person')
    .from((eb) =>
      eb
        .selectFrom('interaction_participant as ip')
        .innerJoin('interaction as i', 'i.id', 'ip.interaction_id')
        .select((b) => ['ip.person_id', b.fn.max('i.occurred_at').as('latest')])
        .where('ip.workspace_id', '=', ctx.workspaceId)
        .groupBy('ip.person_id')
        .as('m'),
    )
    .set((eb) => ({ last_contact_at: eb.ref('m.latest') }))
    .whereRef('person.id', '=', 'm.person_id')
    .execute();
  await refreshTouchDue(ctx, 'all');
}
