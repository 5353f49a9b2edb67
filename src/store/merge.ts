// Duplicates: suggested pairs (domain/merge/duplicates.ts decides how alike two people are),
// pairs the user said are two people, and merging one person into another — every
// interaction, ask, follow-up, introduction and tie moves to the one kept, and both as they
// were before are recorded (person_merge), so nothing the user entered is lost.
import { KithError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { mergedData, tiesAfterMerge, type Candidate } from '../domain/merge/duplicates.js';
import type { MergeSuggestion } from '../domain/merge/schemas.js';
import type { Person } from '../domain/person.js';
import { chunk, inLargeChange, letOthersRun, type StoreContext } from './context.js';
import { reindexInteractions } from './derived.js';
import { interactionIdsOf } from './interactions.js';
import { likelyPairsSoon } from './likely-pairs.js';
import { refreshLastContact } from './derived.js';
import { dataOf, getPerson, updatePerson } from './people.js';
import { bumpTies, orderedPair } from './ties.js';

type SuggestedPerson = MergeSuggestion['people'][number];

/** People are read this many at a time, with a turn for other requests between pages. */
const CANDIDATES_PAGE = 10_000;

type Suggestible = Candidate & { createdAt: string };

/** Everyone who may be suggested (not archived), with their emails and phones. */
async function candidates(ctx: StoreContext, page: number): Promise<Map<string, Suggestible>> {
  const ws = ctx.workspaceId;
  const byId = new Map<string, Suggestible>();
  let after = '';
  for (;;) {
    const rows = await ctx.db
      .selectFrom('person')
      .leftJoin('organization', 'organization.id', 'person.organization_id')
      .select([
        'person.id',
        'person.display_name',
        'person.linkedin_url',
        'person.created_at',
        'organization.name as organization',
      ])
      .where('person.workspace_id', '=', ws)
      .where('person.archived_at', 'is', null)
      .where('person.id', '>', after)
      .orderBy('person.id')
      .limit(page)
      .execute();
    const last = rows.at(-1)?.id;
    if (last === undefined) break;
    for (const r of rows)
      byId.set(r.id, {
        id: r.id,
        name: r.display_name,
        organization: r.organization,
        emails: [],
        phones: [],
        linkedin: r.linkedin_url,
        createdAt: r.created_at,
      });
    // The page's contacts: the same range of ids, in their key's order.
    const contacts = await ctx.db
      .selectFrom('person_contact')
      .select(['person_id', 'kind', 'value'])
      .where('workspace_id', '=', ws)
      .where('person_id', '>', after)
      .where('person_id', '<=', last)
      .where('kind', 'in', ['email', 'phone'])
      .orderBy('person_id')
      .orderBy('kind')
      .orderBy('position')
      .execute();
    for (const c of contacts) {
      const p = byId.get(c.person_id);
      if (p) (c.kind === 'email' ? p.emails : p.phones).push(c.value);
    }
    if (rows.length < page) break;
    after = last;
    await letOthersRun();
  }
  return byId;
}

/**
 * Pairs that may be one person, most likely first, leaving out pairs the user dismissed. On a
 * large workspace the people are read a page at a time and compared on a thread of their own
 * (likely-pairs.ts): the server's thread is never held for long.
 */
export async function mergeSuggestions(
  ctx: StoreContext,
  limit = 50,
  options: { threadMinPeople?: number; page?: number } = {},
): Promise<MergeSuggestion[]> {
  const byId = await candidates(ctx, options.page ?? CANDIDATES_PAGE);
  const dismissed = await ctx.db
    .selectFrom('merge_dismissal')
    .select(['person_a', 'person_b'])
    .where('workspace_id', '=', ctx.workspaceId)
    .execute();
  const top = await likelyPairsSoon(
    {
      people: [...byId.values()],
      dismissed: dismissed.map((d): [string, string] => [d.person_a, d.person_b]),
      limit,
    },
    { minPeople: options.threadMinPeople },
  );
  const ids = [...new Set(top.flatMap((f) => [f.a, f.b]))];
  const counts = new Map<string, number>();
  for (const part of chunk(ids, 5000)) {
    const rows = await ctx.db
      .selectFrom('interaction_participant')
      .select((eb) => ['person_id', eb.fn.countAll<number>().as('n')])
      .where('person_id', 'in', part)
      .groupBy('person_id')
      .execute();
    for (const r of rows) counts.set(r.person_id, Number(r.n));
  }
  const summary = (id: string): SuggestedPerson => {
    const p = byId.get(id);
    return {
      id,
      displayName: p?.name ?? '',
      organization: p?.organization ?? null,
      emails: p?.emails ?? [],
      interactions: counts.get(id) ?? 0,
      createdAt: p?.createdAt ?? '',
    };
  };
  return top.map((f) => ({
    score: f.score,
    reasons: f.reasons,
    people: [summary(f.a), summary(f.b)],
  }));
}

/** "These are two people": the pair is not suggested again. */
export async function dismissSuggestion(ctx: StoreContext, a: string, b: string): Promise<void> {
  const [x, y] = orderedPair(a, b);
  if (x === y) throw new KithError('invalid_input', 'otherId: the same person twice', 'otherId');
  await getPerson(ctx, x);
  await getPerson(ctx, y);
  await ctx.db
    .insertInto('merge_dismissal')
    .values({
      workspace_id: ctx.workspaceId,
      person_a: x,
      person_b: y,
      created_at: ctx.now().toISOString(),
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'person_a', 'person_b']).doNothing())
    .execute();
}

