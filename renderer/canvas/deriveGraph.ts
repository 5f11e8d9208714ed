import type {
  ContainerSlot,
  Diagnostic,
  Pipeline,
  StepNode,
  StepPath,
  StepTypes,
} from '../../core/model';
import {
  childSlot,
  describePortType,
  isContainer,
  ROOT_SLOT,
  slotPath,
  stepChildren,
} from '../../core/model';
import type { CanvasLayout, CanvasPoint } from './canvasLayout';
import type { GraphCache } from './graphCache';
import { createGraphCache, GraphMemo } from './graphCache';
import type {
  CanvasEdge,
  CanvasGraph,
  CanvasNode,
  DiagnosticCounts,
  StepNodeData,
} from './graphTypes';
import {
  branchLabelId,
  GAP_X,
  GAP_Y,
  GROUP_HEADER,
  GROUP_PAD,
  LABEL_HEIGHT,
  LABEL_WIDTH,
  looseNodeId,
  STEP_HEIGHT,
  STEP_WIDTH,
} from './graphTypes';
import { childListLabel } from './childListLabel';
import { countDiagnostics, NO_DIAGNOSTICS, typesOf } from './graphInputs';
import { kindName, stepSummary } from './nodes/kindVisuals';

interface Derivation {
  readonly layout: CanvasLayout;
  readonly collapsed: ReadonlySet<string>;
  readonly counts: ReadonlyMap<string, DiagnosticCounts>;
  readonly types: ReadonlyMap<StepPath, StepTypes>;
  readonly memo: GraphMemo;
  readonly edges: CanvasEdge[];
}

/** Nodes of one placed subtree (parents first) and the size it takes. */
interface Placed {
  readonly nodes: CanvasNode[];
  readonly width: number;
  readonly height: number;
}

function addEdge(
  run: Derivation,
  from: { readonly id: string; readonly name: string },
  target: { readonly id: string; readonly name: string },
  slot: ContainerSlot,
  index: number,
) {
  const id = `edge:${target.id}`;
  const source = from.id;
  const ariaLabel = `Edge from ${from.name} to ${target.name}`;
  const key = `${source}>${target.id}|${ariaLabel}`;
  run.edges.push(
    run.memo.edge(id, key, () => ({
      id,
      source,
      target: target.id,
      reconnectable: true,
      ariaLabel,
      data: { role: 'sequence', slot, index },
    })),
  );
}

function addFallbackEdge(run: Derivation, source: string, target: string, label: string) {
  const id = `edge:${target}`;
  run.edges.push(
    run.memo.edge(id, `${source}>${target}|${label}`, () => ({
      id,
      source,
      target,
      label,
      reconnectable: false,
      className: 'flujo-edge-aside',
      data: { role: 'fallback' },
    })),
  );
}

function placeList(
  run: Derivation,
  steps: readonly StepNode[],
  slot: ContainerSlot,
  parentId: string | undefined,
  origin: CanvasPoint,
  startSource: { readonly id: string; readonly name: string } | undefined,
): Placed {
  const nodes: CanvasNode[] = [];
  let cursorX = origin.x;
  // Extents of what is really placed (sidecar positions may lie above or left of the origin).
  let right = steps.length === 0 ? origin.x : -Infinity;
  let bottom = steps.length === 0 ? origin.y : -Infinity;
  let previous = startSource;
  // A step without a sidecar position (just inserted) goes right after its previous sibling; the
  // placed steps after it shift right when they would overlap it.
  let shiftX = 0;
  let afterUnplaced = false;
  let rowY = origin.y;
  steps.forEach((step, index) => {
    const path = slotPath(slot, index);
    const own = run.layout.positions[path];
    if (own && afterUnplaced && own.x + shiftX < cursorX) shiftX = cursorX - own.x;
    const position = own
      ? shiftX === 0
        ? own
        : { x: own.x + shiftX, y: own.y }
      : { x: cursorX, y: rowY };
    afterUnplaced = !own;
    const placed = placeStep(run, step, path, parentId, position);
    rowY = position.y;
    for (const node of placed.nodes) nodes.push(node);
    if (previous !== undefined) addEdge(run, previous, { id: path, name: step.name }, slot, index);
    previous = { id: path, name: step.name };
    cursorX = position.x + placed.width + GAP_X;
    right = Math.max(right, position.x + placed.width);
    bottom = Math.max(bottom, position.y + placed.height);
  });
  return { nodes, width: right - origin.x, height: bottom - origin.y };
}

