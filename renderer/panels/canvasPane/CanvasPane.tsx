import { useCallback, useMemo } from 'react';

import type { CanvasLayout, LooseStep, NodeRunMetrics, NodeRunStatus } from '../../canvas';
import { PipelineCanvas } from '../../canvas';
import { useDocument, useDocumentStore } from '../../store/DocumentStoreContext';
import type { ModelEdit } from '../../store/documentStore';
import type { Sidecar } from '../../store/sidecar';
import { useSelectStep } from '../../store/useSelectStep';

function isLooseStep(value: unknown): value is LooseStep {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<LooseStep>;
  return (
    typeof entry.id === 'string' &&
    typeof entry.kind === 'string' &&
    typeof entry.name === 'string' &&
    typeof entry.position === 'object'
  );
}

/** How long after a model change a layout change from the canvas counts as its follow-up (ms). */
const FOLLOW_UP_MS = 500;

function sameLayout(a: Sidecar, b: Sidecar): boolean {
  return (
    a.collapsed.length === b.collapsed.length &&
    a.collapsed.every((path, i) => path === b.collapsed[i]) &&
    a.loose.length === b.loose.length &&
    a.loose.every((entry, i) => entry === b.loose[i]) &&
    JSON.stringify(a.positions) === JSON.stringify(b.positions)
  );
}

/** The sidecar as the canvas's layout. */
export function useCanvasLayout(): CanvasLayout {
  const sidecar = useDocument((s) => s.sidecar);
  return useMemo(
    () => ({
      positions: sidecar.positions,
      collapsed: sidecar.collapsed,
      loose: sidecar.loose.filter(isLooseStep),
    }),
    [sidecar],
  );
}

/** The centre of the window: the canvas of the document's model. */
export function CanvasPane(props: {
  readonly onNotice: (message: string) => void;
  /** Run status per step path (status rings), from the run store. */
  readonly runStatus?: Readonly<Record<string, NodeRunStatus>>;
  /** Run metrics per step path (metric chips), from the run store. */
  readonly runMetrics?: Readonly<Record<string, NodeRunMetrics>>;
}) {
  const store = useDocumentStore();
  const pipeline = useDocument((s) => s.parsed.pipeline);
  const diagnostics = useDocument((s) => s.diagnostics);
  const selectedPath = useDocument((s) => s.selectedPath);
  const breakpoints = useDocument((s) => s.sidecar.breakpoints);
  const layout = useCanvasLayout();
  const selectStep = useSelectStep();
  const { onNotice } = props;
  const breakpointPaths = useMemo(() => breakpoints.map((b) => b.path), [breakpoints]);

  const onEdit = useCallback(
    (edit: ModelEdit, label: string) => {
      const result = store.getState().applyEdit(edit, label);
      if (!result.ok) onNotice(result.reason);
    },
    [store, onNotice],
  );
  const onLayoutChange = useCallback(
    (next: CanvasLayout) => {
      const state = store.getState();
      const sidecar = {
        ...state.sidecar,
        positions: next.positions,
        collapsed: next.collapsed,
        loose: next.loose ?? [],
      };
      if (sameLayout(state.sidecar, sidecar)) return;
      // Not a gesture of its own: the automatic layout of a file without positions, and the
      // canvas remapping positions right after a model change (an edit, typing, undo/redo)
      // belong to that change's history entry.
      const followsModelChange = performance.now() - state.parsed.parsedAt < FOLLOW_UP_MS;
      if (Object.keys(state.sidecar.positions).length === 0 || followsModelChange) {
        state.adoptSidecar(sidecar);
      } else {
        state.updateSidecar(() => sidecar, 'Change layout');
      }
    },
    [store],
  );
  const onSelect = useCallback(
    (path: string | undefined) => {
      selectStep(path, 'canvas');
    },
    [selectStep],
  );

  if (!pipeline) {
    return (
      <div className="canvas-empty" role="status">
        The YAML does not hold a pipeline yet: fix the errors listed in Problems.
      </div>
    );
  }
  return (
    <PipelineCanvas
      pipeline={pipeline}
      diagnostics={diagnostics}
      layout={layout}
      selectedPath={selectedPath}
      breakpoints={breakpointPaths}
      {...(props.runStatus === undefined ? {} : { runStatus: props.runStatus })}
      {...(props.runMetrics === undefined ? {} : { runMetrics: props.runMetrics })}
      onSelect={onSelect}
      onEdit={onEdit}
      onLayoutChange={onLayoutChange}
      onRefused={onNotice}
    />
  );
}
