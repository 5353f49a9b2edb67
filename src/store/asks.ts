// Asks and campaigns: the store side of the method. The rules live in domain/method; this
// module loads, applies them and writes the result (with the ask's history) in one transaction.
import { KithError, notFound, parseOrThrow } from '../domain/errors.js';
import { MEETING_KINDS } from '../domain/interaction.js';
import { addDays, localDate } from '../domain/method/calendar.js';
import { isId, newId } from '../domain/ids.js';
import {
  OPEN_STATES,
  answered,
  askFromInput,
  moveOnIfDue,
  questionWarnings,
  transition,
  type Ask,
  type AskAction,
  type AskDirection,
  type AskPurpose,
  type AskState,
} from '../domain/method/ask.js';
import {
  RECENTLY_ASKED_DAYS,
  campaignProgress,
  type Campaign,
  type PacingCounts,
} from '../domain/method/campaign.js';
import {
  DEFAULT_TEMPLATES,
  draftWithBlanks,
  type Placeholder,
} from '../domain/method/draft-message.js';
import {
  askActionSchema,
  askCreateSchema,
  askListQuerySchema,
  campaignCreateSchema,
} from '../domain/method/schemas.js';
import { MOVED_ON_NOTICE_DAYS } from '../domain/method/today.js';
import { nameKey } from '../domain/text.js';
import { insertAsks } from './bulk-load.js';
import {
  ASK_MOVES_LOCK,
  chunk,
  givenId,
  groupBy,
  inTransaction,
  inTurn,
  type StoreContext,
} from './context.js';
import { createInteraction } from './interactions.js';
import { requirePerson, tagIdsFor } from './people.js';
import type { AskTable } from './schema.js';
import { getSettings } from './settings.js';
import { bumpTies } from './ties.js';

const DAY_MS = 86_400_000;

export type StoredAsk = Ask & {
  personName: string;
  campaignId: string | null;
  channel: string | null;
  warnings: string[];
};

async function toAsks(
  ctx: StoreContext,
  rows: (AskTable & { person_name: string })[],
): Promise<StoredAsk[]> {
  if (rows.length === 0) return [];
  // A campaign's page reads every one of its asks (thousands): their histories in chunks SQLite
  // can bind, each found by its ask in one pass.
  const events = (
    await Promise.all(
      chunk(
        rows.map((r) => r.id),
        5000,
      ).map((ids) =>
        ctx.db
          .selectFrom('ask_event')
          .selectAll()
          .where('ask_id', 'in', ids)
          .orderBy('position')
          .execute(),
      ),
    )
  ).flat();
  const historyOf = groupBy(
    events,
    (e) => e.ask_id,
    (e) => ({
      at: e.at,
      action: e.action as Ask['history'][number]['action'],
      from: e.from_state as AskState,
      to: e.to_state as AskState,
      ...(e.note ? { note: e.note } : {}),
    }),
  );
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    campaignId: r.campaign_id,
    direction: r.direction as AskDirection,
    question: r.question,
    purpose: r.purpose as AskPurpose,
    minutes: r.minutes,
    channel: r.channel,
    state: r.state as AskState,
    sentAt: r.sent_at,
    nudgedAt: r.nudged_at,
    repliedAt: r.replied_at,
    scheduledFor: r.scheduled_for,
    metAt: r.met_at,
    interactionId: r.interaction_id,
    closedAt: r.closed_at,
    history: historyOf.get(r.id) ?? [],
    warnings: r.direction === 'incoming' ? [] : questionWarnings(r.question),
  }));
}

function selectAsks(ctx: StoreContext) {
  return ctx.db
    .selectFrom('ask')
    .innerJoin('person', 'person.id', 'ask.person_id')
    .selectAll('ask')
    .select('person.display_name as person_name')
    .where('ask.workspace_id', '=', ctx.workspaceId);
}

/**
 * An ask by its id, or by the short id lists show (the id's last 8 characters: the random
 * end of a UUIDv7, where its start is a timestamp shared by asks made in the same minute).
 */
