import { useReactFlow } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { Pipeline, StepNode } from '../../core/model';
import { ROOT_SLOT, resolveStep, uniqueStepName, unwrapStep, wrapSteps } from '../../core/model';
import type { CanvasLayout, LooseStep } from './canvasLayout';
import type { DropTarget, ModelEdit } from './canvasEdits';
import {
  deleteSteps,
  insertAtTarget,
  insertFromPalette,
  pastePlace,
  pasteSteps,
} from './canvasEdits';
import type { CanvasCommand } from './canvasKeys';
import type { CanvasActions } from './canvasContext';
import { clipboardSteps, copySteps } from './clipboard';
import { stepFromLoose } from './connections';
import type { NodeBox } from './dropTargets';
import type { CanvasNode } from './graphTypes';
import { isStepNodeId } from './graphTypes';
import { findStepByName, navigate } from './navigation';
import type { PaletteItem } from './paletteItems';
import { buildPaletteStep } from './paletteItems';

/** The props the controller reads (always the latest, through a ref). */
export interface ControllerProps {
  readonly pipeline: Pipeline;
  readonly layout: CanvasLayout;
  readonly selectedPath: string | undefined;
  readonly onEdit: (edit: ModelEdit, label: string) => void;
  readonly onLayoutChange: (layout: CanvasLayout) => void;
}

interface ControllerDeps {
  readonly latestNodes: () => readonly CanvasNode[];
  readonly select: (ids: readonly string[], report: boolean) => void;
  readonly refuse: (reason: string, notifyShell?: boolean) => void;
  readonly focusFind: () => void;
  /** Called when an edit of the canvas succeeded, with what the layout was keyed to. */
  readonly edited: (pending: PendingRemap) => void;
}

/** A canvas edit whose layout still has to follow the steps to their new paths. */
export interface PendingRemap {
  readonly from: Pipeline;
  readonly positions: CanvasLayout['positions'];
}

function newLooseId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Canvas gestures as model edits and layout changes. Everything reads the latest props through a
 * ref, so the returned object is stable and memoized nodes never re-render because of it.
 */
