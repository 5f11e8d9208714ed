import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Pipeline } from '../../core/model';
import type { CanvasLayout, CanvasPoint } from './canvasLayout';
import { deriveGraph } from './deriveGraph';
import { createGraphCache } from './graphCache';
import type { CanvasNode } from './graphTypes';
import { GAP_X, GAP_Y, GROUP_HEADER, GROUP_PAD } from './graphTypes';

const ROOT = '__root__';

// Branches and states keep their file order, top to bottom.
const MODEL_ORDER = {
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
};

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Each container is laid out on its own, innermost first (model order survives only this way).
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(GAP_X),
  'elk.spacing.nodeNode': String(GAP_Y),
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  ...MODEL_ORDER,
};

const GROUP_OPTIONS = {
  ...MODEL_ORDER,
  'elk.padding': `[top=${String(GROUP_HEADER)},left=${String(GROUP_PAD)},bottom=${String(GROUP_PAD)},right=${String(GROUP_PAD)}]`,
};

let elk: InstanceType<typeof ELK> | undefined;

function elkNodeOf(node: CanvasNode, children: ReadonlyMap<string, CanvasNode[]>): ElkNode {
  const inner = children.get(node.id);
  if (!inner) return { id: node.id, width: node.width ?? 0, height: node.height ?? 0 };
  return {
    id: node.id,
    layoutOptions: GROUP_OPTIONS,
    children: inner.map((child) => elkNodeOf(child, children)),
    edges: [],
  };
}

function collectPositions(node: ElkNode, into: Record<string, CanvasPoint>): void {
  for (const child of node.children ?? []) {
    into[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
    collectPositions(child, into);
  }
}

/**
 * Lays the pipeline out with elkjs (layered, left to right, groups laid out with their children)
 * and returns `layout` with new positions for every step and branch label. Collapsed containers
 * stay collapsed; loose steps keep their place.
 */
export async function autoLayout(pipeline: Pipeline, layout: CanvasLayout): Promise<CanvasLayout> {
  const graph = deriveGraph(
    pipeline,
    { ...layout, positions: {}, loose: [] },
    [],
    createGraphCache(),
  );
  const children = new Map<string, CanvasNode[]>();
  for (const node of graph.nodes) {
    const parent = node.parentId ?? ROOT;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  const root: ElkNode = {
    id: ROOT,
    layoutOptions: ROOT_OPTIONS,
    children: (children.get(ROOT) ?? []).map((node) => elkNodeOf(node, children)),
    edges: [],
  };
  const byId = new Map<string, ElkNode>();
  const index = (node: ElkNode) => {
    byId.set(node.id, node);
    for (const child of node.children ?? []) index(child);
  };
  index(root);
  const parentOf = new Map(graph.nodes.map((node) => [node.id, node.parentId ?? ROOT]));
  for (const edge of graph.edges) {
    const owner = byId.get(parentOf.get(edge.source) ?? ROOT) ?? root;
    const elkEdge: ElkExtendedEdge = {
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
    };
    (owner.edges ??= []).push(elkEdge);
  }
  elk ??= new ELK();
  const laidOut = await elk.layout(root);
  const positions: Record<string, CanvasPoint> = {};
  collectPositions(laidOut, positions);
  return { ...layout, positions };
}
