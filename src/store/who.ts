// "Who can help with X": the full-text index finds the people whose expertise, title, notes
// or shared insights match; people the user knows well are answered directly, ranked by
// match and tie; the others are reached through connectors, along the warmest paths of the
// network graph, each spelled out and ready to become an introduction request.
import { parseOrThrow } from '../domain/errors.js';
import {
  KNOWN_WELL,
  describeMatch,
  introductionQuestion,
  rankExperts,
  type Expert,
} from '../domain/connect/who.js';
import { whoQuerySchema, type WhoResult } from '../domain/connect/schemas.js';
import { relationshipStrength, type Strength } from '../domain/connect/strength.js';
import { describePath, warmPaths } from '../domain/connect/warm-paths.js';
import type { InteractionKind } from '../domain/interaction.js';
import { searchTerms, snippet } from '../domain/text.js';
import { chunk, type StoreContext } from './context.js';
import { tiesAlong } from './knows.js';
import { interactionHits, personHits } from './search.js';
import { searchInteractions, searchPeople } from './search-ranking.js';
import { namesOf } from './people.js';
import { askedCounts, givenCounts, networkGraph, orderedPair } from './ties.js';

/** How many of the index's best matches are weighed (people, then interactions). */
const PEOPLE_CONSIDERED = 300;
const INTERACTIONS_CONSIDERED = 100;
const DIRECT_ANSWERS = 5;

interface Candidate {
  id: string;
  rank: number;
  matched: string;
}

