// Connectors and bridges, one definition for every screen that shows them (Insights, the
// network map): a connector introduced the user to someone, or is one by the user's word (the
// role); a bridge alone links some people to the rest of the who-knows-whom graph. People in
// the trash are neither.
import {
  connectorsOf,
  findBridges,
  BRIDGES_SHOWN,
  type Bridge,
  type Connector,
} from '../domain/connect/insights.js';
import type { StoreContext } from './context.js';
import type { NetworkGraph } from './ties.js';

export async function connectorsAndBridges(
  ctx: StoreContext,
  graph: NetworkGraph,
): Promise<{ connectors: Connector[]; bridges: Bridge[] }> {
  const ws = ctx.workspaceId;
  const [introducers, byRole] = await Promise.all([
    ctx.db
      .selectFrom('introduction')
      .innerJoin('person', 'person.id', 'introduction.person_a')
      .select((eb) => [
        'introduction.person_a as personId',
        'person.display_name as name',
        eb.fn.countAll<number | string>().as('n'),
      ])
      .where('introduction.workspace_id', '=', ws)
      .where('introduction.kind', '=', 'received')
      .where('person.archived_at', 'is', null)
      .groupBy(['introduction.person_a', 'person.display_name'])
      .execute(),
    ctx.db
      .selectFrom('person_role')
      .innerJoin('person', 'person.id', 'person_role.person_id')
      .select(['person.id as personId', 'person.display_name as name'])
      .where('person_role.workspace_id', '=', ws)
      .where('person_role.role', '=', 'connector')
      .where('person.archived_at', 'is', null)
      .execute(),
  ]);
  const found = findBridges(graph.people, graph.edgeList(), BRIDGES_SHOWN * 2);
  const ids = found.map((b) => graph.ids[b.node] ?? '');
  const live = ids.length
    ? await ctx.db
        .selectFrom('person')
        .select(['id', 'display_name'])
        .where('workspace_id', '=', ws)
        .where('id', 'in', ids)
        .where('archived_at', 'is', null)
        .execute()
    : [];
  const names = new Map(live.map((p) => [p.id, p.display_name]));
  const bridges = found
    .flatMap((b) => {
      const personId = graph.ids[b.node] ?? '';
      const name = names.get(personId);
      return name === undefined ? [] : [{ personId, name, holdsTogether: b.holdsTogether }];
    })
    .slice(0, BRIDGES_SHOWN);
  return {
    connectors: connectorsOf(
      introducers.map((r) => ({ personId: r.personId, name: r.name, introductions: Number(r.n) })),
      byRole,
    ),
    bridges,
  };
}