export async function getAsk(ctx: StoreContext, id: string): Promise<StoredAsk> {
  const wanted = id.trim().toLowerCase();
  const byId = givenId('ask.id', wanted);
  const rows = byId ? await selectAsks(ctx).where(byId).limit(2).execute() : [];
  if (rows.length > 1) {
    throw new KithError('ambiguous', `Several asks end in ${wanted}; use the full id.`, 'id');
  }
  const [ask] = await toAsks(ctx, rows);
  if (!ask) throw notFound('ask', id);
  return ask;
}

export async function listAsks(ctx: StoreContext, query: unknown = {}): Promise<StoredAsk[]> {
  const q = parseOrThrow(askListQuerySchema, query);
  let select = selectAsks(ctx);
  if (q.state) select = select.where('ask.state', '=', q.state);
  if (q.direction) select = select.where('ask.direction', '=', q.direction);
  if (q.personId) select = select.where('ask.person_id', '=', q.personId);
  if (q.campaignId) select = select.where('ask.campaign_id', '=', q.campaignId);
  const rows = await select
    .orderBy('ask.id', 'desc')
    .limit(q.limit ?? 200)
    .offset(q.offset ?? 0)
    .execute();
  return toAsks(ctx, rows);
}

/**
 * The asks that can make a line on Today: open and met ones, and those that moved on within
 * the few days Today mentions them (a day more, for time zones).
 */
export async function asksForAgenda(ctx: StoreContext, now: string): Promise<StoredAsk[]> {
  const since = new Date(Date.parse(now) - (MOVED_ON_NOTICE_DAYS + 1) * DAY_MS).toISOString();
  // Two index ranges rather than one OR, which would read every moved-on ask.
  const [open, movedOn] = await Promise.all([
    selectAsks(ctx).where('ask.state', 'in', ['sent', 'replied', 'scheduled', 'met']).execute(),
    selectAsks(ctx)
      .where('ask.state', '=', 'moved-on')
      .where('ask.closed_at', '>=', since)
      .execute(),
  ]);
  return toAsks(ctx, [...open, ...movedOn]);
}

/**
 * The asks that decide whether these people were asked recently (campaign suggestions skip
 * them): open ones, and those sent within the window. Only the fields the rule reads.
 */
