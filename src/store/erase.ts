// Erasing people for good, for someone who asks to be forgotten: every row that holds their
// data goes, in every table — their person row and lists, photo, imported originals, the
// before/after records of imports and merges that name them, their asks and tasks, the ties
// and introductions they are part of, the chats only they were in (with those chats' insights
// and search entries), and their words in the search indexes. A chat they shared with others
// stays the others' record, without them in it. An organization or a tag that only they used
// goes too. The trash can be emptied this way at once.
import { parseOrThrow } from '../domain/errors.js';
import { eraseRequestSchema, chatsToErase, type Erased } from '../domain/erase.js';
import { chunk, groupBy, inTransaction, type StoreContext } from './context.js';
import { reindexInteractions } from './derived.js';
import { interactionIdsOf } from './interactions.js';
import { getPerson } from './people.js';
import { bumpTies } from './ties.js';

/** Erase one person, after the caller confirmed it. */
export async function erasePerson(ctx: StoreContext, id: string, input: unknown): Promise<Erased> {
  parseOrThrow(eraseRequestSchema, input);
  return inTransaction(ctx, async (tx) => erase(tx, [(await getPerson(tx, id)).id]));
}

/** Erase everyone in the trash, after the caller confirmed it. */
export async function emptyTrash(ctx: StoreContext, input: unknown): Promise<Erased> {
  parseOrThrow(eraseRequestSchema, input);
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .selectFrom('person')
      .select('id')
      .where('workspace_id', '=', tx.workspaceId)
      .where('archived_at', 'is not', null)
      .execute();
    return erase(
      tx,
      rows.map((r) => r.id),
    );
  });
}

async function erase(tx: StoreContext, ids: string[]): Promise<Erased> {
  if (ids.length === 0) return { people: 0, chats: 0, sharedChats: 0, asks: 0 };
  const before = await usedByThem(tx, ids);
  const chats = await eraseChats(tx, ids);
  const asks = await eraseAsks(tx, ids);
  await eraseTiesAndRecords(tx, ids);
  await tx.search.removePeople(tx.db, ids);
  for (const part of chunk(ids, 500))
    await tx.db
      .deleteFrom('person')
      .where('workspace_id', '=', tx.workspaceId)
      .where('id', 'in', part)
      .execute();
  await eraseWhatOnlyTheyUsed(tx, before);
  // Nothing of theirs may stay readable in the index's files either.
  await tx.search.purge(tx.db);
  await bumpTies(tx);
  return { people: ids.length, chats: chats.erased, sharedChats: chats.shared, asks };
}

/** The chats only they were in go whole; they leave the others, which are indexed again. */
async function eraseChats(
  tx: StoreContext,
  ids: string[],
): Promise<{ erased: number; shared: number }> {
  const chatIds = await interactionIdsOf(tx, ids);
  const participants = [];
  for (const part of chunk(chatIds, 500))
    participants.push(
      ...(await tx.db
        .selectFrom('interaction_participant')
        .select(['interaction_id', 'person_id'])
        .where('workspace_id', '=', tx.workspaceId)
        .where('interaction_id', 'in', part)
        .execute()),
    );
  const { erased, shared } = chatsToErase(
    groupBy(
      participants,
      (p) => p.interaction_id,
      (p) => p.person_id,
    ),
    new Set(ids),
  );
  await forgetImportedRecords(tx, 'interaction', erased);
  await tx.search.removeInteractions(tx.db, erased);
  for (const part of chunk(erased, 500)) {
    // Insights and participants go with their chat (ON DELETE CASCADE); tasks and asks that
    // pointed at it keep going without it (SET NULL).
    await tx.db
      .deleteFrom('interaction')
      .where('workspace_id', '=', tx.workspaceId)
      .where('id', 'in', part)
      .execute();
  }
  for (const part of chunk(ids, 500))
    await tx.db
      .deleteFrom('interaction_participant')
      .where('workspace_id', '=', tx.workspaceId)
      .where('person_id', 'in', part)
      .execute();
  // Their name is no longer a word that finds the chats they left.
  await reindexInteractions(tx, shared);
  return { erased: erased.length, shared: shared.length };
}

/** Their asks, the asks' histories and the tasks about them or their asks. */
async function eraseAsks(tx: StoreContext, ids: string[]): Promise<number> {
  const asks: string[] = [];
  for (const part of chunk(ids, 500))
    for (const r of await tx.db
      .selectFrom('ask')
      .select('id')
      .where('workspace_id', '=', tx.workspaceId)
      .where('person_id', 'in', part)
      .execute())
      asks.push(r.id);
  await forgetImportedRecords(tx, 'ask', asks);
  for (const part of chunk(asks, 500)) {
    await tx.db.deleteFrom('task').where('ask_id', 'in', part).execute();
    await tx.db.deleteFrom('ask').where('id', 'in', part).execute();
  }
  for (const part of chunk(ids, 500))
    await tx.db
      .deleteFrom('task')
      .where('workspace_id', '=', tx.workspaceId)
      .where('person_id', 'in', part)
      .execute();
  return asks.length;
}

