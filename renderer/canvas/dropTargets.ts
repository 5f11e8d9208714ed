import type { ContainerSlot } from '../../core/model';
import type { DropTarget } from './canvasEdits';
import type { CanvasEdge, CanvasNode } from './graphTypes';

/** A node's box in absolute flow coordinates. */
export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** How close (flow units) a drop must be to an edge to insert there. */
export const EDGE_HIT_DISTANCE = 24;

function distanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inside(point: { x: number; y: number }, box: NodeBox): boolean {
  return (
    point.x >= box.x &&
    point.x <= box.x + box.width &&
    point.y >= box.y &&
    point.y <= box.y + box.height
  );
}

function isSameOrInside(id: string, ancestor: string | undefined): boolean {
  return ancestor !== undefined && (id === ancestor || id.startsWith(`${ancestor}.`));
}

/**
 * What lies under `point` (absolute flow coordinates) for a drop: the nearest insertable edge
 * within `EDGE_HIT_DISTANCE`, else the child list of the innermost container there. `moving` (a
 * dragged step) and everything inside it are ignored, as are the edges that touch it.
 */
export function findDropTarget(
  point: { readonly x: number; readonly y: number },
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
  boxOf: (id: string) => NodeBox | undefined,
  moving?: string,
): DropTarget | undefined {
  let best: { distance: number; slot: ContainerSlot; index: number } | undefined;
  for (const edge of edges) {
    if (edge.data?.role !== 'sequence') continue;
    if (isSameOrInside(edge.source, moving) || isSameOrInside(edge.target, moving)) continue;
    const source = boxOf(edge.source);
    const target = boxOf(edge.target);
    if (!source || !target) continue;
    const distance = distanceToSegment(
      point.x,
      point.y,
      source.x + source.width,
      source.y + source.height / 2,
      target.x,
      target.y + target.height / 2,
    );
    if (distance <= EDGE_HIT_DISTANCE && (!best || distance < best.distance)) {
      best = { distance, slot: edge.data.slot, index: edge.data.index };
    }
  }
  if (best) return { kind: 'edge', slot: best.slot, index: best.index };
  let container: { id: string; area: number } | undefined;
  for (const node of nodes) {
    if (node.type !== 'group' || isSameOrInside(node.id, moving)) continue;
    const box = boxOf(node.id);
    if (!box || !inside(point, box)) continue;
    const area = box.width * box.height;
    if (!container || area < container.area) container = { id: node.id, area };
  }
  if (!container) return undefined;
  let slot: ContainerSlot | undefined;
  let firstSlot: ContainerSlot | undefined;
  for (const node of nodes) {
    if (node.type !== 'branchLabel' || node.parentId !== container.id || !node.data.slot) continue;
    firstSlot ??= node.data.slot;
    const box = boxOf(node.id);
    if (box && box.y <= point.y) slot = node.data.slot;
  }
  const chosen = slot ?? firstSlot;
  return chosen && { kind: 'container', slot: chosen };
}