export async function recentAsksOf(
  ctx: StoreContext,
  personIds: readonly string[],
  now: string,
): Promise<Pick<Ask, 'personId' | 'state' | 'sentAt'>[]> {
  const since = new Date(Date.parse(now) - RECENTLY_ASKED_DAYS * DAY_MS).toISOString();
  const found: Pick<Ask, 'personId' | 'state' | 'sentAt'>[] = [];
  for (const ids of chunk([...personIds], 5_000)) {
    const rows = await ctx.db
      .selectFrom('ask')
      .select(['person_id', 'state', 'sent_at'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('person_id', 'in', ids)
      .where('direction', '=', 'outgoing')
      .where((eb) => eb.or([eb('state', 'in', OPEN_STATES), eb('sent_at', '>=', since)]))
      .execute();
    for (const r of rows)
      found.push({ personId: r.person_id, state: r.state as AskState, sentAt: r.sent_at });
  }
  return found;
}

/**
 * Campaigns still running on `endingFrom` or later, with the counts pacing needs, added up
 * in SQL over their asks only.
 */
export async function campaignsForPacing(
  ctx: StoreContext,
  endingFrom: string,
): Promise<(Campaign & { progress: PacingCounts })[]> {
  const rows = await ctx.db
    .selectFrom('campaign')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', endingFrom)]))
    .orderBy('name_key')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [tags, counts] = await Promise.all([
    ctx.db
      .selectFrom('campaign_tag')
      .innerJoin('tag', 'tag.id', 'campaign_tag.tag_id')
      .select(['campaign_tag.campaign_id', 'tag.name'])
      .where('campaign_tag.campaign_id', 'in', ids)
      .orderBy('tag.name')
      .execute(),
    ctx.db
      .selectFrom('ask')
      .select((eb) => [
        'campaign_id',
        eb.fn.count<number>('sent_at').as('asked'),
        eb.fn
          .sum<number>(eb.case().when('state', 'in', ['met', 'thanked']).then(1).else(0).end())
          .as('met'),
        eb.fn
          .sum<number>(eb.case().when('state', 'in', OPEN_STATES).then(1).else(0).end())
          .as('open'),
      ])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('campaign_id', 'in', ids)
      .groupBy('campaign_id')
      .execute(),
  ]);
  const byCampaign = new Map(counts.map((c) => [c.campaign_id, c]));
  return rows.map((r) => {
    const c = byCampaign.get(r.id);
    return {
      id: r.id,
      name: r.name,
      aim: r.aim ?? '',
      targetChats: r.target_chats,
      batchSize: r.batch_size,
      endsOn: r.ends_on,
      tags: tags.filter((t) => t.campaign_id === r.id).map((t) => t.name),
      // PostgreSQL returns counts and sums as text (bigint/numeric).
      progress: {
        asked: Number(c?.asked ?? 0),
        met: Number(c?.met ?? 0),
        open: Number(c?.open ?? 0),
      },
    };
  });
}

/** Write an ask's current fields and the events it gained since `knownEvents`. */
export async function saveAsk(ctx: StoreContext, ask: Ask, knownEvents: number): Promise<void> {
  await ctx.db
    .updateTable('ask')
    .set({
      state: ask.state,
      sent_at: ask.sentAt,
      nudged_at: ask.nudgedAt,
      replied_at: ask.repliedAt,
      scheduled_for: ask.scheduledFor,
      met_at: ask.metAt,
      interaction_id: ask.interactionId,
      closed_at: ask.closedAt,
      updated_at: ctx.now().toISOString(),
    })
    .where('id', '=', ask.id)
    .execute();
  const added = ask.history.slice(knownEvents);
  if (added.length > 0) {
    await ctx.db
      .insertInto('ask_event')
      .values(
        added.map((e, i) => ({
          workspace_id: ctx.workspaceId,
          ask_id: ask.id,
          position: knownEvents + i,
          at: e.at,
          action: e.action,
          from_state: e.from,
          to_state: e.to,
          note: e.note ?? null,
        })),
      )
      .execute();
  }
}

export async function createAsk(ctx: StoreContext, input: unknown): Promise<StoredAsk> {
  const data = parseOrThrow(askCreateSchema, input);
  return inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString();
    const ask = askFromInput(data, newId(), now);
    await requirePerson(tx, data.personId, 'personId');
    if (data.campaignId) await getCampaignRow(tx, data.campaignId, 'campaignId');
    const item = {
      ask,
      personId: data.personId,
      campaignId: data.campaignId ?? null,
      channel: data.channel ?? null,
    };
    await insertAsks(tx, [item], now);
    return getAsk(tx, ask.id);
  });
}

/**
 * Mark an ask by hand. "meet" without an interaction logs one (a chat with that person about
 * the question) so the timeline shows it. An illegal step is refused and changes nothing.
 */
export async function actOnAsk(ctx: StoreContext, id: string, input: unknown): Promise<StoredAsk> {
  const { at, ...rest } = parseOrThrow(askActionSchema, input);
  const action = rest as AskAction;
  return inTransaction(ctx, async (tx) => {
    const ask = await getAsk(tx, id);
    const when = at ?? tx.now().toISOString();
    let next = transition(ask, action, when);
    // The thank-you of the chat an ask is met with, when known without asking the database.
    let chatThanks: string | null | undefined;
    if (action.type === 'meet' && !action.interactionId) {
      // The chat may be logged already (a coffee written down on the way out): it is the
      // meeting, linked and said so in the ask's history, never a second one.
      const logged = await chatAlreadyLogged(tx, ask, when);
      if (logged) {
        next = { ...next, interactionId: logged.id };
        chatThanks = logged.thankYou;
        const last = next.history.at(-1);
        if (last)
          next.history[next.history.length - 1] = {
            ...last,
            note: `linked to the ${logged.kind} logged on ${logged.day}: ${logged.summary}`.slice(
              0,
              300,
            ),
          };
      } else {
        const interaction = await createInteraction(
          tx,
          {
            occurredAt: ask.scheduledFor ?? new Date(when).toISOString(),
            kind: ask.channel === 'video' ? 'video-call' : 'coffee',
            summary: `Chat: ${ask.question}`.slice(0, 300),
            participantIds: [ask.personId],
          },
          { forAnAsk: true },
        );
        next = { ...next, interactionId: interaction.id };
        chatThanks = interaction.thankYou;
      }
    }
    next = await settleTheChatsThankYou(tx, ask, next, action, when, chatThanks);
    await saveAsk(tx, next, ask.history.length);
    // Asking, and answering someone who asked, count in the reciprocity part of the tie.
    if (
      (action.type === 'send' && ask.direction === 'outgoing') ||
      answered(next) !== answered(ask)
    )
      await bumpTies(tx);
    return getAsk(tx, id);
  });
}

