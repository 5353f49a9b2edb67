// Interactions with their participants and insights; each write keeps the search index in step.
import { KithError, notFound, parseOrThrow } from '../domain/errors.js';
import { isId, newId } from '../domain/ids.js';
import {
  interactionCreateSchema,
  interactionListQuerySchema,
  interactionPatchSchema,
  type Interaction,
  type InteractionCreate,
  type InteractionKind,
  type ThankYouState,
} from '../domain/interaction.js';
import { thankYouWhenLogged } from '../domain/method/thank-you.js';
import { chunk, groupBy, inTransaction, type StoreContext } from './context.js';
import { reindexInteractions, refreshLastContact } from './derived.js';
import type { Selectable } from 'kysely';
import type { InteractionTable } from './schema.js';
import { getSettings } from './settings.js';
import { bumpTies } from './ties.js';

/** The interactions a person takes part in. */
export async function interactionIdsOf(ctx: StoreContext, personIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const part of chunk(personIds, 500)) {
    const rows = await ctx.db
      .selectFrom('interaction_participant')
      .select('interaction_id')
      .where('workspace_id', '=', ctx.workspaceId)
      .where('person_id', 'in', part)
      .execute();
    for (const r of rows) ids.push(r.interaction_id);
  }
  return [...new Set(ids)];
}

