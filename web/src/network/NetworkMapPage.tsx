// The network map: you in the middle, the people you are closest to around you, and who
// knows whom among them. Clusters (found with Louvain) get a colour each; connectors and
// bridges can be highlighted. Drawn with sigma.js on WebGL, laid out with ForceAtlas2 in a
// worker so the page stays responsive while it settles, even at 10k people.
import {
  Alert,
  Anchor,
  Badge,
  Card,
  Checkbox,
  Group,
  List,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Title,
  useComputedColorScheme,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import { Link, useLocation } from 'wouter';
import { api, type NetworkMap } from '../api';
import type { LayoutProgress, LayoutRequest } from './layout.worker';
import { placeLabels, type LabelCandidate } from './labels';

const ME = '__me__';
const PALETTE = [
  '#4263eb',
  '#0c8599',
  '#2f9e44',
  '#e8590c',
  '#ae3ec9',
  '#c2255c',
  '#1971c2',
  '#5c940d',
  '#862e9c',
  '#d9480f',
];
const MUTED = '#ced4da';
const ITERATIONS = 120;

/** A position from the id, so the same network starts from the same picture. */
function seeded(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/** Dots smaller than this (on screen, in pixels) are named only when hovered, or zoomed into. */
const NAMED_FROM = 7;
/** How names are written on the map (and measured, so none overlaps another). */
const LABEL = { font: 'Arial, Helvetica, sans-serif', size: 13 };

function buildGraph(map: NetworkMap, dark: boolean): Graph {
  const graph = new Graph({ type: 'undirected' });
  graph.addNode(ME, { x: 0, y: 0, size: 12, label: 'You', color: dark ? '#f1f3f5' : '#212529' });
  for (const n of map.nodes) {
    const angle = seeded(n.id) * 2 * Math.PI;
    const radius = 1 + (1 - n.tie) * 10;
    graph.addNode(n.id, {
      x: Math.cos(angle) * radius,
      y: Math.sin(angle) * radius,
      size: 2 + n.tie * 6 + (n.connector || n.bridge ? 3 : 0),
      label: n.name,
      connector: n.connector,
      bridge: n.bridge,
    });
  }
  for (const [a, b, strength] of map.edges) {
    const from = map.nodes[a]?.id;
    const to = map.nodes[b]?.id;
    if (from && to && !graph.hasEdge(from, to))
      graph.addEdge(from, to, { size: 0.5 + strength, color: '#adb5bd', weight: strength });
  }
  // Clusters come from who knows whom, before the user's own ties tie everyone together.
  if (graph.size > 0) louvain.assign(graph, { nodeCommunityAttribute: 'community' });
  // Each cluster starts in its own sector, closer to the middle the closer the tie, so the
  // layout has little left to do.
  let clusters = 1;
  graph.forEachNode((_node, attrs) => {
    clusters = Math.max(clusters, Number(attrs.community ?? 0) + 1);
  });
  const tieOf = new Map(map.nodes.map((n) => [n.id, n.tie]));
  graph.forEachNode((node, attrs) => {
    if (node === ME) return;
    const community = Number(attrs.community ?? 0);
    const angle = ((community + 0.1 + seeded(node) * 0.8) / clusters) * 2 * Math.PI;
    const radius = 1 + (1 - (tieOf.get(node) ?? 0)) * 10;
    graph.mergeNodeAttributes(node, {
      color: PALETTE[community % PALETTE.length] ?? MUTED,
      x: Math.cos(angle) * radius,
      y: Math.sin(angle) * radius,
    });
  });
  // The user's own ties pull close people to the middle; drawn only while they stay few.
  const drawMine = map.nodes.length <= 2000;
  for (const n of map.nodes) {
    if (n.tie >= 0.3)
      graph.addEdge(ME, n.id, {
        size: 0.3,
        color: dark ? '#343a40' : '#e9ecef',
        weight: n.tie,
        hidden: !drawMine,
      });
  }
  return graph;
}

export function NetworkMapPage() {
  const [limit, setLimit] = useState('2000');
  const [highlight, setHighlight] = useState(false);
  const map = useQuery({
    queryKey: ['network-map', limit],
    queryFn: () => api.networkMap(Number(limit)),
  });
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<Sigma | null>(null);
  const highlightRef = useRef(highlight);
  const [, navigate] = useLocation();
  const [settled, setSettled] = useState(false);
  const dark = useComputedColorScheme('light') === 'dark';
  /** The names written now: placed so that none overlaps another (labels.ts). */
  const labelled = useRef<Set<string>>(new Set([ME]));
  const relabel = useRef<() => void>(() => undefined);

  useEffect(() => {
    const data = map.data;
    const element = container.current;
    if (!data || !element) return;
    const graph = buildGraph(data, dark);
    const faded = (attrs: Record<string, unknown>) =>
      highlightRef.current && !(attrs.connector || attrs.bridge);
    const sigma = new Sigma(graph, element, {
      labelFont: LABEL.font,
      labelSize: LABEL.size,
      labelColor: { color: dark ? '#e9ecef' : '#212529' },
      // Moving a large map draws dots only; edges and labels come back when it stops.
      hideEdgesOnMove: graph.size > 5000,
      hideLabelsOnMove: graph.size > 5000,
      defaultEdgeColor: dark ? '#495057' : '#ced4da',
      nodeReducer: (node, attrs) => {
        const named = labelled.current.has(node);
        const shown = { ...attrs, label: named ? attrs.label : '', forceLabel: named };
        if (node === ME || !highlightRef.current) return shown;
        return faded(attrs) ? { ...shown, color: MUTED } : { ...shown, zIndex: 1 };
      },
      zIndex: true,
    });
    renderer.current = sigma;
    // Names are placed after every move of the camera or the layout, the closest people and
    // (when highlighted) connectors and bridges first; the boxes are kept on the element for
    // the browser tests to check.
    const measure = document.createElement('canvas').getContext('2d');
    if (measure) measure.font = `${LABEL.size}px ${LABEL.font}`;
    const widths = new Map<string, number>();
    let pending = 0;
    const place = () => {
      pending = 0;
      const { width, height } = sigma.getDimensions();
      const candidates: LabelCandidate[] = [];
      graph.forEachNode((node, attrs) => {
        if (node !== ME && faded(attrs)) return;
        const shown = sigma.getNodeDisplayData(node);
        if (!shown || shown.hidden) return;
        // Small dots go unnamed (hover names them), unless highlighted: a name per dot is noise.
        if (node !== ME && !highlightRef.current && sigma.scaleSize(shown.size) < NAMED_FROM)
          return;
        const at = sigma.framedGraphToViewport(shown);
        const text = String(attrs.label ?? '');
        const textWidth = widths.get(node) ?? measure?.measureText(text).width ?? text.length * 7;
        widths.set(node, textWidth);
        candidates.push({
          id: node,
          x: at.x,
          y: at.y,
          size: sigma.scaleSize(shown.size),
          width: textWidth,
          priority:
            node === ME
              ? Number.MAX_SAFE_INTEGER
              : shown.size + (attrs.connector || attrs.bridge ? 100 : 0),
        });
      });
      const boxes = placeLabels(candidates, { width, height, lineHeight: LABEL.size + 2 });
      labelled.current = new Set(boxes.map((b) => b.id));
      element.dataset.labels = JSON.stringify(boxes);
      sigma.refresh({ skipIndexation: true });
    };
    const schedule = () => {
      if (!pending) pending = requestAnimationFrame(place);
    };
    relabel.current = schedule;
    sigma.getCamera().on('updated', schedule);
    schedule();
    sigma.on('clickNode', ({ node }) => {
      if (node !== ME) navigate(`/people/${node}`);
    });
    // The layout runs in a worker; the map moves as positions arrive and stays usable.
    const order = graph.nodes();
    const index = new Map(order.map((node, i) => [node, i]));
    const positions = new Float32Array(order.length * 2);
    const sizes = new Float32Array(order.length);
    order.forEach((node, i) => {
      const a = graph.getNodeAttributes(node);
      positions[2 * i] = a.x as number;
      positions[2 * i + 1] = a.y as number;
      sizes[i] = a.size as number;
    });
    const edges = new Uint32Array(graph.size * 2);
    const weights = new Float32Array(graph.size);
    let e = 0;
    graph.forEachEdge((_edge, attrs, source, target) => {
      edges[2 * e] = index.get(source) ?? 0;
      edges[2 * e + 1] = index.get(target) ?? 0;
      weights[e] = (attrs.weight as number | undefined) ?? 1;
      e += 1;
    });
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    setSettled(false);
    worker.onmessage = (event: MessageEvent<LayoutProgress>) => {
      const next = event.data.positions;
      graph.updateEachNodeAttributes(
        (node, attrs) => {
          const i = index.get(node) ?? 0;
          return { ...attrs, x: next[2 * i] ?? 0, y: next[2 * i + 1] ?? 0 };
        },
        { attributes: ['x', 'y'] },
      );
      schedule();
      if (event.data.done) setSettled(true);
    };
    const request: LayoutRequest = {
      positions,
      sizes,
      edges,
      weights,
      iterations: graph.order > 5000 ? 60 : ITERATIONS,
    };
    worker.postMessage(request, [positions.buffer, sizes.buffer, edges.buffer, weights.buffer]);
    return () => {
      if (pending) cancelAnimationFrame(pending);
      worker.terminate();
      sigma.kill();
      renderer.current = null;
    };
  }, [map.data, navigate, dark]);

  useEffect(() => {
    highlightRef.current = highlight;
    relabel.current();
  }, [highlight]);

  const data = map.data;
  const connectors = (data?.nodes ?? []).filter((n) => n.connector).slice(0, 15);
  const bridges = (data?.nodes ?? []).filter((n) => n.bridge).slice(0, 15);
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Title order={1} size="h2">
          Network map
        </Title>
        <Group gap="md" align="flex-end">
          <Checkbox
            label="Highlight connectors and bridges"
            checked={highlight}
            onChange={(e) => setHighlight(e.currentTarget.checked)}
          />
          <NativeSelect
            label="People shown"
            value={limit}
            onChange={(e) => setLimit(e.currentTarget.value)}
            data={[
              { value: '500', label: 'Closest 500' },
              { value: '2000', label: 'Closest 2,000' },
              { value: '10000', label: 'Closest 10,000' },
            ]}
          />
        </Group>
      </Group>
      {map.isLoading && <Loader aria-label="Loading" />}
      {map.error && <Alert color="red">{map.error.message}</Alert>}
      {data && (
        <Text size="sm" c="dimmed">
          {data.nodes.length.toLocaleString()} of {data.total.toLocaleString()} people,{' '}
          {data.edges.length.toLocaleString()} ties between them. Colours are clusters of people who
          know each other; larger dots are closer to you. Click someone to open their page; scroll
          to zoom, drag to move. {settled ? '' : 'Settling…'}
        </Text>
      )}
      <div
        ref={container}
        role="img"
        aria-label={
          data
            ? `Network map of ${data.nodes.length} people and ${data.edges.length} ties; connectors and bridges are listed below`
            : 'Network map'
        }
        data-testid="network-map"
        style={{
          height: 'min(70vh, 640px)',
          minHeight: 320,
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 8,
          background: 'var(--mantine-color-body)',
        }}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="md">
          <Title order={2} size="h5" mb="xs">
            Connectors on the map
          </Title>
          {connectors.length === 0 ? (
            <Text size="sm">None yet: connectors introduce you to others.</Text>
          ) : (
            <List size="sm" spacing={4}>
              {connectors.map((n) => (
                <List.Item key={n.id}>
                  <Anchor component={Link} href={`/people/${n.id}`} inherit underline="always">
                    {n.name}
                  </Anchor>{' '}
                  {n.organization && (
                    <Text span c="dimmed" size="sm">
                      ({n.organization})
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card withBorder padding="md">
          <Title order={2} size="h5" mb="xs">
            Bridges on the map
          </Title>
          {bridges.length === 0 ? (
            <Text size="sm">No single person holds a part of your network to the rest.</Text>
          ) : (
            <Group gap="xs">
              {bridges.map((n) => (
                <Badge key={n.id} variant="light" component={Link} href={`/people/${n.id}`}>
                  {n.name}
                </Badge>
              ))}
            </Group>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