/** What an import remembers of chats or asks that are going: the keys and the before-copies. */
async function forgetImportedRecords(
  tx: StoreContext,
  kind: 'interaction' | 'ask',
  targets: string[],
): Promise<void> {
  for (const part of chunk(targets, 500)) {
    await tx.db
      .deleteFrom('import_item')
      .where('workspace_id', '=', tx.workspaceId)
      .where('target_kind', '=', kind)
      .where('target_id', 'in', part)
      .execute();
    await tx.db
      .deleteFrom('import_activity_change')
      .where('target_kind', '=', kind)
      .where('target_id', 'in', part)
      .where('run_id', 'in', (eb) =>
        eb.selectFrom('import_run').select('id').where('workspace_id', '=', tx.workspaceId),
      )
      .execute();
  }
}

/** Ties, introductions, merge records, import records and originals, lists and photo. */
async function eraseTiesAndRecords(tx: StoreContext, ids: string[]): Promise<void> {
  const ws = tx.workspaceId;
  for (const part of chunk(ids, 250)) {
    await tx.db
      .deleteFrom('knows')
      .where('workspace_id', '=', ws)
      .where((eb) => eb.or([eb('person_a', 'in', part), eb('person_b', 'in', part)]))
      .execute();
    await tx.db
      .deleteFrom('introduction')
      .where('workspace_id', '=', ws)
      .where((eb) => eb.or([eb('person_a', 'in', part), eb('person_b', 'in', part)]))
      .execute();
    await tx.db
      .deleteFrom('merge_dismissal')
      .where('workspace_id', '=', ws)
      .where((eb) => eb.or([eb('person_a', 'in', part), eb('person_b', 'in', part)]))
      .execute();
    await tx.db
      .deleteFrom('person_merge')
      .where('workspace_id', '=', ws)
      .where((eb) => eb.or([eb('kept_id', 'in', part), eb('merged_id', 'in', part)]))
      .execute();
    await tx.db
      .deleteFrom('import_change')
      .where('person_id', 'in', part)
      .where('run_id', 'in', (eb) =>
        eb.selectFrom('import_run').select('id').where('workspace_id', '=', ws),
      )
      .execute();
    for (const table of [
      'import_source',
      'person_key',
      'person_photo',
      'person_contact',
      'person_tag',
      'person_role',
    ] as const)
      await tx.db
        .deleteFrom(table)
        .where('workspace_id', '=', ws)
        .where('person_id', 'in', part)
        .execute();
  }
}

interface UsedByThem {
  organizations: string[];
  tags: string[];
}

async function usedByThem(tx: StoreContext, ids: string[]): Promise<UsedByThem> {
  const organizations = new Set<string>();
  const tags = new Set<string>();
  for (const part of chunk(ids, 500)) {
    for (const r of await tx.db
      .selectFrom('person')
      .select('organization_id')
      .where('workspace_id', '=', tx.workspaceId)
      .where('id', 'in', part)
      .where('organization_id', 'is not', null)
      .execute())
      if (r.organization_id) organizations.add(r.organization_id);
    for (const r of await tx.db
      .selectFrom('person_tag')
      .select('tag_id')
      .where('workspace_id', '=', tx.workspaceId)
      .where('person_id', 'in', part)
      .execute())
      tags.add(r.tag_id);
  }
  return { organizations: [...organizations], tags: [...tags] };
}

/** An organization nobody else is at, a tag nobody else has and no campaign follows. */
async function eraseWhatOnlyTheyUsed(tx: StoreContext, used: UsedByThem): Promise<void> {
  for (const part of chunk(used.organizations, 500))
    await tx.db
      .deleteFrom('organization')
      .where('workspace_id', '=', tx.workspaceId)
      .where('id', 'in', part)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('person')
              .select('person.id')
              .whereRef('person.organization_id', '=', 'organization.id'),
          ),
        ),
      )
      .execute();
  for (const part of chunk(used.tags, 500))
    await tx.db
      .deleteFrom('tag')
      .where('workspace_id', '=', tx.workspaceId)
      .where('id', 'in', part)
      .where((eb) =>
        eb.not(
          eb.or([
            eb.exists(
              eb
                .selectFrom('person_tag')
                .select('person_tag.tag_id')
                .whereRef('person_tag.tag_id', '=', 'tag.id'),
            ),
            eb.exists(
              eb
                .selectFrom('campaign_tag')
                .select('campaign_tag.tag_id')
                .whereRef('campaign_tag.tag_id', '=', 'tag.id'),
            ),
          ]),
        ),
      )
      .execute();
}
