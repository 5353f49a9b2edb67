// Search everywhere: people and interactions through the dialect's full-text index, then
// each hit explained (which insight matched, an excerpt around the match).
import { parseOrThrow } from '../domain/errors.js';
import { searchQuerySchema, type SearchResult } from '../domain/search.js';
import { matchesAllTerms, matchesAnyTerm, searchTerms, snippet } from '../domain/text.js';
import type { StoreContext } from './context.js';
import { toInteractions } from './interactions.js';
import { getPeople } from './people.js';

export async function search(ctx: StoreContext, query: unknown): Promise<SearchResult> {
  const { q, limit = 20, in: scope = 'all' } = parseOrThrow(searchQuerySchema, query);
  const terms = searchTerms(q);
  if (terms.length === 0) return { query: q, terms, people: [], interactions: [] };

  const [personIds, interactionIds] = await Promise.all([
    scope === 'interactions' ? [] : ctx.search.searchPeople(ctx.db, ctx.workspaceId, terms, limit),
    scope === 'people' ? [] : ctx.search.searchInteractions(ctx.db, ctx.workspaceId, terms, limit),
  ]);

  const people = await getPeople(
    ctx,
    personIds.map((h) => h.id),
  );
  const personScore = new Map(personIds.map((h) => [h.id, h.score]));
  const rows = interactionIds.length
    ? await ctx.db
        .selectFrom('interaction')
        .selectAll()
        .where(
          'id',
          'in',
          interactionIds.map((h) => h.id),
        )
        .execute()
    : [];
  const interactions = await toInteractions(ctx, rows);
  const byId = new Map(interactions.map((i) => [i.id, i]));

  return {
    query: q,
    terms,
    people: people.map((p) => {
      const explainers = [
        p.title,
        p.organization?.name,
        p.unit,
        p.location,
        p.tags.join(', '),
        p.roles.join(', '),
        p.howWeMet,
        p.notes,
      ];
      const why = explainers.find((t): t is string => !!t && matchesAnyTerm(t, terms));
      return {
        id: p.id,
        displayName: p.displayName,
        organization: p.organization?.name ?? null,
        title: p.title,
        tags: p.tags,
        snippet: why ? snippet(why, terms) : null,
        score: personScore.get(p.id) ?? 0,
      };
    }),
    interactions: interactionIds.flatMap((hit) => {
      const i = byId.get(hit.id);
      if (!i) return [];
      const matchedInsights = i.insights.map((x) => x.text).filter((t) => matchesAnyTerm(t, terms));
      const source = [i.notes, i.summary].find(
        (t): t is string => !!t && (matchesAllTerms(t, terms) || matchesAnyTerm(t, terms)),
      );
      return [
        {
          id: i.id,
          occurredAt: i.occurredAt,
          kind: i.kind,
          summary: i.summary,
          participants: i.participants,
          matchedInsights,
          snippet: source ? snippet(source, terms) : null,
          score: hit.score,
        },
      ];
    }),
  };
}
