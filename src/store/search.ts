// Search everywhere: people and interactions through the dialect's full-text index, then
// each hit explained (which insight matched, an excerpt around the match).
import { parseOrThrow } from '../domain/errors.js';
import {
  searchQuerySchema,
  type InteractionHit,
  type PersonHit,
  type SearchResult,
} from '../domain/search.js';
import { matchesAnyTerm, searchTerms, snippet } from '../domain/text.js';
import type { StoreContext } from './context.js';
import type { SearchHitId } from './dialect/search-index.js';
import { toInteractions } from './interactions.js';
import { rolesOf, tagsOf } from './people.js';
import { searchInteractions, searchPeople } from './search-ranking.js';

export async function search(ctx: StoreContext, query: unknown): Promise<SearchResult> {
  const { q, limit = 20, in: scope = 'all' } = parseOrThrow(searchQuerySchema, query);
  const terms = searchTerms(q);
  if (terms.length === 0) return { query: q, terms, people: [], interactions: [] };

  const [personIds, interactionIds] = await Promise.all([
    scope === 'interactions' ? [] : searchPeople(ctx, terms, limit),
    scope === 'people' ? [] : searchInteractions(ctx, terms, limit),
  ]);
  return {
    query: q,
    terms,
    people: await personHits(ctx, personIds, terms),
    interactions: await interactionHits(ctx, interactionIds, terms),
  };
}

/** Loads just what a person hit shows and explains itself with, in the index's order. */
export async function personHits(
  ctx: StoreContext,
  hits: SearchHitId[],
  terms: string[],
): Promise<PersonHit[]> {
  if (hits.length === 0) return [];
  const ids = hits.map((h) => h.id);
  const [rows, tags, roles] = await Promise.all([
    ctx.db
      .selectFrom('person')
      .leftJoin('organization', 'organization.id', 'person.organization_id')
      .select([
        'person.id',
        'person.display_name',
        'person.title',
        'person.unit',
        'person.location',
        'person.how_we_met',
        'person.notes',
        'person.last_contact_at',
        'organization.name as organization',
      ])
      .where('person.workspace_id', '=', ctx.workspaceId)
      .where('person.id', 'in', ids)
      .execute(),
    tagsOf(ctx, ids),
    rolesOf(ctx, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hits.flatMap(({ id, score }) => {
    const r = byId.get(id);
    if (!r) return [];
    const personTags = tags.get(id) ?? [];
    const personRoles = roles.get(id) ?? [];
    // The first field, in order of weight, that shows why this person matched.
    const why = [
      r.title,
      r.organization,
      r.unit,
      r.location,
      personTags.join(', '),
      personRoles.join(', '),
      r.how_we_met,
      r.notes,
    ].find((t): t is string => !!t && matchesAnyTerm(t, terms));
    return [
      {
        id,
        displayName: r.display_name,
        organization: r.organization,
        title: r.title,
        unit: r.unit,
        tags: personTags,
        roles: personRoles,
        lastContactAt: r.last_contact_at,
        snippet: why ? snippet(why, terms) : null,
        score,
      },
    ];
  });
}

export async function interactionHits(
  ctx: StoreContext,
  hits: SearchHitId[],
  terms: string[],
): Promise<InteractionHit[]> {
  if (hits.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('interaction')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where(
      'id',
      'in',
      hits.map((h) => h.id),
    )
    .execute();
  const byId = new Map((await toInteractions(ctx, rows)).map((i) => [i.id, i]));
  return hits.flatMap(({ id, score }) => {
    const i = byId.get(id);
    if (!i) return [];
    const source = [i.notes, i.summary].find((t): t is string => !!t && matchesAnyTerm(t, terms));
    return [
      {
        id,
        occurredAt: i.occurredAt,
        kind: i.kind,
        summary: i.summary,
        participants: i.participants,
        matchedInsights: i.insights.map((x) => x.text).filter((t) => matchesAnyTerm(t, terms)),
        snippet: source ? snippet(source, terms) : null,
        score,
      },
    ];
  });
}
