// Introductions, both ways: received ("Priya introduced me to Tom", which also records that
// Priya knows Tom) and made (the user connects two people with double opt-in). The rules live
// in domain/connect/introduction.ts; this module loads, applies them and writes the result
// with its history in one transaction.
import type { z } from 'zod';
import { KithError, notFound, parseOrThrow } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import {
  allowedIntroActions,
  introTransition,
  newIntroduction,
  receivedIntroduction,
  type IntroAction,
  type IntroState,
  type Introduction,
} from '../domain/connect/introduction.js';
import { DEFAULT_INTRO_TEMPLATES, type IntroMessage } from '../domain/connect/intro-drafts.js';
import {
  introActionSchema,
  introListQuerySchema,
  introMadeSchema,
  introMessageSchema,
  introReceivedSchema,
  type introductionSchema,
} from '../domain/connect/schemas.js';
import { firstName } from '../domain/connect/who.js';
import { renderDraft } from '../domain/method/draft-message.js';
import { givenId, inTransaction, type StoreContext } from './context.js';
import { recordKnows } from './knows.js';
import { createPerson, requirePerson } from './people.js';
import type { IntroductionTable } from './schema.js';
import { getSettings } from './settings.js';
import { nameKey } from '../domain/text.js';
import type { PersonCreate } from '../domain/person.js';
import { bumpTies } from './ties.js';

export type StoredIntroduction = z.output<typeof introductionSchema>;

type Row = IntroductionTable & { a_name: string; b_name: string };

function selectIntroductions(ctx: StoreContext) {
  return ctx.db
    .selectFrom('introduction')
    .innerJoin('person as a', 'a.id', 'introduction.person_a')
    .innerJoin('person as b', 'b.id', 'introduction.person_b')
    .selectAll('introduction')
    .select(['a.display_name as a_name', 'b.display_name as b_name'])
    .where('introduction.workspace_id', '=', ctx.workspaceId);
}

async function toIntroductions(ctx: StoreContext, rows: Row[]): Promise<StoredIntroduction[]> {
  if (rows.length === 0) return [];
  const events = await ctx.db
    .selectFrom('introduction_event')
    .selectAll()
    .where(
      'introduction_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  return rows.map((r) => {
    const intro = domainOf(
      r,
      events.filter((e) => e.introduction_id === r.id),
    );
    return {
      id: r.id,
      kind: r.kind,
      personA: r.person_a,
      personB: r.person_b,
      personAName: r.a_name,
      personBName: r.b_name,
      reason: r.reason,
      state: intro.state,
      acceptedByA: intro.acceptedByA,
      acceptedByB: intro.acceptedByB,
      outcome: r.outcome,
      askId: r.ask_id,
      campaignId: r.campaign_id,
      allowedActions: allowedIntroActions(intro),
      history: intro.history,
      createdAt: r.created_at,
    };
  });
}

function domainOf(
  r: IntroductionTable,
  events: {
    at: string;
    action: string;
    from_state: string;
    to_state: string;
    note: string | null;
  }[],
): Introduction {
  return {
    id: r.id,
    kind: r.kind,
    personA: r.person_a,
    personB: r.person_b,
    reason: r.reason,
    state: r.state as IntroState,
    acceptedByA: r.accepted_by_a === 1,
    acceptedByB: r.accepted_by_b === 1,
    outcome: r.outcome,
    history: events.map((e) => ({
      at: e.at,
      action: e.action as Introduction['history'][number]['action'],
      from: e.from_state as IntroState,
      to: e.to_state as IntroState,
      ...(e.note ? { note: e.note } : {}),
    })),
  };
}

/** An introduction by its id, or by the short id lists show (its last 8 characters). */
export async function getIntroduction(ctx: StoreContext, id: string): Promise<StoredIntroduction> {
  const wanted = id.trim().toLowerCase();
  const byId = givenId('introduction.id', wanted);
  const rows: Row[] = byId ? await selectIntroductions(ctx).where(byId).limit(2).execute() : [];
  if (rows.length > 1) {
    throw new KithError('ambiguous', `Several introductions end in ${wanted}; use the full id.`);
  }
  const [intro] = await toIntroductions(ctx, rows);
  if (!intro) throw notFound('introduction', id);
  return intro;
}

export async function listIntroductions(
  ctx: StoreContext,
  query: unknown = {},
): Promise<StoredIntroduction[]> {
  const q = parseOrThrow(introListQuerySchema, query);
  let select = selectIntroductions(ctx);
  if (q.kind) select = select.where('introduction.kind', '=', q.kind);
  if (q.state) select = select.where('introduction.state', '=', q.state);
  const personId = q.personId;
  if (personId) {
    select = select.where((eb) =>
      eb.or([
        eb('introduction.person_a', '=', personId),
        eb('introduction.person_b', '=', personId),
      ]),
    );
  }
  const rows = await select
    .orderBy('introduction.id', 'desc')
    .limit(q.limit ?? 200)
    .offset(q.offset ?? 0)
    .execute();
  return toIntroductions(ctx, rows);
}