/**
 * An ask's chat is thanked through the ask: met, the chat's own thank-you gives way to the
 * ask's (or, already sent, thanks the ask too); thanked, the chat is marked thanked.
 */
async function settleTheChatsThankYou(
  tx: StoreContext,
  before: StoredAsk,
  next: Ask,
  action: AskAction,
  when: string,
  known: string | null | undefined,
): Promise<Ask> {
  const chat = next.interactionId;
  if (!chat || before.direction !== 'outgoing') return next;
  if (action.type === 'thank') {
    await tx.db
      .updateTable('interaction')
      .set({ thank_you: 'thanked' })
      .where('workspace_id', '=', tx.workspaceId)
      .where('id', '=', chat)
      .execute();
    return next;
  }
  if (action.type !== 'meet') return next;
  const thankYou =
    known !== undefined
      ? known
      : ((
          await tx.db
            .selectFrom('interaction')
            .select('thank_you')
            .where('workspace_id', '=', tx.workspaceId)
            .where('id', '=', chat)
            .executeTakeFirst()
        )?.thank_you ?? null);
  if (thankYou === 'thanked') return transition(next, { type: 'thank' }, when);
  if (thankYou === 'owed')
    await tx.db
      .updateTable('interaction')
      .set({ thank_you: null })
      .where('workspace_id', '=', tx.workspaceId)
      .where('id', '=', chat)
      .execute();
  return next;
}

/** A chat marked thanked thanks the ask it was the meeting of, if that ask is still met. */
export async function thankTheAskOfAThankedChat(
  ctx: StoreContext,
  interactionId: string,
): Promise<void> {
  const ask = await ctx.db
    .selectFrom('ask')
    .innerJoin('interaction', 'interaction.id', 'ask.interaction_id')
    .select('ask.id')
    .where('ask.workspace_id', '=', ctx.workspaceId)
    .where('ask.interaction_id', '=', interactionId)
    .where('ask.state', '=', 'met')
    .where('interaction.thank_you', '=', 'thanked')
    .executeTakeFirst();
  if (ask) await actOnAsk(ctx, ask.id, { type: 'thank' });
}

/**
 * A chat with the ask's person logged on the day it is marked met, or on the day it was
 * scheduled for (in the user's time zone), not already the meeting of another ask.
 */
async function chatAlreadyLogged(
  tx: StoreContext,
  ask: StoredAsk,
  when: string,
): Promise<{
  id: string;
  kind: string;
  summary: string;
  day: string;
  thankYou: string | null;
} | null> {
  const zone = (await getSettings(tx)).timeZone ?? 'UTC';
  const days = [
    ...new Set([
      localDate(when, zone),
      ...(ask.scheduledFor ? [localDate(ask.scheduledFor, zone)] : []),
    ]),
  ];
  const rows = await tx.db
    .selectFrom('interaction as i')
    .innerJoin('interaction_participant as p', 'p.interaction_id', 'i.id')
    .selectAll('i')
    .where('i.workspace_id', '=', tx.workspaceId)
    .where('p.person_id', '=', ask.personId)
    .where('i.kind', 'in', [...MEETING_KINDS])
    // A day either side in UTC holds every zone's day; the exact day is checked below.
    .where(
      'i.occurred_at',
      '>=',
      `${addDays(
        days.reduce((a, b) => (a < b ? a : b)),
        -1,
      )}`,
    )
    .where(
      'i.occurred_at',
      '<',
      `${addDays(
        days.reduce((a, b) => (a > b ? a : b)),
        2,
      )}`,
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('ask as other')
            .select('other.id')
            .whereRef('other.interaction_id', '=', 'i.id')
            .where('other.workspace_id', '=', tx.workspaceId),
        ),
      ),
    )
    .orderBy('i.occurred_at', 'desc')
    .execute();
  const found = rows.find((r) => days.includes(localDate(r.occurred_at, zone)));
  return found
    ? {
        id: found.id,
        kind: found.kind,
        summary: found.summary,
        day: localDate(found.occurred_at, zone),
        thankYou: found.thank_you ?? null,
      }
    : null;
}

