// ForceAtlas2 off the main thread: the map stays responsive while a large network settles.
// Receives the nodes' starting positions and the edges, runs the layout in small batches and
// posts the positions after each, so the map moves as it settles.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface LayoutRequest {
  positions: Float32Array;
  sizes: Float32Array;
  edges: Uint32Array;
  weights: Float32Array;
  iterations: number;
}

export interface LayoutProgress {
  positions: Float32Array;
  done: boolean;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { positions, sizes, edges, weights, iterations } = event.data;
  const graph = new Graph({ type: 'undirected' });
  const count = sizes.length;
  for (let i = 0; i < count; i += 1) {
    graph.addNode(i, {
      x: positions[2 * i] ?? 0,
      y: positions[2 * i + 1] ?? 0,
      size: sizes[i] ?? 1,
    });
  }
  for (let e = 0; e < weights.length; e += 1) {
    const a = edges[2 * e] ?? 0;
    const b = edges[2 * e + 1] ?? 0;
    if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b, { weight: weights[e] ?? 1 });
  }
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: count > 500,
    edgeWeightInfluence: 1,
  };
  // Each batch redraws the map: fewer, larger batches for a large one.
  const batch = count > 5000 ? 15 : count > 1000 ? 5 : 20;
  for (let done = 0; done < iterations; done += batch) {
    forceAtlas2.assign(graph, { iterations: batch, settings, getEdgeWeight: 'weight' });
    const out = new Float32Array(count * 2);
    graph.forEachNode((node, attrs) => {
      const i = Number(node);
      out[2 * i] = attrs.x as number;
      out[2 * i + 1] = attrs.y as number;
    });
    const message: LayoutProgress = { positions: out, done: done + batch >= iterations };
    self.postMessage(message, { transfer: [out.buffer] });
  }
};
