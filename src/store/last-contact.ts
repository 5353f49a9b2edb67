// Keeps person.last_contact_at equal to the latest interaction each person took part in,
// and the keep-in-touch due date that follows from it. Called inside the transaction of every
// write that adds, moves or removes an interaction.
import { sql } from 'kysely';
import { chunk, type DbContext, type StoreContext } from './context.js';
import { refreshTouchDue } from './keep-in-touch.js';

const latest = sql<string | null>`(SELECT max(i.occurred_at) FROM interaction_participant ip
  JOIN interaction i ON i.id = ip.interaction_id WHERE ip.person_id = person.id)`;

/**
 * SQLite runs a subquery per person in-process, faster than a grouped join; PostgreSQL pays
 * for each, so many people (a large import's 20,000: seconds) take one set-based UPDATE per
 * few thousand, then NULL for those left without any interaction.
 */
export async function refreshLastContact(
  ctx: DbContext & Pick<StoreContext, 'search'>,
  personIds: readonly string[],
): Promise<void> {
  const unique = [...new Set(personIds)];
  if (ctx.search.dialect === 'sqlite' || unique.length <= 100) {
    for (const ids of chunk(unique, 500)) {
      await ctx.db
        .updateTable('person')
        .set({ last_contact_at: latest })
        .where('id', 'in', ids)
        .execute();
    }
  } else {
    for (const ids of chunk(unique, 5_000)) await refreshManyLastContact(ctx, ids);
  }
  await refreshTouchDue(ctx, personIds);
}

async function refreshManyLastContact(ctx: DbContext, ids: string[]): Promise<void> {
  const found = new Set(await setLatestContact(ctx, ids));
  // Those with no interaction left (one was deleted or moved) have no last contact.
  const none = ids.filter((id) => !found.has(id));
  if (none.length > 0) {
    await ctx.db
      .updateTable('person')
      .set({ last_contact_at: null })
      .where('id', 'in', none)
      .where('last_contact_at', 'is not', null)
      .execute();
  }
}

/**
 * One set-based UPDATE from the latest interaction of each person (of `ids`, or of the whole
 * workspace); the ids of those who have one.
 */
async function setLatestContact(ctx: DbContext, ids: string[] | 'all'): Promise<string[]> {
  let query = ctx.db
    .updateTable('person')
    .from((eb) => {
      const latest = eb
        .selectFrom('interaction_participant as ip')
        .innerJoin('interaction as i', 'i.id', 'ip.interaction_id')
        .select((b) => ['ip.person_id', b.fn.max('i.occurred_at').as('latest')])
        .groupBy('ip.person_id');
      return (
        ids === 'all'
          ? latest.where('ip.workspace_id', '=', ctx.workspaceId)
          : latest.where('ip.person_id', 'in', ids)
      ).as('m');
    })
    .set((eb) => ({ last_contact_at: eb.ref('m.latest') }))
    .whereRef('person.id', '=', 'm.person_id');
  if (ids !== 'all') query = query.where('person.id', 'in', ids);
  return (await query.returning('person.id').execute()).map((r) => r.id);
}

/**
 * After a bulk load, which only adds people and their interactions: one set-based UPDATE
 * from the latest interaction per person, instead of a subquery per person.
 */
export async function refreshAllLastContact(ctx: DbContext): Promise<void> {
  await setLatestContact(ctx, 'all');
  await refreshTouchDue(ctx, 'all');
}
