// The network map's data: the people the user is closest to (up to a limit the browser can
// draw smoothly), the recorded ties among them, and who among them are connectors and bridges
// (vantage.ts: the same people Insights names).
import type { NetworkMap } from '../domain/connect/schemas.js';
import { chunk, type StoreContext } from './context.js';
import { networkGraph, recordedTies } from './ties.js';
import { connectorsAndBridges } from './vantage.js';

const DEFAULT_LIMIT = 2000;

export async function networkMap(ctx: StoreContext, limit = DEFAULT_LIMIT): Promise<NetworkMap> {
  const graph = await networkGraph(ctx, ctx.now());
  const order = graph.ids
    .map((_, i) => i)
    .sort((a, b) => (graph.mine[b] ?? 0) - (graph.mine[a] ?? 0) || a - b)
    .slice(0, limit);
  const position = new Map(order.map((i, p) => [i, p]));
  const edges: NetworkMap['edges'] = [];
  order.forEach((i, p) => {
    for (const n of recordedTies(graph, i)) {
      const q = position.get(n.index);
      if (q !== undefined && q > p) edges.push([p, q, Math.round(n.strength * 100) / 100]);
    }
  });
  const vantage = await connectorsAndBridges(ctx, graph);
  const connectors = new Set(vantage.connectors.map((c) => c.personId));
  const bridges = new Set(vantage.bridges.map((b) => b.personId));
  const ids = order.map((i) => graph.ids[i] ?? '');
  const details = new Map<string, { name: string; organization: string | null }>();
  for (const part of chunk(ids, 5000)) {
    const rows = await ctx.db
      .selectFrom('person')
      .leftJoin('organization', 'organization.id', 'person.organization_id')
      .select(['person.id', 'person.display_name', 'organization.name as organization'])
      .where('person.workspace_id', '=', ctx.workspaceId)
      .where('person.id', 'in', part)
      .execute();
    for (const r of rows) details.set(r.id, { name: r.display_name, organization: r.organization });
  }
  return {
    total: graph.people,
    nodes: order.map((i) => {
      const id = graph.ids[i] ?? '';
      const d = details.get(id);
      return {
        id,
        name: d?.name ?? '',
        organization: d?.organization ?? null,
        tie: Math.round((graph.mine[i] ?? 0) * 1000) / 1000,
        connector: connectors.has(id),
        bridge: bridges.has(id),
      };
    }),
    edges,
  };
}
