// Writes a whole network in one transaction with multi-row inserts: the demo generator
// and the benchmarks use it to fill a workspace with 100k people and 1M interactions.
import { sql } from 'kysely';
import { newId } from '../domain/ids.js';
import { validateNetwork, type NetworkData, type ValidNetwork } from '../domain/network.js';
import type { Ask } from '../domain/method/ask.js';
import type { PersonData } from '../domain/person.js';
import { nameKey } from '../domain/text.js';
import { chunk, inLargeChange, letOthersRun, rowsPerInsert, type StoreContext } from './context.js';
import { interactionDocument } from './derived.js';
import { refreshAllLastContact } from './derived.js';
import { bumpTies, orderedPair } from './ties.js';
import { namesOf, personColumns, personDocument, tagIdsFor } from './people.js';
import { refreshDateIndex } from './derived.js';
import type {
  AskEventTable,
  AskTable,
  InsightTable,
  PersonContactTable,
  PersonRoleTable,
  PersonTagTable,
} from './schema.js';

export type BulkPhase = 'people' | 'interactions' | 'index';
export type BulkProgress = (phase: BulkPhase, done: number, total: number) => void;

export interface BulkResult {
  people: number;
  interactions: number;
  insights: number;
  campaigns: number;
  asks: number;
  knows: number;
}

export async function bulkLoad(
  ctx: StoreContext,
  network: NetworkData,
  onProgress: BulkProgress = () => undefined,
): Promise<BulkResult> {
  const valid = validateNetwork(network);
  // Oldest first: ids and full-text rowids then grow with time, which is how both indexes
  // like to be filled (FTS5 flushes its in-memory batch whenever a rowid goes backwards).
  valid.interactions.sort((a, b) =>
    a.data.occurredAt < b.data.occurredAt ? -1 : a.data.occurredAt > b.data.occurredAt ? 1 : 0,
  );
  return inLargeChange(ctx, async (tx) => {
    const ws = tx.workspaceId;
    const now = tx.now().toISOString();

    const personIds = await insertPeople(tx, valid.people, now, (done) =>
      onProgress('people', done, valid.people.length),
    );

    // Interactions, with participants, insights and their search documents.
    let done = 0;
    let insightCount = 0;
    const names = new Map(
      valid.people.flatMap(({ key, data }) => {
        const id = personIds.get(key);
        return id ? [[id, data.displayName] as const] : [];
      }),
    );
    for (const batch of chunk(valid.interactions, 2000)) {
      await insertInteractions(
        tx,
        batch.map(({ data, participants }) => ({
          data,
          participantIds: participants.map((key) => personIds.get(key) ?? ''),
        })),
        now,
        { names },
      );
      insightCount += batch.reduce((n, { data }) => n + (data.insights ?? []).length, 0);
      done += batch.length;
      onProgress('interactions', done, valid.interactions.length);
    }
    await writeCampaignsAndAsks(tx, valid, personIds, now);
    for (const part of chunk(valid.knows, rowsPerInsert(10))) {
      await tx.db
        .insertInto('knows')
        .values(
          part.map((k) => {
            const [a, b] = orderedPair(personIds.get(k.a) ?? '', personIds.get(k.b) ?? '');
            return {
              id: newId(),
              workspace_id: ws,
              person_a: a,
              person_b: b,
              context: k.context,
              strength: k.strength,
              source: 'manual' as const,
              introduction_id: null,
              created_at: now,
              updated_at: now,
            };
          }),
        )
        .execute();
    }
    await bumpTies(tx);
    // Fresh statistics, so the query planner knows how large the tables just became (without
    // them PostgreSQL plans the last-contact refresh below as if the tables were empty).
    await sql`ANALYZE`.execute(tx.db);
    await refreshAllLastContact(tx);
    // Again for people: the refresh just filled the columns Today's indexes are built on.
    await sql`ANALYZE person`.execute(tx.db);
    return {
      people: valid.people.length,
      interactions: valid.interactions.length,
      insights: insightCount,
      campaigns: valid.campaigns.length,
      asks: valid.asks.length,
      knows: valid.knows.length,
    };
  });
}