/** Close, as "moved on", every sent ask whose time has come. Returns how many moved on. */
export async function moveOnOverdueAsks(
  ctx: StoreContext,
  now: string,
  timeZone: string,
): Promise<number> {
  // Several app servers may answer Today for one workspace at once: they take turns, so the
  // second reads what the first moved and finds nothing left to do (no step recorded twice).
  return inTurn(ctx, ASK_MOVES_LOCK, async (tx) => {
    const settings = await getSettings(tx);
    // Only asks sent long enough ago can be due (a day's margin for time zones).
    const before = new Date(
      Date.parse(now) - (settings.moveOnAfterDays - 1) * DAY_MS,
    ).toISOString();
    const waiting = await toAsks(
      tx,
      await selectAsks(tx)
        .where('ask.state', '=', 'sent')
        .where('ask.direction', '=', 'outgoing')
        .where('ask.sent_at', '<=', before)
        .execute(),
    );
    const policy = {
      nudgeAfterDays: settings.nudgeAfterDays,
      moveOnAfterDays: settings.moveOnAfterDays,
    };
    let moved = 0;
    for (const ask of waiting) {
      const next = moveOnIfDue(ask, now, timeZone, policy);
      if (next !== ask) {
        await saveAsk(tx, next, ask.history.length);
        moved += 1;
      }
    }
    return moved;
  });
}

async function getCampaignRow(ctx: StoreContext, id: string, field = 'id') {
  const row = isId(id)
    ? await ctx.db
        .selectFrom('campaign')
        .selectAll()
        .where('workspace_id', '=', ctx.workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!row)
    throw new KithError(
      field === 'id' ? 'not_found' : 'invalid_input',
      `${field}: no campaign has the id ${id}`,
      field,
    );
  return row;
}

export type CampaignWithProgress = Campaign & { progress: ReturnType<typeof campaignProgress> };

async function toCampaigns(ctx: StoreContext, ids: string[]): Promise<CampaignWithProgress[]> {
  if (ids.length === 0) return [];
  const [rows, tags, asks] = await Promise.all([
    ctx.db.selectFrom('campaign').selectAll().where('id', 'in', ids).orderBy('name_key').execute(),
    ctx.db
      .selectFrom('campaign_tag')
      .innerJoin('tag', 'tag.id', 'campaign_tag.tag_id')
      .select(['campaign_tag.campaign_id', 'tag.name'])
      .where('campaign_tag.campaign_id', 'in', ids)
      .orderBy('tag.name')
      .execute(),
    selectAsks(ctx).where('ask.campaign_id', 'in', ids).execute(),
  ]);
  // What the campaign gathered: insights noted in its chats, introductions it brought.
  const [insights, introductions] = await Promise.all([
    ctx.db
      .selectFrom('ask')
      .innerJoin('insight', 'insight.interaction_id', 'ask.interaction_id')
      .select((eb) => ['ask.campaign_id', eb.fn.countAll<number | string>().as('n')])
      .where('ask.campaign_id', 'in', ids)
      .groupBy('ask.campaign_id')
      .execute(),
    ctx.db
      .selectFrom('introduction')
      .select((eb) => ['campaign_id', eb.fn.countAll<number | string>().as('n')])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('kind', '=', 'received')
      .where('campaign_id', 'in', ids)
      .groupBy('campaign_id')
      .execute(),
  ]);
  const gathered = (rows: { campaign_id: string | null; n: number | string }[], id: string) =>
    Number(rows.find((r) => r.campaign_id === id)?.n ?? 0);
  const askedIn = groupBy(
    await toAsks(ctx, asks),
    (a) => a.campaignId ?? '',
    (a) => a,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    aim: r.aim ?? '',
    targetChats: r.target_chats,
    batchSize: r.batch_size,
    endsOn: r.ends_on,
    tags: tags.filter((t) => t.campaign_id === r.id).map((t) => t.name),
    progress: campaignProgress(askedIn.get(r.id) ?? [], {
      insights: gathered(insights, r.id),
      introductions: gathered(introductions, r.id),
    }),
  }));
}

