// Who knows whom: edges between two people with a context and a strength, entered by hand or
// recorded by an introduction; and colleagues of a small team, suggested as weak ties and
// marked as inferred (they are never stored: they follow the people's organization and unit).
import { KithError, notFound, parseOrThrow } from '../domain/errors.js';
import { isId, newId } from '../domain/ids.js';
import {
  INFERRED_STRENGTH,
  MAX_INFERRED_TEAM,
  TIE_STRENGTHS,
  knowsCreateSchema,
  type Knows,
} from '../domain/connect/schemas.js';
import { inTransaction, type StoreContext } from './context.js';
import { requirePerson } from './people.js';
import { bumpTies, orderedPair } from './ties.js';

function selectKnows(ctx: StoreContext) {
  return ctx.db
    .selectFrom('knows')
    .innerJoin('person as a', 'a.id', 'knows.person_a')
    .innerJoin('person as b', 'b.id', 'knows.person_b')
    .selectAll('knows')
    .select(['a.display_name as a_name', 'b.display_name as b_name'])
    .where('knows.workspace_id', '=', ctx.workspaceId);
}

type KnowsRow = Awaited<ReturnType<ReturnType<typeof selectKnows>['execute']>>[number];

const toKnows = (r: KnowsRow): Knows => ({
  id: r.id,
  personA: r.person_a,
  personB: r.person_b,
  personAName: r.a_name,
  personBName: r.b_name,
  context: r.context,
  strength: Number(r.strength),
  source: r.source,
  introductionId: r.introduction_id,
  inferred: false,
});

/**
 * Record that two people know each other, or change what is known about the pair (one edge
 * per pair, whichever order they are given in). Strength: strong, good (default) or weak.
 */
export async function recordKnows(
  ctx: StoreContext,
  input: unknown,
  origin: { source?: 'manual' | 'introduction'; introductionId?: string } = {},
): Promise<Knows> {
  const data = parseOrThrow(knowsCreateSchema, input);
  if (data.personA === data.personB) {
    throw new KithError('invalid_input', 'personB: pick two different people', 'personB');
  }
  return inTransaction(ctx, async (tx) => {
    await requirePerson(tx, data.personA, 'personA');
    await requirePerson(tx, data.personB, 'personB');
    const [a, b] = orderedPair(data.personA, data.personB);
    const now = tx.now().toISOString();
    const existing = await tx.db
      .selectFrom('knows')
      .select('id')
      .where('workspace_id', '=', tx.workspaceId)
      .where('person_a', '=', a)
      .where('person_b', '=', b)
      .executeTakeFirst();
    if (existing) {
      await tx.db
        .updateTable('knows')
        .set({
          ...(data.context !== undefined ? { context: data.context } : {}),
          ...(data.strength ? { strength: TIE_STRENGTHS[data.strength] } : {}),
          updated_at: now,
        })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await tx.db
        .insertInto('knows')
        .values({
          id: newId(),
          workspace_id: tx.workspaceId,
          person_a: a,
          person_b: b,
          context: data.context ?? null,
          strength: TIE_STRENGTHS[data.strength ?? 'good'],
          source: origin.source ?? 'manual',
          introduction_id: origin.introductionId ?? null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await bumpTies(tx);
    const row = await selectKnows(tx)
      .where('knows.person_a', '=', a)
      .where('knows.person_b', '=', b)
      .executeTakeFirstOrThrow();
    return toKnows(row);
  });
}

export async function forgetKnows(ctx: StoreContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const gone = isId(id)
      ? await tx.db
          .deleteFrom('knows')
          .where('workspace_id', '=', tx.workspaceId)
          .where('id', '=', id)
          .executeTakeFirst()
      : undefined;
    if (!gone || Number(gone.numDeletedRows) === 0) throw notFound('tie', id);
    await bumpTies(tx);
  });
}

/**
 * Everyone a person is known to know: recorded edges first (strongest first), then colleagues
 * of their unit when the team is small enough for that to be likely, marked as inferred.
 */
export async function knowsOf(ctx: StoreContext, personId: string): Promise<Knows[]> {
  const person = await ctx.db
    .selectFrom('person')
    .leftJoin('organization', 'organization.id', 'person.organization_id')
    .select([
      'person.id',
      'person.display_name',
      'person.organization_id',
      'person.unit',
      'organization.name as organization',
    ])
    .where('person.workspace_id', '=', ctx.workspaceId)
    .where('person.id', '=', personId)
    .executeTakeFirst();
  if (!person) throw notFound('person', personId);
  const recorded = (
    await selectKnows(ctx)
      .where((eb) =>
        eb.or([eb('knows.person_a', '=', personId), eb('knows.person_b', '=', personId)]),
      )
      .where('a.archived_at', 'is', null)
      .where('b.archived_at', 'is', null)
      .orderBy('knows.strength', 'desc')
      .orderBy('knows.id')
      .execute()
  ).map(toKnows);
  if (!person.organization_id || !person.unit) return recorded;
  const team = await ctx.db
    .selectFrom('person')
    .select(['id', 'display_name'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('organization_id', '=', person.organization_id)
    .where('unit', '=', person.unit)
    .where('archived_at', 'is', null)
    .orderBy('name_key')
    .limit(MAX_INFERRED_TEAM + 1)
    .execute();
  if (team.length > MAX_INFERRED_TEAM) return recorded;
  const known = new Set(recorded.flatMap((k) => [k.personA, k.personB]));
  const inferred = team
    .filter((p) => p.id !== personId && !known.has(p.id))
    .map((p) => ({
      id: `inferred:${p.id}`,
      personA: personId,
      personB: p.id,
      personAName: person.display_name,
      personBName: p.display_name,
      context: `same unit (${person.unit ?? ''}) at ${person.organization ?? 'the same organization'}`,
      strength: INFERRED_STRENGTH,
      source: 'inferred' as const,
      introductionId: null,
      inferred: true,
    }));
  return [...recorded, ...inferred];
}

/** The recorded ties between consecutive people of a path, to spell it out. */
export async function tiesAlong(
  ctx: StoreContext,
  pairs: [string, string][],
): Promise<Map<string, string | null>> {
  const contexts = new Map<string, string | null>();
  const ordered = pairs.map(([x, y]) => orderedPair(x, y));
  if (ordered.length === 0) return contexts;
  const rows = await ctx.db
    .selectFrom('knows')
    .select(['person_a', 'person_b', 'context'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where((eb) =>
      eb.or(ordered.map(([a, b]) => eb.and([eb('person_a', '=', a), eb('person_b', '=', b)]))),
    )
    .execute();
  for (const r of rows) contexts.set(`${r.person_a}\u0000${r.person_b}`, r.context);
  return contexts;
}
