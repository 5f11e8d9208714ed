import type { Edge, Node } from '@xyflow/react';
import type { ContainerSlot, StepKind, StepNode } from '../../core/model';

/** Diagnostics of one step, counted by severity. */
export type DiagnosticCounts = {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
};

/** A step drawn as one box: a leaf step, or a collapsed container. */
export type StepNodeData = {
  readonly path: string;
  readonly step: StepNode;
  readonly kind: StepKind;
  readonly summary: string;
  /** Port types as short text (`describePortType`), when derived. */
  readonly inputType?: string;
  readonly outputType?: string;
  readonly diagnostics: DiagnosticCounts;
  readonly container: boolean;
  readonly collapsed: boolean;
};

/** The label of one child list of a container (branch key, `body`, `default`, state name). */
export type BranchLabelData = {
  readonly label: string;
  /** The list a drop on this row appends to; undefined for a cache's single wrapped step. */
  readonly slot?: ContainerSlot;
  readonly count: number;
};

/** A loose step (sidecar only). */
export type LooseNodeData = {
  readonly looseId: string;
  readonly name: string;
  readonly kind: StepKind;
};

/** Canvas node union, discriminated on `type` and looked up in the module-level `nodeTypes`. */
export type StepCanvasNode = Node<StepNodeData, 'step'>;
export type GroupCanvasNode = Node<StepNodeData, 'group'>;
export type BranchLabelCanvasNode = Node<BranchLabelData, 'branchLabel'>;
export type LooseCanvasNode = Node<LooseNodeData, 'loose'>;
export type CanvasNode = StepCanvasNode | GroupCanvasNode | BranchLabelCanvasNode | LooseCanvasNode;

/** What an edge means in the model: where a step dropped on it is inserted. */
export type CanvasEdgeData =
  | { readonly role: 'sequence'; readonly slot: ContainerSlot; readonly index: number }
  | { readonly role: 'fallback' };

export type CanvasEdge = Edge<CanvasEdgeData>;

/** The derived graph: nodes parents-first (React Flow sub flows need that), then edges. */
export interface CanvasGraph {
  readonly nodes: CanvasNode[];
  readonly edges: CanvasEdge[];
}

/** Node id of the label of a child list: `slot:` + the list's path prefix. */
export function branchLabelId(listPrefix: string): string {
  return `slot:${listPrefix}`;
}

/** Node id of a loose step. */
export function looseNodeId(looseId: string): string {
  return `loose:${looseId}`;
}

/** Whether a canvas node id names a model step (ids of steps are their paths). */
export function isStepNodeId(id: string): boolean {
  return id.startsWith('steps[');
}

/** Fixed sizes: every node has explicit dimensions so nothing waits for a DOM measurement. */
export const STEP_WIDTH = 220;
export const STEP_HEIGHT = 76;
export const LABEL_WIDTH = 110;
export const LABEL_HEIGHT = 30;
export const GAP_X = 60;
export const GAP_Y = 36;
export const GROUP_PAD = 20;
export const GROUP_HEADER = 44;