export async function whoCanHelp(ctx: StoreContext, query: unknown): Promise<WhoResult> {
  const { q, k = 3 } = parseOrThrow(whoQuerySchema, query);
  const terms = searchTerms(q);
  if (terms.length === 0) return { query: q, direct: [], paths: [], teammates: [] };
  const now = ctx.now();
  const [graph, people, interactions] = await Promise.all([
    networkGraph(ctx, now),
    searchPeople(ctx, terms, PEOPLE_CONSIDERED).then((hits) => personHits(ctx, hits, terms)),
    searchInteractions(ctx, terms, INTERACTIONS_CONSIDERED).then((hits) =>
      interactionHits(ctx, hits, terms),
    ),
  ]);

  // People in the order the index ranks them; then people who shared a matching insight.
  const candidates = new Map<string, Candidate>();
  for (const hit of people) {
    candidates.set(hit.id, {
      id: hit.id,
      rank: candidates.size,
      matched: describeMatch(hit, terms),
    });
  }
  for (const hit of interactions) {
    const insight = hit.matchedInsights[0];
    if (!insight) continue;
    for (const p of hit.participants) {
      if (candidates.has(p.id)) continue;
      candidates.set(p.id, {
        id: p.id,
        rank: candidates.size,
        matched: `told you “${snippet(insight, terms)}”`,
      });
    }
  }
  const all = [...candidates.values()].filter((c) => graph.index.has(c.id));
  // Everyone you have spoken with who matches is a direct answer (weak ties ranked lower and
  // said so); those not known well are also reached through connectors, a warmer way in.
  const known = all.filter((c) => graph.myTie(c.id) > 0);
  const others = all.filter((c) => graph.myTie(c.id) < KNOWN_WELL);

  const [strengths, names] = await Promise.all([
    strengthsOf(
      ctx,
      known.map((c) => c.id),
      now.toISOString(),
    ),
    namesOf(
      ctx,
      all.map((c) => c.id),
    ),
  ]);
  const experts: Expert[] = known.flatMap((c) => {
    const strength = strengths.get(c.id);
    return strength
      ? [{ id: c.id, name: names.get(c.id) ?? '', rank: c.rank, matched: c.matched, strength }]
      : [];
  });
  const direct = rankExperts(experts, DIRECT_ANSWERS);

  const found = warmPaths(
    graph.asTieGraph(),
    others.map((c) => c.id),
    { k, minFirstTie: KNOWN_WELL },
  );
  const onPaths = [...new Set(found.flatMap((p) => p.people))].filter((id) => !names.has(id));
  for (const [id, name] of await namesOf(ctx, onPaths)) names.set(id, name);
  const pairs = found.flatMap((p) =>
    p.people.slice(1).map((to, i): [string, string] => [p.people[i] ?? '', to]),
  );
  const contexts = await tiesAlong(ctx, pairs);
  const name = (id: string) => names.get(id) ?? 'someone';
  const paths = found.map((path) => {
    const target = path.people[path.people.length - 1] ?? '';
    const matched = candidates.get(target)?.matched ?? '';
    const links = path.people.slice(1).map((to, i) => {
      const from = path.people[i] ?? '';
      const key = orderedPair(from, to).join('\u0000');
      const recorded = contexts.has(key);
      return {
        from,
        to,
        context: recorded ? (contexts.get(key) ?? null) : 'same small team (inferred)',
        inferred: !recorded,
      };
    });
    const spelled = links
      .map((l) => `${name(l.from)} — ${name(l.to)}: ${l.context ?? 'they know each other'}`)
      .join('; ');
    const connectors = path.people.slice(0, -1);
    return {
      people: path.people.map((id) => ({ id, name: name(id) })),
      strength: path.strength,
      matched,
      explanation: `${describePath(path, name)}, who ${matched} (${spelled})`,
      links,
      ask: {
        personId: connectors[0] ?? target,
        purpose: 'intro' as const,
        question: introductionQuestion(connectors.map(name), name(target), q),
      },
    };
  });
  // Teammates' answers are the door's to add: they depend on who asks, not on the workspace.
  // Someone who matches, never spoken with and reached by no path, is still an answer: never
  // "no one matches" when someone does.
  const reached = new Set([...direct.map((d) => d.personId), ...found.map((p) => p.people.at(-1))]);
  const unreached = all.filter((c) => !reached.has(c.id) && graph.myTie(c.id) === 0);
  if (unreached.length > 0 && direct.length < DIRECT_ANSWERS) {
    const none: Strength = { score: 0, label: 'none', explanation: 'no interactions yet' };
    direct.push(
      ...rankExperts(
        unreached.map((c) => ({
          id: c.id,
          name: names.get(c.id) ?? '',
          rank: c.rank,
          matched: c.matched,
          strength: none,
        })),
        DIRECT_ANSWERS - direct.length,
      ),
    );
  }
  return { query: q, direct, paths, teammates: [] };
}

/** The user's tie to each of these people, explained (relationshipStrength over their chats). */
export async function strengthsOf(
  ctx: StoreContext,
  ids: string[],
  now: string,
): Promise<Map<string, Strength>> {
  const strengths = new Map<string, Strength>();
  for (const part of chunk(ids, 500)) {
    const [touches, asked, given] = await Promise.all([
      ctx.db
        .selectFrom('interaction_participant as p')
        .innerJoin('interaction as i', 'i.id', 'p.interaction_id')
        .select(['p.person_id', 'i.occurred_at', 'i.kind'])
        .where('p.workspace_id', '=', ctx.workspaceId)
        .where('p.person_id', 'in', part)
        .execute(),
      askedCounts(ctx, part),
      givenCounts(ctx, part),
    ]);
    const byPerson = new Map<string, { occurredAt: string; kind: InteractionKind }[]>();
    for (const t of touches) {
      const list = byPerson.get(t.person_id) ?? [];
      list.push({ occurredAt: t.occurred_at, kind: t.kind as InteractionKind });
      byPerson.set(t.person_id, list);
    }
    for (const id of part) {
      strengths.set(
        id,
        relationshipStrength(
          { interactions: byPerson.get(id) ?? [], asked: asked.get(id), given: given.get(id) },
          now,
        ),
      );
    }
  }
  return strengths;
}
