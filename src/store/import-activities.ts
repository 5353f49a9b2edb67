// What an import brings beside people: conversations and calendar events become interactions,
// invitations become asks (the user's, or made of the user), chats still to come become
// scheduled asks. Each is
// remembered by its key (import_item): the same file again changes nothing, an updated export
// updates what changed in it — unless the user edited or deleted it since, which wins.
import { newId } from '../domain/ids.js';
import { resolveRef, type ImportedActivity } from '../domain/import/activity.js';
import { invitationAnsweredAt } from '../domain/import/linkedin-activity.js';
import type { ActivityCounts } from '../domain/import/schemas.js';
import {
  AWAITING_DATE,
  CALENDAR_MOVES,
  newAsk,
  receivedAsk,
  transition,
  type Ask,
} from '../domain/method/ask.js';
import { nameKey } from '../domain/text.js';
import { getAsk, saveAsk } from './asks.js';
import { insertAsks, insertInteractions } from './bulk-load.js';
import { chunk, type StoreContext } from './context.js';
import { peopleByKeys } from './people-by-keys.js';
import { reindexInteractions } from './derived.js';
import { refreshLastContact } from './derived.js';
import type { AskTable, ImportActivityChangeTable, ImportItemTable } from './schema.js';
import { bumpTies } from './ties.js';

/** Who the file's references are: people already in Kith, and people the same import adds. */
export interface PeopleByRef {
  byLinkedin: Map<string, string>;
  byEmail: Map<string, string>;
  byName: Map<string, string[]>;
}

export interface PlannedActivity {
  activity: ImportedActivity;
  /** One for interactions (the people in it); one per person for asks. */
  key: string;
  personIds: string[];
  action: 'new' | 'updated' | 'unchanged' | 'skipped';
  item: ImportItemTable | null;
}

const MAX_SKIPPED_LISTED = 50;

/** Asks are one per person: an invitation or a chat with two people is two asks, two keys. */
export const personalKey = (activity: ImportedActivity, personId: string) =>
  `${activity.key}#${personId}`;

/** Add the people of the workspace the activities' references name to what the file knows. */
export async function addStoredPeople(
  ctx: StoreContext,
  activities: ImportedActivity[],
  refs: PeopleByRef,
): Promise<void> {
  // Each person once: the same few people are in thousands of conversation-days.
  const mentioned = new Set(activities.flatMap((a) => a.with));
  const linkedins = new Set<string>();
  const emails = new Set<string>();
  for (const r of mentioned) {
    if (r.linkedin) linkedins.add(r.linkedin);
    if (r.email) emails.add(r.email.toLowerCase());
  }
  const byAddress = await peopleByKeys(
    ctx,
    { linkedins: [...linkedins], emails: [...emails] },
    { liveOnly: true },
  );
  for (const [key, id] of byAddress.byLinkedin) refs.byLinkedin.set(key, id);
  for (const [key, id] of byAddress.byEmail) if (!refs.byEmail.has(key)) refs.byEmail.set(key, id);
  // Names only for the people no profile or address finds (resolveRef asks in that order).
  const names = new Set<string>();
  for (const r of mentioned) {
    if (r.linkedin && refs.byLinkedin.has(r.linkedin)) continue;
    if (r.email && refs.byEmail.has(r.email.toLowerCase())) continue;
    const name = nameKey(r.name);
    if (name) names.add(name);
  }
  const found = await peopleByKeys(ctx, { names: [...names] }, { liveOnly: true });
  for (const [key, people] of found.byName) {
    const list = refs.byName.get(key) ?? [];
    for (const { id } of people) if (!list.includes(id)) list.push(id);
    refs.byName.set(key, list);
  }
}