/**
 * Merge `otherId` into `keepId`: one transaction. The kept person's values win, the other's
 * fill the gaps (domain mergedData); everything that pointed at the other points at the kept
 * one; the other is deleted, both as they were kept in person_merge.
 */
export async function mergePeople(
  ctx: StoreContext,
  keepId: string,
  otherId: string,
): Promise<Person> {
  return inLargeChange(ctx, async (tx) => {
    const keep = await getPerson(tx, keepId);
    const other = await getPerson(tx, otherId);
    if (keep.id === other.id)
      throw new KithError(
        'invalid_input',
        'otherId: a person cannot be merged into themselves',
        'otherId',
      );
    const ws = tx.workspaceId;
    const now = tx.now().toISOString();
    await tx.db
      .insertInto('person_merge')
      .values({
        id: newId(),
        workspace_id: ws,
        kept_id: keep.id,
        merged_id: other.id,
        kept_before: JSON.stringify(keep),
        merged_before: JSON.stringify(other),
        created_at: now,
      })
      .execute();

    // Interactions: the other's become the kept one's (once, if both were in it).
    const theirs = await interactionIdsOf(tx, [other.id]);
    const both = await tx.db
      .selectFrom('interaction_participant')
      .select('interaction_id')
      .where('person_id', '=', keep.id)
      .where(
        'interaction_id',
        'in',
        tx.db
          .selectFrom('interaction_participant')
          .select('interaction_id')
          .where('person_id', '=', other.id),
      )
      .execute();
    for (const part of chunk(
      both.map((b) => b.interaction_id),
      5000,
    ))
      await tx.db
        .deleteFrom('interaction_participant')
        .where('person_id', '=', other.id)
        .where('interaction_id', 'in', part)
        .execute();
    await tx.db
      .updateTable('interaction_participant')
      .set({ person_id: keep.id })
      .where('person_id', '=', other.id)
      .execute();
    // Found by the kept person's name now, not the other's.
    await reindexInteractions(tx, theirs);
    await tx.db
      .updateTable('ask')
      .set({ person_id: keep.id })
      .where('person_id', '=', other.id)
      .execute();
    await tx.db
      .updateTable('task')
      .set({ person_id: keep.id })
      .where('person_id', '=', other.id)
      .execute();
    await tx.db
      .updateTable('introduction')
      .set({ person_a: keep.id })
      .where('person_a', '=', other.id)
      .execute();
    await tx.db
      .updateTable('introduction')
      .set({ person_b: keep.id })
      .where('person_b', '=', other.id)
      .execute();

    // Ties: the other's become the kept one's; a tie both had keeps the stronger; a tie
    // between the two themselves is gone.
    const edges = await tx.db
      .selectFrom('knows')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where((eb) =>
        eb.or([
          eb('person_a', 'in', [keep.id, other.id]),
          eb('person_b', 'in', [keep.id, other.id]),
        ]),
      )
      .execute();
    const plan = tiesAfterMerge(
      edges.map((e) => ({ id: e.id, a: e.person_a, b: e.person_b, strength: e.strength })),
      keep.id,
      other.id,
    );
    for (const part of chunk(plan.remove, 5000))
      await tx.db.deleteFrom('knows').where('id', 'in', part).execute();
    for (const e of plan.move) {
      const [a, b] = orderedPair(e.a, e.b);
      await tx.db
        .updateTable('knows')
        .set({ person_a: a, person_b: b, updated_at: now })
        .where('id', '=', e.id)
        .execute();
    }

    // Import memory: what exports said of the other now speaks for the kept one, unless it
    // has its own; the other's run records are dropped (undoing those runs would touch the
    // kept person, who has changed since anyway).
    const sources = await tx.db
      .selectFrom('import_source')
      .select('format')
      .where('person_id', '=', keep.id)
      .execute();
    await tx.db
      .deleteFrom('import_source')
      .where('person_id', '=', other.id)
      .where('format', 'in', sources.length ? sources.map((s) => s.format) : ['-'])
      .execute();
    await tx.db
      .updateTable('import_source')
      .set({ person_id: keep.id })
      .where('person_id', '=', other.id)
      .execute();
    await tx.db.deleteFrom('import_change').where('person_id', '=', other.id).execute();
    await tx.db
      .deleteFrom('merge_dismissal')
      .where('workspace_id', '=', ws)
      .where((eb) => eb.or([eb('person_a', '=', other.id), eb('person_b', '=', other.id)]))
      .execute();

    // A photo: the kept one's, else the other's.
    const keptPhoto = await tx.db
      .selectFrom('person_photo')
      .select('person_id')
      .where('person_id', '=', keep.id)
      .executeTakeFirst();
    if (!keptPhoto)
      await tx.db
        .updateTable('person_photo')
        .set({ person_id: keep.id })
        .where('person_id', '=', other.id)
        .execute();
    // The cards the other was known by are the kept one's now.
    await tx.db
      .updateTable('person_key')
      .set({ person_id: keep.id })
      .where('workspace_id', '=', tx.workspaceId)
      .where('person_id', '=', other.id)
      .execute();
    await tx.search.removePeople(tx.db, [other.id]);
    await tx.db.deleteFrom('person').where('id', '=', other.id).execute();
    await updatePerson(tx, keep.id, mergedData(dataOf(keep), dataOf(other)));
    await refreshLastContact(tx, [keep.id]);
    await bumpTies(tx);
    return getPerson(tx, keep.id);
  });
}