/** Campaigns (with their tags), then asks with their whole history, in multi-row inserts. */
async function writeCampaignsAndAsks(
  tx: StoreContext,
  valid: ValidNetwork,
  personIds: ReadonlyMap<string, string>,
  now: string,
): Promise<void> {
  const ws = tx.workspaceId;
  const campaignIds = new Map<string, string>();
  for (const { key, data } of valid.campaigns) {
    const id = newId();
    campaignIds.set(key, id);
    await tx.db
      .insertInto('campaign')
      .values({
        id,
        workspace_id: ws,
        name: data.name,
        name_key: nameKey(data.name),
        aim: data.aim ?? null,
        target_chats: data.targetChats ?? 20,
        batch_size: data.batchSize ?? 2,
        ends_on: data.endsOn ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const tags = await tagIdsFor(tx, [...new Set(data.tags ?? [])]);
    if (tags.length > 0) {
      await tx.db
        .insertInto('campaign_tag')
        .values(tags.map((tag_id) => ({ workspace_id: ws, campaign_id: id, tag_id })))
        .execute();
    }
  }
  await insertAsks(
    tx,
    // The network's asks have no ids yet: they get theirs here.
    valid.asks.map(({ person, campaign, ask, channel }) => ({
      ask: { ...ask, id: newId() },
      personId: personIds.get(person) ?? '',
      campaignId: campaign ? (campaignIds.get(campaign) ?? null) : null,
      channel,
    })),
    now,
  );
}

export interface NewInteraction {
  data: {
    occurredAt: string;
    kind: string;
    summary: string;
    notes?: string | null;
    insights?: string[];
  };
  participantIds: string[];
}

/**
 * Interactions in multi-row inserts, with participants, insights and search documents;
 * their ids, in order. The caller refreshes last contact and ties.
 */
export async function insertInteractions(
  tx: StoreContext,
  items: NewInteraction[],
  now: string,
  options: {
    onProgress?: (done: number) => void;
    /**
     * The names of the people in them, by id, as far as the caller knows them (the people it
     * just wrote): the documents hold them. Any other is read, once, and kept here.
     */
    names?: Map<string, string>;
  } = {},
): Promise<string[]> {
  const ws = tx.workspaceId;
  const ids: string[] = [];
  const names = options.names ?? new Map<string, string>();
  for (const batch of chunk(items, 2000)) {
    const unnamed = new Set<string>();
    for (const { participantIds } of batch)
      for (const id of participantIds) if (!names.has(id)) unnamed.add(id);
    for (const [id, name] of await namesOf(tx, [...unnamed])) names.set(id, name);
    const rows = batch.map(({ data }) => ({
      id: newId(),
      workspace_id: ws,
      occurred_at: data.occurredAt,
      kind: data.kind,
      summary: data.summary,
      notes: data.notes ?? null,
      created_at: now,
      updated_at: now,
    }));
    await tx.rows.insert(tx.db, 'interaction', rows);
    const participants = batch.flatMap(({ participantIds }, i) =>
      participantIds.map((person_id) => ({
        workspace_id: ws,
        interaction_id: rows[i]?.id ?? '',
        person_id,
      })),
    );
    await tx.rows.insert(tx.db, 'interaction_participant', participants);
    const insights: InsightTable[] = batch.flatMap(({ data }, i) =>
      (data.insights ?? []).map((text, position) => ({
        id: newId(),
        workspace_id: ws,
        interaction_id: rows[i]?.id ?? '',
        position,
        text,
      })),
    );
    await tx.rows.insert(tx.db, 'insight', insights);
    await tx.search.indexInteractions(
      tx.db,
      batch.map(({ data, participantIds }, i) =>
        interactionDocument(ws, rows[i]?.id ?? '', {
          occurredAt: data.occurredAt,
          summary: data.summary,
          notes: data.notes ?? null,
          insights: data.insights ?? [],
          people: participantIds.flatMap((id) => names.get(id) ?? []),
        }),
      ),
    );
    ids.push(...rows.map((r) => r.id));
    options.onProgress?.(ids.length);
    await letOthersRun();
  }
  return ids;
}

/** Asks with their whole history, in multi-row inserts; ids are the asks' own. */
export async function insertAsks(
  tx: StoreContext,
  items: { ask: Ask; personId: string; campaignId: string | null; channel: string | null }[],
  now: string,
): Promise<void> {
  const ws = tx.workspaceId;
  for (const batch of chunk(items, rowsPerInsert(19))) {
    const rows: AskTable[] = [];
    const events: AskEventTable[] = [];
    for (const { ask, personId, campaignId, channel } of batch) {
      rows.push({
        id: ask.id,
        workspace_id: ws,
        person_id: personId,
        campaign_id: campaignId,
        direction: ask.direction,
        question: ask.question,
        purpose: ask.purpose,
        minutes: ask.minutes,
        channel,
        state: ask.state,
        sent_at: ask.sentAt,
        nudged_at: ask.nudgedAt,
        replied_at: ask.repliedAt,
        scheduled_for: ask.scheduledFor,
        met_at: ask.metAt,
        interaction_id: ask.interactionId,
        closed_at: ask.closedAt,
        created_at: ask.history[0]?.at ?? now,
        updated_at: ask.history.at(-1)?.at ?? now,
      });
      ask.history.forEach((e, position) =>
        events.push({
          workspace_id: ws,
          ask_id: ask.id,
          position,
          at: e.at,
          action: e.action,
          from_state: e.from,
          to_state: e.to,
          note: e.note ?? null,
        }),
      );
    }
    await tx.rows.insert(tx.db, 'ask', rows);
    await tx.rows.insert(tx.db, 'ask_event', events);
  }
}

/**
 * Insert many people at once with multi-row inserts — their organizations and tags found or
 * created by name, their contacts, tags, roles and search documents — and return their ids by
 * key. Bulk loads and imports share it; the caller runs it inside its transaction.
 */
export async function insertPeople(
  tx: StoreContext,
  people: readonly { key: string; data: PersonData }[],
  now: string,
  onProgress: (done: number) => void = () => undefined,
): Promise<Map<string, string>> {
  const ws = tx.workspaceId;
  // Organizations and tags first, found or created by name.
  const orgNames = new Map<string, string>();
  for (const p of people) {
    if (p.data.organization) orgNames.set(nameKey(p.data.organization), p.data.organization);
  }
  const orgIds = new Map<string, string>();
  for (const batch of chunk([...orgNames], rowsPerInsert(7))) {
    await tx.db
      .insertInto('organization')
      .values(
        batch.map(([key, name]) => ({
          id: newId(),
          workspace_id: ws,
          name,
          name_key: key,
          domain: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'name_key']).doNothing())
      .execute();
  }
  for (const row of await tx.db
    .selectFrom('organization')
    .select(['id', 'name_key'])
    .where('workspace_id', '=', ws)
    .execute()) {
    orgIds.set(row.name_key, row.id);
  }
  const tagNames = [...new Set(people.flatMap((p) => p.data.tags))];
  for (const batch of chunk(tagNames, rowsPerInsert(3))) {
    await tx.db
      .insertInto('tag')
      .values(batch.map((name) => ({ id: newId(), workspace_id: ws, name })))
      .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
      .execute();
  }
  const tagIds = new Map(
    (
      await tx.db.selectFrom('tag').select(['id', 'name']).where('workspace_id', '=', ws).execute()
    ).map((t) => [t.name, t.id]),
  );

  // People, with their lists.
  const personIds = new Map<string, string>();
  let done = 0;
  const dated: string[] = [];
  for (const batch of chunk(people, rowsPerInsert(21))) {
    // The dates column is named only when someone in the batch has dates: every row of a
    // multi-row insert names the same columns, and people are written alike at any schema.
    const withDates = batch.some(({ data }) => data.dates.length > 0);
    const rows = batch.map(({ key, data }) => {
      const id = newId();
      personIds.set(key, id);
      if (data.dates.length) dated.push(id);
      return {
        id,
        workspace_id: ws,
        ...personColumns(
          data,
          data.organization ? (orgIds.get(nameKey(data.organization)) ?? null) : null,
        ),
        ...(withDates ? { dates: data.dates.length ? JSON.stringify(data.dates) : null } : {}),
        created_at: now,
        updated_at: now,
        archived_at: null,
      };
    });
    await tx.rows.insert(tx.db, 'person', rows);
    const contacts: PersonContactTable[] = [];
    const tags: PersonTagTable[] = [];
    const roles: PersonRoleTable[] = [];
    for (const { key, data } of batch) {
      const person_id = personIds.get(key) ?? '';
      const add = (kind: PersonContactTable['kind'], values: string[]) =>
        values.forEach((value, position) =>
          contacts.push({ workspace_id: ws, person_id, kind, position, value }),
        );
      add('email', data.emails);
      add('phone', data.phones);
      add('link', data.links);
      add('handle', data.handles);
      for (const t of data.tags)
        tags.push({ workspace_id: ws, person_id, tag_id: tagIds.get(t) ?? '' });
      for (const role of data.roles) roles.push({ workspace_id: ws, person_id, role });
    }
    await tx.rows.insert(tx.db, 'person_contact', contacts);
    await tx.rows.insert(tx.db, 'person_tag', tags);
    await tx.rows.insert(tx.db, 'person_role', roles);
    await tx.search.indexPeople(
      tx.db,
      batch.map(({ key, data }) => personDocument(ws, personIds.get(key) ?? '', data)),
    );
    done += batch.length;
    onProgress(done);
    await letOthersRun();
  }
  if (dated.length) await refreshDateIndex(tx, dated);
  return personIds;
}
