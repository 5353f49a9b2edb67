// Derived values, and what to recompute after a write: each person's last contact (the latest
// interaction they took part in), their next keep-in-touch day (person.touch_due_on, which lets
// Today find who is due with an index) and the interactions' search documents (their words
// and the names of the people in them). Writers call these inside their own transaction; this
// module reads what it needs and imports no writer, so nothing here imports in a circle.
import { sql } from 'kysely';
import { effectiveCadence, storedDueOn } from '../domain/method/keep-in-touch.js';
import { searchDocument } from '../domain/text.js';
import { readDay, type PersonDate } from '../domain/person-dates.js';
import { chunk, groupBy, type DbContext, type StoreContext } from './context.js';
import type { InteractionDocument } from './dialect/search-index.js';
import { cadenceOf, rolesOf } from './person-parts.js';
import { getSettings } from './settings.js';

// Last contact: called by every write that adds, moves or removes an interaction.

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

// The keep-in-touch day: called by every write that changes an input of it — interactions
// (last contact), cadence, roles, snooze, the role defaults in settings.

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

// The interactions' search documents: after a chat is written, or someone in it is renamed
// or merged.

export function interactionDocument(
  workspaceId: string,
  id: string,
  data: {
    occurredAt: string;
    summary: string;
    notes: string | null;
    insights: string[];
    /** The names of the people in it: a chat is found by whom it was with ("Hana taxes"). */
    people?: string[];
  },
): InteractionDocument {
  return {
    id,
    workspaceId,
    occurredAt: data.occurredAt,
    // Search asks for words only, never which column holds them: the names go with the summary.
    summary: searchDocument(data.summary, ...(data.people ?? [])),
    notes: searchDocument(data.notes),
    insights: searchDocument(...data.insights),
  };
}

/**
 * These interactions' search documents made again from what is stored: their text, insights
 * and the names of the people in them (after a chat is written, or someone in it renamed or
 * merged).
 */
export async function reindexInteractions(
  ctx: Pick<StoreContext, 'db' | 'search' | 'workspaceId'>,
  ids: readonly string[],
): Promise<void> {
  for (const part of chunk([...new Set(ids)], 2000)) {
    const rows = await ctx.db
      .selectFrom('interaction')
      .select(['id', 'occurred_at', 'summary', 'notes'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', 'in', part)
      .execute();
    if (rows.length === 0) continue;
    const insights = await ctx.db
      .selectFrom('insight')
      .select(['interaction_id', 'text'])
      .where('interaction_id', 'in', part)
      .orderBy('interaction_id')
      .orderBy('position')
      .execute();
    const people = await ctx.db
      .selectFrom('interaction_participant')
      .innerJoin('person', 'person.id', 'interaction_participant.person_id')
      .select(['interaction_participant.interaction_id', 'person.display_name'])
      .where('interaction_participant.interaction_id', 'in', part)
      .execute();
    const insightsOf = groupBy(
      insights,
      (i) => i.interaction_id,
      (i) => i.text,
    );
    const peopleOf = groupBy(
      people,
      (p) => p.interaction_id,
      (p) => p.display_name,
    );
    await ctx.search.indexInteractions(
      ctx.db,
      rows.map((r) =>
        interactionDocument(ctx.workspaceId, r.id, {
          occurredAt: r.occurred_at,
          summary: r.summary,
          notes: r.notes,
          insights: insightsOf.get(r.id) ?? [],
          people: peopleOf.get(r.id) ?? [],
        }),
      ),
    );
  }
}

// Dates that matter: their days, indexed for Today (person_date, from person.dates).

/** Index again the days of these people's dates (after their dates were written). */
export async function refreshDateIndex(
  ctx: DbContext,
  personIds: readonly string[],
): Promise<void> {
  for (const part of chunk([...new Set(personIds)], 500)) {
    await ctx.db.deleteFrom('person_date').where('person_id', 'in', part).execute();
    const rows = await ctx.db
      .selectFrom('person')
      .select(['id', 'dates'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', 'in', part)
      .where('dates', 'is not', null)
      .execute();
    const days = rows.flatMap((r) =>
      datesOf(r.dates).flatMap((date, position) => {
        const day = readDay(date.on);
        return day
          ? [
              {
                workspace_id: ctx.workspaceId,
                person_id: r.id,
                position,
                year: day.year,
                month_day: day.month * 100 + day.day,
                yearly: date.yearly ? 1 : 0,
              },
            ]
          : [];
      }),
    );
    if (days.length) await ctx.db.insertInto('person_date').values(days).execute();
  }
}

/** A person's dates from their row's JSON (none when the column is empty). */
export function datesOf(json: string | null | undefined): PersonDate[] {
  return json ? (JSON.parse(json) as PersonDate[]) : [];
}
