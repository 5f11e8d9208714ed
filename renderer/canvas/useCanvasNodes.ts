import type { NodeChange } from '@xyflow/react';
import { applyNodeChanges } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CanvasNode } from './graphTypes';

/** `nodes` with exactly `selected` marked; unchanged nodes keep their identity. */
export function markSelected(
  nodes: readonly CanvasNode[],
  selected: ReadonlySet<string>,
): CanvasNode[] {
  return nodes.map((node) =>
    (node.selected ?? false) === selected.has(node.id)
      ? node
      : { ...node, selected: selected.has(node.id) },
  );
}

function selectedIds(nodes: readonly CanvasNode[]): Set<string> {
  const ids = new Set<string>();
  for (const node of nodes) if (node.selected) ids.add(node.id);
  return ids;
}

interface NodesState {
  readonly source: readonly CanvasNode[];
  readonly nodes: CanvasNode[];
}

/**
 * The nodes React Flow shows: the derived nodes plus what only the view knows (selection, a drag
 * in progress). A new derivation replaces them, keeping the selection; drags change one node.
 */
export function useCanvasNodes(
  derived: readonly CanvasNode[],
  selectedPath: string | undefined,
  onSelect: (path: string | undefined) => void,
) {
  const [state, setState] = useState<NodesState>(() => ({
    source: derived,
    nodes: markSelected(derived, new Set(selectedPath === undefined ? [] : [selectedPath])),
  }));
  let current = state;
  if (state.source !== derived) {
    current = { source: derived, nodes: markSelected(derived, selectedIds(state.nodes)) };
    setState(current);
  }
  const latest = useRef(current);
  latest.current = current;
  const reported = useRef(selectedPath);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  const select = useCallback((ids: readonly string[], report: boolean) => {
    const next = { ...latest.current, nodes: markSelected(latest.current.nodes, new Set(ids)) };
    latest.current = next;
    setState(next);
    if (report) {
      const primary = ids.find((id) => id.startsWith('steps['));
      reported.current = primary;
      onSelectRef.current(primary);
    }
  }, []);

  useEffect(() => {
    if (selectedPath === reported.current) return;
    reported.current = selectedPath;
    select(selectedPath === undefined ? [] : [selectedPath], false);
  }, [selectedPath, select]);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const kept = changes.filter((change) => change.type !== 'remove');
    if (kept.length === 0) return;
    const nodes = applyNodeChanges(kept, latest.current.nodes);
    const next = { ...latest.current, nodes };
    latest.current = next;
    setState(next);
    const selection = kept.filter((change) => change.type === 'select');
    if (selection.length === 0) return;
    const chosen = selection.find((change) => change.selected)?.id;
    const ids = [...selectedIds(nodes)];
    const primary = [chosen, ...ids].find((id) => id?.startsWith('steps['));
    if (primary === reported.current) return;
    reported.current = primary;
    onSelectRef.current(primary);
  }, []);

  const reset = useCallback(() => {
    const next = {
      ...latest.current,
      nodes: markSelected(latest.current.source, selectedIds(latest.current.nodes)),
    };
    latest.current = next;
    setState(next);
  }, []);

  return { nodes: current.nodes, latest, onNodesChange, select, reset };
}