/** What each activity will do: new, updated, unchanged, or skipped (nobody in it is known). */
export async function planActivities(
  ctx: StoreContext,
  activities: ImportedActivity[],
  refs: PeopleByRef,
): Promise<{
  planned: PlannedActivity[];
  counts: ActivityCounts;
  skipped: { file: string; line: number; summary: string; people: string }[];
}> {
  const planned: PlannedActivity[] = [];
  const skipped: { file: string; line: number; summary: string; people: string }[] = [];
  let skippedCount = 0;
  for (const activity of activities) {
    const ids = [...new Set(activity.with.flatMap((r) => resolveRef(r, refs) ?? []))];
    if (ids.length === 0) {
      skippedCount += 1;
      if (skipped.length < MAX_SKIPPED_LISTED)
        skipped.push({
          ...activity.source,
          summary: 'summary' in activity ? activity.summary : activity.question,
          people: activity.with.map((r) => r.name || r.email || r.linkedin).join(', '),
        });
      continue;
    }
    if (activity.type === 'interaction') {
      planned.push({ activity, key: activity.key, personIds: ids, action: 'new', item: null });
    } else {
      for (const id of ids)
        planned.push({
          activity,
          key: personalKey(activity, id),
          personIds: [id],
          action: 'new',
          item: null,
        });
    }
  }
  // What earlier imports brought, by key.
  const items = new Map<string, ImportItemTable>();
  for (const part of chunk(
    planned.map((p) => p.key),
    5000,
  )) {
    const rows = await ctx.db
      .selectFrom('import_item')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .where('key', 'in', part)
      .execute();
    for (const r of rows) items.set(r.key, r);
  }
  const changed = planned.filter((p) => {
    p.item = items.get(p.key) ?? null;
    if (!p.item) return false;
    p.action = 'unchanged';
    // What an earlier import made of it stays what it is when the activity would now make
    // something else (a received invitation was a message before asks went both ways).
    const makes = p.activity.type === 'interaction' ? 'interaction' : 'ask';
    if (p.item.target_kind !== makes) return false;
    return p.item.fingerprint !== p.activity.fingerprint;
  });
  // Content changed since: updated, unless the user edited or deleted it since.
  const current = new Map<string, string>();
  for (const kind of ['interaction', 'ask'] as const) {
    const ids = changed.flatMap((p) => (p.item?.target_kind === kind ? [p.item.target_id] : []));
    for (const part of chunk(ids, 5000)) {
      const rows = await ctx.db
        .selectFrom(kind)
        .select(['id', 'updated_at'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) current.set(r.id, r.updated_at);
    }
  }
  for (const p of changed) {
    if (p.item && current.get(p.item.target_id) === p.item.written_at) p.action = 'updated';
  }
  const count = (action: PlannedActivity['action']) =>
    planned.filter((p) => p.action === action).length;
  return {
    planned,
    counts: {
      new: count('new'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      skipped: skippedCount,
    },
    skipped,
  };
}

/** What a run writes of the file's activities: each item, and each change its undo reverses. */
interface RunWrites {
  runId: string;
  items: ImportItemTable[];
  changes: ImportActivityChangeTable[];
  /** People whose conversations changed (their last contact and ties follow). */
  touched: Set<string>;
  created(p: PlannedActivity, kind: 'interaction' | 'ask', id: string, at: string): void;
}

function runWrites(workspaceId: string, runId: string): RunWrites {
  const w: RunWrites = {
    runId,
    items: [],
    changes: [],
    touched: new Set(),
    created(p, kind, id, at) {
      w.items.push({
        workspace_id: workspaceId,
        key: p.key,
        target_kind: kind,
        target_id: id,
        fingerprint: p.activity.fingerprint,
        written_at: at,
      });
      w.changes.push({
        run_id: runId,
        key: p.key,
        target_kind: kind,
        target_id: id,
        action: 'created',
        before: null,
        after_updated_at: at,
      });
    },
  };
  return w;
}

/** New conversations: in bulk, oldest first. */
async function writeNewInteractions(
  tx: StoreContext,
  planned: PlannedActivity[],
  w: RunWrites,
  now: string,
  onProgress: (done: number, total: number) => void,
  names: Map<string, string> | undefined,
): Promise<void> {
  // New interactions, oldest first (the search index fills best that way).
  const fresh = planned
    .filter((p) => p.action === 'new' && p.activity.type === 'interaction')
    .sort((a, b) => (a.activity.at < b.activity.at ? -1 : a.activity.at > b.activity.at ? 1 : 0));
  const ids = await insertInteractions(
    tx,
    fresh.map((p) => {
      const a = p.activity as Extract<ImportedActivity, { type: 'interaction' }>;
      return {
        data: { occurredAt: a.at, kind: a.kind, summary: a.summary, notes: a.notes },
        participantIds: p.personIds,
      };
    }),
    now,
    { onProgress: (done) => onProgress(done, fresh.length), names },
  );
  fresh.forEach((p, i) => {
    w.created(p, 'interaction', ids[i] ?? '', now);
    for (const id of p.personIds) w.touched.add(id);
  });
}

/**
 * New asks: invitations (sent, or made of the user), and chats on the calendar — the open ask
 * to that person scheduled, or a new one.
 */
async function writeNewAsks(
  tx: StoreContext,
  planned: PlannedActivity[],
  w: RunWrites,
  now: string,
): Promise<void> {
  // New asks: invitations (sent, or made of the user), and chats in the calendar not asked
  // for in Kith.
  const newAsks: { ask: Ask; personId: string; campaignId: null; channel: string | null }[] = [];
  const openAsks = await openAsksOf(
    tx,
    planned
      .filter((p) => p.action === 'new' && p.activity.type === 'scheduled')
      .flatMap((p) => p.personIds),
  );
  for (const p of planned) {
    if (p.action !== 'new' || p.activity.type === 'interaction') continue;
    const personId = p.personIds[0] ?? '';
    const a = p.activity;
    if (a.type === 'invitation') {
      const fields = {
        id: newId(),
        personId,
        question: a.question,
        purpose: 'path' as const,
        at: a.at,
      };
      const ask =
        a.direction === 'incoming'
          ? receivedAsk(fields)
          : transition(newAsk(fields), { type: 'send' }, a.at);
      newAsks.push({ ask, personId, campaignId: null, channel: 'linkedin' });
      w.created(p, 'ask', ask.id, ask.history.at(-1)?.at ?? now);
      continue;
    }
    // A chat on the calendar with someone who was asked in Kith: that ask is now scheduled.
    const open = openAsks.get(personId);
    if (open) {
      openAsks.delete(personId);
      const before = await askRow(tx, open);
      const ask = await getAsk(tx, open);
      await saveAsk(tx, transition(ask, { type: 'schedule', for: a.at }, now), ask.history.length);
      const after = await askRow(tx, open);
      w.items.push({
        workspace_id: tx.workspaceId,
        key: p.key,
        target_kind: 'ask',
        target_id: open,
        fingerprint: a.fingerprint,
        written_at: after.updated_at,
      });
      w.changes.push({
        run_id: w.runId,
        key: p.key,
        target_kind: 'ask',
        target_id: open,
        action: 'updated',
        before: JSON.stringify({ row: before, events: ask.history.length, item: null }),
        after_updated_at: after.updated_at,
      });
      continue;
    }
    let ask = newAsk({ id: newId(), personId, question: a.summary, minutes: a.minutes, at: now });
    ask = transition(ask, { type: 'send' }, now);
    ask = transition(ask, { type: 'schedule', for: a.at }, now);
    newAsks.push({ ask, personId, campaignId: null, channel: null });
    w.created(p, 'ask', ask.id, now);
  }
  await insertAsks(tx, newAsks, now);
}

/** What the export now says differently, where the user did not touch it since. */
async function applyUpdates(
  tx: StoreContext,
  planned: PlannedActivity[],
  w: RunWrites,
  now: string,
): Promise<void> {
  // Updated: the export changed what it said, and the user did not touch it since.
  for (const p of planned) {
    if (p.action !== 'updated' || !p.item) continue;
    const item = p.item;
    const a = p.activity;
    let before: unknown;
    let after = now;
    if (item.target_kind === 'interaction' && a.type === 'interaction') {
      const row = await tx.db
        .selectFrom('interaction')
        .selectAll()
        .where('id', '=', item.target_id)
        .executeTakeFirstOrThrow();
      before = { row, item };
      await tx.db
        .updateTable('interaction')
        .set({ summary: a.summary, notes: a.notes, occurred_at: a.at, updated_at: now })
        .where('id', '=', item.target_id)
        .execute();
      await reindexInteractions(tx, [item.target_id]);
      for (const id of p.personIds) w.touched.add(id);
    } else if (item.target_kind === 'ask' && a.type === 'scheduled') {
      const ask = await getAsk(tx, item.target_id);
      // Only a chat still waiting to happen moves with the calendar.
      if (!CALENDAR_MOVES.includes(ask.state)) continue;
      before = { row: await askRow(tx, ask.id), events: ask.history.length, item };
      await saveAsk(tx, transition(ask, { type: 'schedule', for: a.at }, now), ask.history.length);
      after = (await askRow(tx, ask.id)).updated_at;
    } else continue;
    w.items.push({ ...item, fingerprint: a.fingerprint, written_at: after });
    w.changes.push({
      run_id: w.runId,
      key: p.key,
      target_kind: item.target_kind,
      target_id: item.target_id,
      action: 'updated',
      before: JSON.stringify(before),
      after_updated_at: after,
    });
  }
}

/** Carry out the plan: people's ids are final by now. */
export async function writeActivities(
  tx: StoreContext,
  planned: PlannedActivity[],
  runId: string,
  now: string,
  options: {
    onProgress?: (done: number, total: number) => void;
    /** People this import gave their last contact already (see importContacts). */
    lastContactKnown?: ReadonlySet<string>;
    /** The names of the people it wrote, by id (the conversations' search documents hold them). */
    names?: Map<string, string>;
  } = {},
): Promise<void> {
  const onProgress = options.onProgress ?? (() => undefined);
  const lastContactKnown = options.lastContactKnown ?? new Set<string>();
  const w = runWrites(tx.workspaceId, runId);
  await writeNewInteractions(tx, planned, w, now, onProgress, options.names);
  await writeNewAsks(tx, planned, w, now);
  await applyUpdates(tx, planned, w, now);
  await tx.rows.insert(tx.db, 'import_item', w.items, {
    columns: ['workspace_id', 'key'],
    update: ['target_id', 'target_kind', 'fingerprint', 'written_at'],
  });
  await tx.rows.insert(tx.db, 'import_activity_change', w.changes);
  if (w.touched.size > 0) {
    await refreshLastContact(
      tx,
      [...w.touched].filter((id) => !lastContactKnown.has(id)),
    );
    await bumpTies(tx);
  }
}

/** An invitation the person accepted since: its ask, and when they connected. */
export interface AcceptedInvitation {
  askId: string;
  key: string;
  personId: string;
  personName: string;
  direction: string;
  /** When it was answered: the day they connected (noon UTC), never before it was sent. */
  at: string;
}

/**
 * LinkedIn lists only the invitations still waiting. Someone invited, or inviting, who is a
 * connection in this file since the invitation's day or later, accepted it: that ask was
 * answered then — by them (the user's invitation) or by the user (theirs). Only asks an
 * imported invitation made, still waiting or moved on; read only.
 */
export async function acceptedInvitations(
  ctx: StoreContext,
  connections: readonly { personId: string; on: string }[],
  now: string,
): Promise<AcceptedInvitation[]> {
  const since = new Map(connections.map((c) => [c.personId, c.on]));
  if (since.size === 0) return [];
  // The invitations imported so far: few, beside many conversations.
  const items = await ctx.db
    .selectFrom('import_item')
    .select(['key', 'target_id'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('target_kind', '=', 'ask')
    .where('key', 'like', 'linkedin-invitation:%')
    .execute();
  const keyOf = new Map(items.map((i) => [i.target_id, i.key]));
  const found: AcceptedInvitation[] = [];
  for (const part of chunk([...keyOf.keys()], 5000)) {
    const rows = await ctx.db
      .selectFrom('ask')
      .innerJoin('person', 'person.id', 'ask.person_id')
      .select(['ask.id', 'ask.person_id', 'person.display_name', 'ask.direction', 'ask.sent_at'])
      .where('ask.id', 'in', part)
      .where('ask.state', 'in', ['sent', 'moved-on'])
      .execute();
    for (const r of rows) {
      const on = since.get(r.person_id);
      const at = on ? invitationAnsweredAt(r.sent_at ?? now, on, now) : null;
      if (!at) continue;
      found.push({
        askId: r.id,
        key: keyOf.get(r.id) ?? '',
        personId: r.person_id,
        personName: r.display_name,
        direction: r.direction,
        at,
      });
    }
  }
  return found.sort((a, b) => a.personName.localeCompare(b.personName));
}

/** Mark accepted invitations answered, each recorded so undoing the run takes it back. */
export async function answerAcceptedInvitations(
  tx: StoreContext,
  accepted: readonly AcceptedInvitation[],
  runId: string,
): Promise<void> {
  for (const a of accepted) {
    const ask = await getAsk(tx, a.askId);
    const before = await askRow(tx, a.askId);
    const item = await tx.db
      .selectFrom('import_item')
      .selectAll()
      .where('workspace_id', '=', tx.workspaceId)
      .where('key', '=', a.key)
      .executeTakeFirstOrThrow();
    await saveAsk(tx, transition(ask, { type: 'reply' }, a.at), ask.history.length);
    const after = (await askRow(tx, a.askId)).updated_at;
    await tx.db
      .updateTable('import_item')
      .set({ written_at: after })
      .where('workspace_id', '=', tx.workspaceId)
      .where('key', '=', a.key)
      .execute();
    await tx.rows.insert(tx.db, 'import_activity_change', [
      {
        run_id: runId,
        key: a.key,
        target_kind: 'ask',
        target_id: a.askId,
        action: 'updated',
        before: JSON.stringify({ row: before, events: ask.history.length, item }),
        after_updated_at: after,
      },
    ]);
  }
  // Answering someone's invitation is giving; theirs answered changes nothing in the ties.
  if (accepted.some((a) => a.direction === 'incoming')) await bumpTies(tx);
}

async function askRow(ctx: StoreContext, id: string): Promise<AskTable> {
  return ctx.db.selectFrom('ask').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Each person's oldest ask that is sent or answered and waits for a date. */
async function openAsksOf(ctx: StoreContext, personIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunk([...new Set(personIds)], 5000)) {
    const rows = await ctx.db
      .selectFrom('ask')
      .select(['id', 'person_id'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('person_id', 'in', part)
      .where('state', 'in', [...AWAITING_DATE])
      .orderBy('created_at')
      .execute();
    for (const r of rows) if (!out.has(r.person_id)) out.set(r.person_id, r.id);
  }
  return out;
}

/** The activities a run changed that were edited since: undoing it would lose those edits. */
export async function editedSince(ctx: StoreContext, runId: string): Promise<string[]> {
  const changes = await ctx.db
    .selectFrom('import_activity_change')
    .selectAll()
    .where('run_id', '=', runId)
    .execute();
  const edited: string[] = [];
  for (const kind of ['interaction', 'ask'] as const) {
    const mine = changes.filter((c) => c.target_kind === kind);
    for (const part of chunk(mine, 5000)) {
      const rows = await ctx.db
        .selectFrom(kind)
        .select(['id', 'updated_at', kind === 'ask' ? 'question as label' : 'summary as label'])
        .where(
          'id',
          'in',
          part.map((c) => c.target_id),
        )
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const c of part) {
        const row = byId.get(c.target_id);
        if (row && row.updated_at !== c.after_updated_at) edited.push(row.label);
      }
    }
  }
  return edited;
}

/** Undo what a run did to activities: created ones go, updated ones get their earlier state. */
export async function undoActivities(ctx: StoreContext, runId: string): Promise<number> {
  const changes = await ctx.db
    .selectFrom('import_activity_change')
    .selectAll()
    .where('run_id', '=', runId)
    .execute();
  const ws = ctx.workspaceId;
  const interactions = changes.filter(
    (c) => c.action === 'created' && c.target_kind === 'interaction',
  );
  const asks = changes.filter((c) => c.action === 'created' && c.target_kind === 'ask');
  const touched: string[] = [];
  for (const part of chunk(
    interactions.map((c) => c.target_id),
    5000,
  )) {
    const people = await ctx.db
      .selectFrom('interaction_participant')
      .select('person_id')
      .where('interaction_id', 'in', part)
      .execute();
    touched.push(...people.map((p) => p.person_id));
    await ctx.search.removeInteractions(ctx.db, part);
    await ctx.db
      .deleteFrom('interaction')
      .where('workspace_id', '=', ws)
      .where('id', 'in', part)
      .execute();
  }
  for (const part of chunk(
    asks.map((c) => c.target_id),
    5000,
  )) {
    await ctx.db.deleteFrom('ask_event').where('ask_id', 'in', part).execute();
    await ctx.db.deleteFrom('ask').where('workspace_id', '=', ws).where('id', 'in', part).execute();
  }
  for (const part of chunk(
    changes.filter((c) => c.action === 'created').map((c) => c.key),
    5000,
  )) {
    await ctx.db
      .deleteFrom('import_item')
      .where('workspace_id', '=', ws)
      .where('key', 'in', part)
      .execute();
  }
  for (const c of changes.filter((c) => c.action === 'updated' && c.before)) {
    const before = JSON.parse(c.before ?? '{}') as {
      row: Record<string, unknown>;
      events?: number;
      item: ImportItemTable | null;
    };
    if (c.target_kind === 'interaction') {
      const row = before.row as {
        summary: string;
        notes: string | null;
        occurred_at: string;
        updated_at: string;
      };
      // Nobody touched it since the run (checked first): it is exactly as it was, stamp included.
      await ctx.db
        .updateTable('interaction')
        .set({
          summary: row.summary,
          notes: row.notes,
          occurred_at: row.occurred_at,
          updated_at: row.updated_at,
        })
        .where('id', '=', c.target_id)
        .execute();
      await reindexInteractions(ctx, [c.target_id]);
      const people = await ctx.db
        .selectFrom('interaction_participant')
        .select('person_id')
        .where('interaction_id', '=', c.target_id)
        .execute();
      touched.push(...people.map((p) => p.person_id));
    } else {
      const row = before.row as unknown as AskTable;
      await ctx.db
        .updateTable('ask')
        .set({
          state: row.state,
          sent_at: row.sent_at,
          nudged_at: row.nudged_at,
          replied_at: row.replied_at,
          scheduled_for: row.scheduled_for,
          met_at: row.met_at,
          interaction_id: row.interaction_id,
          closed_at: row.closed_at,
          updated_at: row.updated_at,
        })
        .where('id', '=', c.target_id)
        .execute();
      await ctx.db
        .deleteFrom('ask_event')
        .where('ask_id', '=', c.target_id)
        .where('position', '>=', before.events ?? 0)
        .execute();
    }
    if (before.item)
      await ctx.db
        .updateTable('import_item')
        .set({ fingerprint: before.item.fingerprint, written_at: before.item.written_at })
        .where('workspace_id', '=', ws)
        .where('key', '=', c.key)
        .execute();
    else
      await ctx.db
        .deleteFrom('import_item')
        .where('workspace_id', '=', ws)
        .where('key', '=', c.key)
        .execute();
  }
  if (touched.length > 0) {
    await refreshLastContact(ctx, touched);
    await bumpTies(ctx);
  }
  return changes.length;
}