export async function toInteractions(
  ctx: StoreContext,
  rows: Selectable<InteractionTable>[],
): Promise<Interaction[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [participants, insights] = await Promise.all([
    ctx.db
      .selectFrom('interaction_participant')
      .innerJoin('person', 'person.id', 'interaction_participant.person_id')
      .select(['interaction_participant.interaction_id', 'person.id', 'person.display_name'])
      .where('interaction_participant.interaction_id', 'in', ids)
      .orderBy('person.name_key')
      .execute(),
    ctx.db
      .selectFrom('insight')
      .select(['interaction_id', 'id', 'text'])
      .where('interaction_id', 'in', ids)
      .orderBy('position')
      .execute(),
  ]);
  const insightsOf = groupBy(
    insights,
    (i) => i.interaction_id,
    (i) => ({ id: i.id, text: i.text }),
  );
  const participantsOf = groupBy(
    participants,
    (p) => p.interaction_id,
    (p) => ({ id: p.id, displayName: p.display_name }),
  );
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    kind: row.kind as InteractionKind,
    summary: row.summary,
    notes: row.notes,
    insights: insightsOf.get(row.id) ?? [],
    participants: participantsOf.get(row.id) ?? [],
    thankYou: (row.thank_you ?? null) as ThankYouState | null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

export async function getInteraction(ctx: StoreContext, id: string): Promise<Interaction> {
  const row = isId(id)
    ? await ctx.db
        .selectFrom('interaction')
        .selectAll()
        .where('workspace_id', '=', ctx.workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('interaction', id);
  const [interaction] = await toInteractions(ctx, [row]);
  if (!interaction) throw notFound('interaction', id);
  return interaction;
}

async function checkParticipants(ctx: StoreContext, ids: string[]): Promise<void> {
  const found = await ctx.db
    .selectFrom('person')
    .select('id')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', 'in', ids)
    .execute();
  const known = new Set(found.map((f) => f.id));
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0) {
    throw new KithError(
      'invalid_input',
      `participantIds.${index}: no person has the id ${ids[index]}`,
      `participantIds.${index}`,
    );
  }
}

async function writeChildren(
  ctx: StoreContext,
  id: string,
  participantIds: string[],
  insights: string[],
): Promise<void> {
  const ws = ctx.workspaceId;
  await ctx.db.deleteFrom('interaction_participant').where('interaction_id', '=', id).execute();
  await ctx.db
    .insertInto('interaction_participant')
    .values(
      participantIds.map((person_id) => ({ workspace_id: ws, interaction_id: id, person_id })),
    )
    .execute();
  await ctx.db.deleteFrom('insight').where('interaction_id', '=', id).execute();
  if (insights.length > 0) {
    await ctx.db
      .insertInto('insight')
      .values(
        insights.map((text, position) => ({
          id: newId(),
          workspace_id: ws,
          interaction_id: id,
          position,
          text,
        })),
      )
      .execute();
  }
}

/** Whether every one of these people is marked "no thank-you needed". */
async function nobodyWantsOne(ctx: StoreContext, ids: string[]): Promise<boolean> {
  const marked = await ctx.db
    .selectFrom('person')
    .select('id')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', 'in', ids)
    .where('no_thank_you', '=', 1)
    .execute();
  return marked.length === ids.length;
}

/** What a chat owes when it is logged: the domain decides, from the settings and the people. */
async function thankYouFor(
  ctx: StoreContext,
  data: InteractionCreate,
  now: string,
): Promise<ThankYouState | null> {
  const chat = {
    kind: data.kind,
    occurredAt: data.occurredAt,
    now,
    asked: data.thankYou,
    kinds: (await getSettings(ctx)).thankYouKinds,
  };
  const owed = thankYouWhenLogged({ ...chat, nobodyWantsOne: false });
  // The people are asked only when the chat would otherwise owe one.
  return owed === 'owed' && !data.thankYou
    ? thankYouWhenLogged({
        ...chat,
        nobodyWantsOne: await nobodyWantsOne(ctx, data.participantIds),
      })
    : owed;
}

/**
 * Log a chat. One logged as an ask's meeting (`forAnAsk`) owes its thank-you through the
 * ask, never on its own.
 */
export async function createInteraction(
  ctx: StoreContext,
  input: unknown,
  options: { forAnAsk?: boolean } = {},
): Promise<Interaction> {
  const data = parseOrThrow(interactionCreateSchema, input);
  return inTransaction(ctx, async (tx) => {
    await checkParticipants(tx, data.participantIds);
    const id = newId();
    const now = tx.now().toISOString();
    const notes = data.notes ?? null;
    const insights = data.insights ?? [];
    const thankYou = options.forAnAsk ? null : await thankYouFor(tx, data, now);
    await tx.db
      .insertInto('interaction')
      .values({
        id,
        workspace_id: tx.workspaceId,
        occurred_at: data.occurredAt,
        kind: data.kind,
        summary: data.summary,
        notes,
        // Left to the column's default (none) unless one is owed or declined.
        ...(thankYou ? { thank_you: thankYou } : {}),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await writeChildren(tx, id, data.participantIds, insights);
    await refreshLastContact(tx, data.participantIds);
    await bumpTies(tx);
    await reindexInteractions(tx, [id]);
    return getInteraction(tx, id);
  });
}

export async function updateInteraction(
  ctx: StoreContext,
  id: string,
  input: unknown,
): Promise<Interaction> {
  const patch = parseOrThrow(interactionPatchSchema, input);
  return inTransaction(ctx, async (tx) => {
    const current = await getInteraction(tx, id);
    const next = {
      occurredAt: patch.occurredAt ?? current.occurredAt,
      kind: patch.kind ?? current.kind,
      summary: patch.summary ?? current.summary,
      notes: patch.notes === undefined ? current.notes : patch.notes,
      insights: patch.insights ?? current.insights.map((i) => i.text),
      participantIds: patch.participantIds ?? current.participants.map((p) => p.id),
    };
    if (patch.participantIds) await checkParticipants(tx, next.participantIds);
    await tx.db
      .updateTable('interaction')
      .set({
        occurred_at: next.occurredAt,
        kind: next.kind,
        summary: next.summary,
        notes: next.notes,
        ...(patch.thankYou === undefined ? {} : { thank_you: patch.thankYou }),
        updated_at: tx.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();

    await writeChildren(tx, id, next.participantIds, next.insights);
    // Both the people who left the interaction and those now in it may have a new last contact.
    await refreshLastContact(tx, [
      ...current.participants.map((p) => p.id),
      ...next.participantIds,
    ]);
    await reindexInteractions(tx, [id]);
    await bumpTies(tx);
    return getInteraction(tx, id);
  });
}

export async function deleteInteraction(ctx: StoreContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const interaction = await getInteraction(tx, id);
    await tx.search.removeInteractions(tx.db, [id]);
    await tx.db.deleteFrom('interaction').where('id', '=', id).execute();
    await refreshLastContact(
      tx,
      interaction.participants.map((p) => p.id),
    );
    await bumpTies(tx);
  });
}

export async function listInteractions(
  ctx: StoreContext,
  query: unknown = {},
): Promise<{ items: Interaction[]; limit: number; offset: number }> {
  const q = parseOrThrow(interactionListQuerySchema, query);
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  let select = ctx.db
    .selectFrom('interaction')
    .selectAll('interaction')
    .where('interaction.workspace_id', '=', ctx.workspaceId);
  if (q.personId) {
    const personId = q.personId;
    select = select.where('interaction.id', 'in', (eb) =>
      eb
        .selectFrom('interaction_participant')
        .select('interaction_participant.interaction_id')
        .where('interaction_participant.person_id', '=', personId),
    );
  }
  if (q.kind) select = select.where('interaction.kind', '=', q.kind);
  const rows = await select
    .orderBy('interaction.occurred_at', 'desc')
    .orderBy('interaction.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { items: await toInteractions(ctx, rows), limit, offset };
}