function typeText(run: Derivation, path: string): Pick<StepNodeData, 'inputType' | 'outputType'> {
  const types = run.types.get(path);
  if (!types) return {};
  return { inputType: describePortType(types.accepts), outputType: describePortType(types.output) };
}

function stepNode(
  run: Derivation,
  step: StepNode,
  path: string,
  parentId: string | undefined,
  position: CanvasPoint,
  size: { readonly width: number; readonly height: number },
  group: boolean,
): CanvasNode {
  const diagnostics = run.counts.get(path) ?? NO_DIAGNOSTICS;
  const ports = typeText(run, path);
  const collapsed = run.collapsed.has(path);
  const key = [
    path,
    parentId ?? '',
    position.x,
    position.y,
    size.width,
    size.height,
    diagnostics.error,
    diagnostics.warning,
    diagnostics.info,
    ports.inputType ?? '',
    ports.outputType ?? '',
    collapsed,
    group,
  ].join('|');
  return run.memo.nodeFor(step, key, () => {
    const data: StepNodeData = {
      path,
      step,
      kind: step.kind,
      summary: stepSummary(step),
      ...ports,
      diagnostics,
      container: isContainer(step),
      collapsed,
    };
    const common = {
      id: path,
      position,
      width: size.width,
      height: size.height,
      ariaLabel: `${step.name} (${kindName(step)})`,
      ...(parentId === undefined ? {} : { parentId }),
    };
    return group
      ? { ...common, type: 'group' as const, data, className: 'flujo-group' }
      : { ...common, type: 'step' as const, data };
  });
}

function placeChildren(run: Derivation, step: StepNode, path: string): Placed {
  const nodes: CanvasNode[] = [];
  let rowY = GROUP_HEADER;
  let right = STEP_WIDTH;
  let bottom = GROUP_HEADER;
  for (const child of stepChildren(step)) {
    if (child.ref.slot === 'fallback') continue;
    const listPrefix =
      child.kind === 'list' ? slotPath(childSlot(path, child.ref), 0).slice(0, -3) : path;
    const labelId = branchLabelId(child.kind === 'list' ? listPrefix : `${path}.wrapped_step`);
    const labelPosition = run.layout.positions[labelId] ?? { x: GROUP_PAD, y: rowY };
    const label = childListLabel(child.ref);
    const slot = child.kind === 'list' ? childSlot(path, child.ref) : undefined;
    const count = child.kind === 'list' ? child.pipeline.steps.length : 1;
    const labelKey = `${label}|${labelPosition.x},${labelPosition.y}|${String(count)}`;
    nodes.push(
      run.memo.nodeById(labelId, labelKey, () => ({
        id: labelId,
        type: 'branchLabel' as const,
        parentId: path,
        position: labelPosition,
        width: LABEL_WIDTH,
        height: LABEL_HEIGHT,
        draggable: false,
        connectable: false,
        ariaLabel: `${label} of ${step.name}`,
        selectable: false,
        data: slot ? { label, slot, count } : { label, count },
      })),
    );
    const origin = { x: labelPosition.x + LABEL_WIDTH + GAP_X, y: rowY };
    let placed: Placed;
    if (child.kind === 'list' && slot) {
      placed = placeList(run, child.pipeline.steps, slot, path, origin, {
        id: labelId,
        name: `${step.name} ${label}`,
      });
    } else if (child.kind === 'single') {
      const wrappedPath = `${path}.wrapped_step`;
      const position = run.layout.positions[wrappedPath] ?? origin;
      const inner = placeStep(run, child.step, wrappedPath, path, position);
      addFallbackEdge(run, labelId, wrappedPath, '');
      placed = {
        nodes: inner.nodes,
        width: position.x - origin.x + inner.width,
        height: position.y - origin.y + inner.height,
      };
    } else {
      continue;
    }
    for (const node of placed.nodes) nodes.push(node);
    right = Math.max(right, labelPosition.x + LABEL_WIDTH, origin.x + placed.width);
    bottom = Math.max(bottom, labelPosition.y + LABEL_HEIGHT, origin.y + placed.height);
    rowY = bottom + GAP_Y;
  }
  return { nodes, width: right + GROUP_PAD, height: bottom + GROUP_PAD };
}