export function useCanvasController(props: ControllerProps, deps: ControllerDeps) {
  const latest = useRef({ props, deps });
  latest.current = { props, deps };
  const flow = useReactFlow();

  return useMemo(() => {
    const get = () => latest.current.props;
    const selectedSteps = (): string[] =>
      latest.current.deps
        .latestNodes()
        .filter((node) => node.selected && isStepNodeId(node.id))
        .map((node) => node.id);
    const selectedLoose = (): string[] =>
      latest.current.deps
        .latestNodes()
        .filter((node) => node.selected && node.type === 'loose')
        .map((node) => (node.type === 'loose' ? node.data.looseId : ''));

    const edit = (change: ModelEdit, label: string) => {
      const positions = get().layout.positions;
      get().onEdit((pipeline) => {
        const result = change(pipeline);
        if (result.ok) latest.current.deps.edited({ from: pipeline, positions });
        else {
          const { reason } = result;
          queueMicrotask(() => {
            // The shell sees the failed EditResult itself; only show it at the pointer.
            latest.current.deps.refuse(reason, false);
          });
        }
        return result;
      }, label);
    };

    const boxOf = (id: string): NodeBox | undefined => {
      const internal = flow.getInternalNode(id);
      if (!internal) return undefined;
      return {
        ...internal.internals.positionAbsolute,
        width: internal.width ?? internal.measured.width ?? 0,
        height: internal.height ?? internal.measured.height ?? 0,
      };
    };

    const focusStep = (path: string) => {
      const { layout, onLayoutChange } = get();
      const hidden = layout.collapsed.filter((owner) => path.startsWith(`${owner}.`));
      if (hidden.length > 0) {
        onLayoutChange({
          ...layout,
          collapsed: layout.collapsed.filter((c) => !hidden.includes(c)),
        });
      }
      latest.current.deps.select([path], true);
      const box = boxOf(path);
      if (box) {
        void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, {
          zoom: Math.max(flow.getZoom(), 0.6),
          duration: 200,
        });
      }
    };

    const removeLoose = (ids: readonly string[], layout = get().layout): CanvasLayout => ({
      ...layout,
      loose: (layout.loose ?? []).filter((loose) => !ids.includes(loose.id)),
    });

    const copy = (): StepNode[] => {
      const { pipeline } = get();
      const steps = selectedSteps()
        .map((path) => resolveStep(pipeline, path))
        .filter((step): step is StepNode => step !== undefined);
      if (steps.length > 0) copySteps(steps);
      return steps;
    };

    const deleteSelection = () => {
      const steps = selectedSteps();
      const loose = selectedLoose();
      if (loose.length > 0) get().onLayoutChange(removeLoose(loose));
      if (steps.length > 0)
        edit(deleteSteps(steps), steps.length === 1 ? 'Delete step' : 'Delete steps');
    };

    const actions: CanvasActions = {
      toggleCollapsed: (path) => {
        const { layout, onLayoutChange } = get();
        const collapsed = layout.collapsed.includes(path)
          ? layout.collapsed.filter((c) => c !== path)
          : [...layout.collapsed, path];
        onLayoutChange({ ...layout, collapsed });
      },
      wrap: (path) => {
        const selection = selectedSteps();
        const paths = selection.includes(path) ? selection : [path];
        edit(
          (pipeline) => wrapSteps(pipeline, paths, 'loop', uniqueStepName(pipeline, 'loop')),
          'Wrap in loop',
        );
      },
      unwrap: (path) => {
        edit((pipeline) => unwrapStep(pipeline, path), 'Unwrap');
      },
    };

    return {
      actions,
      boxOf,
      focusStep,
      edit,
      removeLoose,
      find: (query: string): boolean => {
        const path = findStepByName(get().pipeline, query);
        if (path !== undefined) focusStep(path);
        return path !== undefined;
      },
      /** Inserts a palette item at a drop target, or leaves it loose at `point`. */
      dropPaletteItem: (
        item: PaletteItem,
        target: DropTarget | undefined,
        point: { x: number; y: number },
      ) => {
        if (target) {
          edit(insertFromPalette(item, target), `Insert ${item.label}`);
          return;
        }
        const { pipeline, layout, onLayoutChange } = get();
        const taken = (layout.loose ?? []).map((loose) => loose.name);
        const step = buildPaletteStep(pipeline, item, taken);
        const loose: LooseStep = {
          id: newLooseId(),
          kind: step.kind,
          name: step.name,
          ...(step.uses === undefined ? {} : { uses: step.uses }),
          position: point,
        };
        onLayoutChange({ ...layout, loose: [...(layout.loose ?? []), loose] });
      },
      /** Moves a loose step into the model at `target`. */
      placeLoose: (looseId: string, target: DropTarget) => {
        const { layout, onLayoutChange } = get();
        const loose = (layout.loose ?? []).find((entry) => entry.id === looseId);
        if (!loose) return;
        edit(
          insertAtTarget((pipeline) => stepFromLoose(pipeline, loose), target),
          `Add ${loose.name}`,
        );
        onLayoutChange(removeLoose([looseId], layout));
      },
      appendFromPalette: (item: PaletteItem) => {
        edit(insertFromPalette(item, { kind: 'container', slot: ROOT_SLOT }), `Add ${item.label}`);
      },
      run: (command: CanvasCommand): boolean => {
        const { pipeline, selectedPath } = get();
        switch (command.type) {
          case 'find':
            latest.current.deps.focusFind();
            return true;
          case 'delete':
            deleteSelection();
            return true;
          case 'copy':
            copy();
            return true;
          case 'cut':
            if (copy().length > 0) edit(deleteSteps(selectedSteps()), 'Cut');
            return true;
          case 'paste': {
            const place = pastePlace(selectedPath ?? selectedSteps().at(-1));
            edit(pasteSteps(clipboardSteps(), place.slot, place.index), 'Paste');
            return true;
          }
          case 'duplicate': {
            const steps = copy();
            const place = pastePlace(selectedSteps().at(-1));
            if (steps.length > 0) edit(pasteSteps(steps, place.slot, place.index), 'Duplicate');
            return true;
          }
          case 'navigate': {
            const from = selectedPath ?? selectedSteps()[0];
            if (from === undefined) {
              if (pipeline.steps.length === 0 || command.key === 'out') return false;
              focusStep('steps[0]');
              return true;
            }
            const to = navigate(pipeline, from, command.key);
            if (to !== undefined) focusStep(to);
            return to !== undefined;
          }
          default:
            return false;
        }
      },
    };
  }, [flow]);
}