export async function createCampaign(
  ctx: StoreContext,
  input: unknown,
): Promise<CampaignWithProgress> {
  const data = parseOrThrow(campaignCreateSchema, input);
  return inTransaction(ctx, async (tx) => {
    const key = nameKey(data.name);
    const clash = await tx.db
      .selectFrom('campaign')
      .select('name')
      .where('workspace_id', '=', tx.workspaceId)
      .where('name_key', '=', key)
      .executeTakeFirst();
    if (clash)
      throw new KithError(
        'conflict',
        `name: a campaign named "${clash.name}" exists already.`,
        'name',
      );
    const id = newId();
    const now = tx.now().toISOString();
    await tx.db
      .insertInto('campaign')
      .values({
        id,
        workspace_id: tx.workspaceId,
        name: data.name,
        name_key: key,
        aim: data.aim ?? null,
        target_chats: data.targetChats ?? 20,
        batch_size: data.batchSize ?? 2,
        ends_on: data.endsOn ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const tagIds = await tagIdsFor(tx, [...new Set(data.tags ?? [])]);
    if (tagIds.length > 0) {
      await tx.db
        .insertInto('campaign_tag')
        .values(tagIds.map((tag_id) => ({ workspace_id: tx.workspaceId, campaign_id: id, tag_id })))
        .execute();
    }
    const [campaign] = await toCampaigns(tx, [id]);
    if (!campaign) throw notFound('campaign', id);
    return campaign;
  });
}

export async function listCampaigns(ctx: StoreContext): Promise<CampaignWithProgress[]> {
  const rows = await ctx.db
    .selectFrom('campaign')
    .select('id')
    .where('workspace_id', '=', ctx.workspaceId)
    .execute();
  return toCampaigns(
    ctx,
    rows.map((r) => r.id),
  );
}

/** A campaign by id or by name. */
export async function resolveCampaign(
  ctx: StoreContext,
  text: string,
): Promise<CampaignWithProgress> {
  const row = isId(text)
    ? await getCampaignRow(ctx, text)
    : await ctx.db
        .selectFrom('campaign')
        .selectAll()
        .where('workspace_id', '=', ctx.workspaceId)
        .where('name_key', '=', nameKey(text))
        .executeTakeFirst();
  const [campaign] = row ? await toCampaigns(ctx, [row.id]) : [];
  if (!campaign) throw new KithError('not_found', `No campaign matches "${text}".`, 'campaign');
  return campaign;
}

/**
 * The message of an ask, from the user's template for its purpose (or the default one),
 * always: what is not known yet shows as a blank and is listed in `missing`. `work`, `topic`
 * and `organization` fill those placeholders for this draft (the feedback and advice templates).
 */
export async function draftAsk(
  ctx: StoreContext,
  id: string,
  extra: { work?: string; topic?: string; organization?: string } = {},
): Promise<{ askId: string; purpose: string; text: string; missing: Placeholder[] }> {
  const ask = await getAsk(ctx, id);
  if (ask.direction === 'incoming')
    throw new KithError(
      'invalid_state',
      `${ask.personName} asked you this: there is no message of yours to draft for it.`,
      'id',
    );
  const settings = await getSettings(ctx);
  const person = await ctx.db
    .selectFrom('person')
    .leftJoin('organization', 'organization.id', 'person.organization_id')
    .select(['person.display_name', 'person.given_name', 'organization.name as organization'])
    .where('person.id', '=', ask.personId)
    .executeTakeFirstOrThrow();
  const template = settings.templates[ask.purpose] ?? DEFAULT_TEMPLATES[ask.purpose];
  const { text, missing } = draftWithBlanks(template, {
    first_name: person.given_name ?? person.display_name.split(/\s+/)[0] ?? person.display_name,
    my_name: settings.myName,
    my_intro: settings.myIntro,
    question: ask.question,
    minutes: ask.minutes,
    organization: extra.organization?.trim() || person.organization,
    work: extra.work,
    topic: extra.topic,
  });
  return { askId: ask.id, purpose: ask.purpose, text, missing };
}