function placeStep(
  run: Derivation,
  step: StepNode,
  path: string,
  parentId: string | undefined,
  position: CanvasPoint,
): Placed {
  const nodes: CanvasNode[] = [];
  let width = STEP_WIDTH;
  let height = STEP_HEIGHT;
  const expanded = isContainer(step) && !run.collapsed.has(path);
  if (expanded) {
    const inner = placeChildren(run, step, path);
    width = Math.max(STEP_WIDTH, inner.width);
    height = Math.max(STEP_HEIGHT, inner.height);
    nodes.push(stepNode(run, step, path, parentId, position, { width, height }, true));
    for (const node of inner.nodes) nodes.push(node);
  } else {
    nodes.push(stepNode(run, step, path, parentId, position, { width, height }, false));
  }
  if (!step.fallback) return { nodes, width, height };
  const fallbackPath = `${path}.fallback`;
  const fallbackPosition = run.layout.positions[fallbackPath] ?? {
    x: position.x,
    y: position.y + height + GAP_Y,
  };
  const fallback = placeStep(run, step.fallback, fallbackPath, parentId, fallbackPosition);
  for (const node of fallback.nodes) nodes.push(node);
  addFallbackEdge(run, path, fallbackPath, 'fallback');
  return {
    nodes,
    width: Math.max(width, fallbackPosition.x - position.x + fallback.width),
    height: Math.max(height, fallbackPosition.y - position.y + fallback.height),
  };
}

const defaultCache = createGraphCache();
/**
 * The React Flow graph of a pipeline (ARCHITECTURE.md, Data flow 2): one node per step (its id is
 * the step path), containers as groups holding a labelled row per child list, edges between
 * consecutive steps of every list, fallbacks below their step, loose steps from the sidecar.
 * Missing positions get a left-to-right default. Unchanged steps keep their node objects.
 */
export function deriveGraph(
  pipeline: Pipeline,
  layout: CanvasLayout,
  diagnostics: readonly Diagnostic[],
  cache: GraphCache = defaultCache,
): CanvasGraph {
  const memo = new GraphMemo(cache);
  const run: Derivation = {
    layout,
    collapsed: new Set(layout.collapsed),
    counts: countDiagnostics(pipeline, diagnostics),
    types: typesOf(pipeline),
    memo,
    edges: [],
  };
  const placed = placeList(run, pipeline.steps, ROOT_SLOT, undefined, { x: 0, y: 0 }, undefined);
  const nodes = placed.nodes;
  for (const loose of layout.loose ?? []) {
    const key = `${loose.name}|${loose.kind}|${loose.position.x},${loose.position.y}`;
    nodes.push(
      memo.nodeFor(loose, key, () => ({
        id: looseNodeId(loose.id),
        type: 'loose' as const,
        position: loose.position,
        width: STEP_WIDTH,
        height: STEP_HEIGHT,
        className: 'flujo-loose',
        ariaLabel: `${loose.name} (${loose.kind}, loose)`,
        data: { looseId: loose.id, name: loose.name, kind: loose.kind },
      })),
    );
  }
  memo.commit();
  return { nodes, edges: run.edges };
}