async function insertIntroduction(
  ctx: StoreContext,
  intro: Introduction,
  links: { askId: string | null; campaignId: string | null },
): Promise<void> {
  const at = intro.history[0]?.at ?? ctx.now().toISOString();
  await ctx.db
    .insertInto('introduction')
    .values({
      id: intro.id,
      workspace_id: ctx.workspaceId,
      kind: intro.kind,
      person_a: intro.personA,
      person_b: intro.personB,
      reason: intro.reason,
      state: intro.state,
      accepted_by_a: intro.acceptedByA ? 1 : 0,
      accepted_by_b: intro.acceptedByB ? 1 : 0,
      outcome: intro.outcome,
      ask_id: links.askId,
      campaign_id: links.campaignId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await writeEvents(ctx, intro, 0);
}

async function writeEvents(ctx: StoreContext, intro: Introduction, known: number): Promise<void> {
  const added = intro.history.slice(known);
  if (added.length === 0) return;
  await ctx.db
    .insertInto('introduction_event')
    .values(
      added.map((e, i) => ({
        workspace_id: ctx.workspaceId,
        introduction_id: intro.id,
        position: known + i,
        at: e.at,
        action: e.action,
        from_state: e.from,
        to_state: e.to,
        note: e.note ?? null,
      })),
    )
    .execute();
}

/**
 * "Priya introduced me to Tom": Tom is found by id or created; the edge Priya–Tom is recorded
 * (or kept, if it was known); a link to the ask or campaign that led to it counts in the
 * campaign's progress.
 */
export async function receiveIntroduction(
  ctx: StoreContext,
  input: unknown,
): Promise<StoredIntroduction> {
  const data = parseOrThrow(introReceivedSchema, input);
  return inTransaction(ctx, async (tx) => {
    const introducerName = await requirePerson(tx, data.introducerId, 'introducerId');
    const personId = data.newPerson
      ? await matchOrCreate(tx, data.newPerson)
      : (data.personId ?? '');
    const introduced = await requirePerson(tx, personId, 'personId');
    let campaignId = data.campaignId ?? null;
    if (data.askId) {
      const ask = await tx.db
        .selectFrom('ask')
        .select(['id', 'campaign_id'])
        .where('workspace_id', '=', tx.workspaceId)
        .where('id', '=', data.askId)
        .executeTakeFirst();
      if (!ask)
        throw new KithError('invalid_input', `askId: no ask has the id ${data.askId}`, 'askId');
      campaignId ??= ask.campaign_id;
    }
    if (campaignId) {
      const campaign = await tx.db
        .selectFrom('campaign')
        .select('id')
        .where('workspace_id', '=', tx.workspaceId)
        .where('id', '=', campaignId)
        .executeTakeFirst();
      if (!campaign)
        throw new KithError(
          'invalid_input',
          `campaignId: no campaign has the id ${campaignId}`,
          'campaignId',
        );
    }
    const intro = receivedIntroduction({
      id: newId(),
      introducer: data.introducerId,
      person: personId,
      reason: data.reason ?? `${introducerName} introduced you to ${introduced}`,
      at: data.at ?? tx.now().toISOString(),
    });
    await insertIntroduction(tx, intro, { askId: data.askId ?? null, campaignId });
    await recordEdgeOnce(tx, intro, `${firstName(introducerName)} introduced you to ${introduced}`);
    await bumpTies(tx);
    return getIntroduction(tx, intro.id);
  });
}

/**
 * The person an introduction named as new: someone already in Kith under exactly that name
 * (not in the trash) is matched rather than created twice; several of them is ambiguous.
 */
async function matchOrCreate(tx: StoreContext, newPerson: PersonCreate): Promise<string> {
  const same = await tx.db
    .selectFrom('person')
    .select(['id', 'display_name'])
    .where('workspace_id', '=', tx.workspaceId)
    .where('name_key', '=', nameKey(newPerson.displayName))
    .where('archived_at', 'is', null)
    .limit(3)
    .execute();
  if (same.length > 1) {
    throw new KithError(
      'ambiguous',
      `newPerson: several people are named ${newPerson.displayName}; pick one by personId`,
      'newPerson',
    );
  }
  return same[0]?.id ?? (await createPerson(tx, newPerson)).id;
}

/** An introduction made or received means the two know each other; an existing edge stays. */
async function recordEdgeOnce(tx: StoreContext, intro: Introduction, context: string) {
  const [a, b] =
    intro.personA < intro.personB ? [intro.personA, intro.personB] : [intro.personB, intro.personA];
  const existing = await tx.db
    .selectFrom('knows')
    .select('id')
    .where('workspace_id', '=', tx.workspaceId)
    .where('person_a', '=', a)
    .where('person_b', '=', b)
    .executeTakeFirst();
  if (existing) return;
  await recordKnows(
    tx,
    { personA: a, personB: b, context, strength: intro.kind === 'made' ? 'weak' : 'good' },
    { source: 'introduction', introductionId: intro.id },
  );
}

/** Giving back: propose to introduce A to B (A is asked first). */
export async function proposeIntroduction(
  ctx: StoreContext,
  input: unknown,
): Promise<StoredIntroduction> {
  const data = parseOrThrow(introMadeSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requirePerson(tx, data.personA, 'personA');
    await requirePerson(tx, data.personB, 'personB');
    const intro = newIntroduction({
      id: newId(),
      personA: data.personA,
      personB: data.personB,
      reason: data.reason,
      at: tx.now().toISOString(),
    });
    await insertIntroduction(tx, intro, { askId: null, campaignId: null });
    return getIntroduction(tx, intro.id);
  });
}

/** One step of an introduction; a step its state does not allow is refused, nothing changed. */
export async function actOnIntroduction(
  ctx: StoreContext,
  id: string,
  input: unknown,
): Promise<StoredIntroduction> {
  const { at, ...rest } = parseOrThrow(introActionSchema, input);
  return inTransaction(ctx, async (tx) => {
    const stored = await getIntroduction(tx, id);
    const row = await tx.db
      .selectFrom('introduction')
      .selectAll()
      .where('id', '=', stored.id)
      .executeTakeFirstOrThrow();
    const events = await tx.db
      .selectFrom('introduction_event')
      .selectAll()
      .where('introduction_id', '=', stored.id)
      .orderBy('position')
      .execute();
    const before = domainOf(row, events);
    const next = introTransition(before, rest as IntroAction, at ?? tx.now().toISOString());
    await tx.db
      .updateTable('introduction')
      .set({
        state: next.state,
        accepted_by_a: next.acceptedByA ? 1 : 0,
        accepted_by_b: next.acceptedByB ? 1 : 0,
        outcome: next.outcome,
        updated_at: next.history.at(-1)?.at ?? tx.now().toISOString(),
      })
      .where('id', '=', next.id)
      .execute();
    await writeEvents(tx, next, before.history.length);
    if (next.state === 'made' && before.state !== 'made') {
      await recordEdgeOnce(tx, next, 'introduced by you');
      // What the user gave counts in both people's reciprocity.
      await bumpTies(tx);
    }
    return getIntroduction(tx, next.id);
  });
}

/** The message an introduction needs next: ask A, then ask B, then connect them. */
export function nextMessage(
  intro: Pick<StoredIntroduction, 'state' | 'acceptedByA'>,
): IntroMessage {
  if (intro.state === 'accepted' || intro.state === 'made' || intro.state === 'closed')
    return 'connect';
  if (intro.acceptedByA || intro.state === 'asked-b') return 'ask-b';
  return 'ask-a';
}

/** A drafted message of a made introduction, from the user's template (or the default). */
export async function draftIntroduction(
  ctx: StoreContext,
  id: string,
  message?: unknown,
): Promise<{ introductionId: string; message: IntroMessage; to: string[]; text: string }> {
  const intro = await getIntroduction(ctx, id);
  if (intro.kind !== 'made') {
    throw new KithError(
      'invalid_state',
      'A received introduction needs no message from you; thank the introducer instead.',
      'kind',
    );
  }
  const which =
    message === undefined ? nextMessage(intro) : parseOrThrow(introMessageSchema, message);
  const settings = await getSettings(ctx);
  const template = settings.introTemplates[which] ?? DEFAULT_INTRO_TEMPLATES[which];
  // Asking one of them names the other in full; the connecting message greets both.
  const parts = {
    'ask-a': { first: firstName(intro.personAName), other: intro.personBName, to: [intro.personA] },
    'ask-b': { first: firstName(intro.personBName), other: intro.personAName, to: [intro.personB] },
    connect: {
      first: firstName(intro.personAName),
      other: firstName(intro.personBName),
      to: [intro.personA, intro.personB],
    },
  }[which];
  const text = renderDraft(template, {
    first_name: parts.first,
    other_name: parts.other,
    reason: intro.reason,
    my_name: settings.myName,
  });
  const to = parts.to;
  return { introductionId: intro.id, message: which, to, text };
}
