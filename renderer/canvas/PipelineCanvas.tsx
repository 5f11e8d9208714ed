import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import type { OnNodeDrag } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useEffect, useMemo, useRef } from 'react';
import type { Diagnostic, EditResult, Pipeline } from '../../core/model';
import { listSteps, slotOf } from '../../core/model';
import { autoLayout } from './autoLayout';
import type { CanvasLayout, CanvasPoint, NodeRunMetrics, NodeRunStatus } from './canvasLayout';
import { ActionsContext, createDecorationsStore, DecorationsContext } from './canvasContext';
import { canvasCommand, isTextEntry } from './canvasKeys';
import { deriveGraph } from './deriveGraph';
import { findDropTarget } from './dropTargets';
import { FindStepBox } from './FindStepBox';
import { createGraphCache } from './graphCache';
import type { CanvasEdge, CanvasNode } from './graphTypes';
import { isStepNodeId } from './graphTypes';
import { moveToTarget } from './canvasEdits';
import { nodeTypes } from './nodes/nodeTypes';
import { onPaletteAppend } from './paletteEvents';
import { paletteItem, STEP_KIND_MIME } from './paletteItems';
import type { PendingRemap } from './useCanvasController';
import { useCanvasController } from './useCanvasController';
import { remapLayout } from './remapLayout';
import { useCanvasNodes } from './useCanvasNodes';
import { pointerOf, useConnectionHandlers } from './useConnectionHandlers';
import { useRefusal } from './useRefusal';
import '@xyflow/react/dist/style.css';
import './canvas.css';

/** The canvas's contract with the shell (renderer/App.tsx). */
export interface PipelineCanvasProps {
  pipeline: Pipeline;
  diagnostics: readonly Diagnostic[];
  layout: CanvasLayout;
  selectedPath: string | undefined;
  runStatus?: Readonly<Record<string, NodeRunStatus>>;
  /** Run metrics per step path (latency, tokens, cost, retries, iterations, cache hit chips). */
  runMetrics?: Readonly<Record<string, NodeRunMetrics>>;
  breakpoints?: readonly string[];
  onSelect(path: string | undefined): void;
  onEdit(edit: (pipeline: Pipeline) => EditResult, label: string): void;
  onLayoutChange(layout: CanvasLayout): void;
  onRefused?(reason: string): void;
}

// elkjs runs on the main thread and needs seconds for ~1,000 steps; bigger pipelines open with the
// default left-to-right placement and lay out on demand ("Auto layout").
const AUTO_LAYOUT_ON_OPEN_LIMIT = 300;

function CanvasView(props: PipelineCanvasProps) {
  const { pipeline, layout, diagnostics, selectedPath } = props;
  const cache = useRef(createGraphCache()).current;
  const decorations = useRef(createDecorationsStore()).current;
  const derived = useMemo(
    () => deriveGraph(pipeline, layout, diagnostics, cache),
    [pipeline, layout, diagnostics, cache],
  );
  const { nodes, latest, onNodesChange, select, reset } = useCanvasNodes(
    derived.nodes,
    selectedPath,
    (path) => {
      props.onSelect(path);
    },
  );
  const { refusal, refuse, trackPointer, wrapper } = useRefusal((reason) => {
    props.onRefused?.(reason);
  });
  const findInput = useRef<HTMLInputElement>(null);
  const pendingRemap = useRef<PendingRemap | undefined>(undefined);
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const controller = useCanvasController(props, {
    latestNodes: () => latest.current.nodes,
    select,
    refuse,
    focusFind: () => findInput.current?.focus(),
    edited: (pending) => {
      pendingRemap.current = pending;
    },
  });
  const propsRef = useRef(props);
  propsRef.current = props;

  // After a canvas edit, positions follow their steps to their new paths (remapLayout).
  useEffect(() => {
    const pending = pendingRemap.current;
    if (!pending || pipeline === pending.from) return;
    pendingRemap.current = undefined;
    if (layout.positions !== pending.positions) return;
    const remapped = remapLayout(pending.from, pipeline, layout);
    if (remapped !== layout) propsRef.current.onLayoutChange(remapped);
  }, [pipeline, layout]);

  useEffect(() => {
    decorations.setState({
      runStatus: props.runStatus ?? {},
      runMetrics: props.runMetrics ?? {},
      breakpoints: new Set(props.breakpoints ?? []),
    });
  }, [decorations, props.runStatus, props.runMetrics, props.breakpoints]);

  useEffect(
    () =>
      onPaletteAppend((id) => {
        const item = paletteItem(id);
        if (item) controller.appendFromPalette(item);
      }),
    [controller],
  );

  // Auto layout on open when the sidecar has no positions (issue 7).
  useEffect(() => {
    const initial = propsRef.current;
    if (
      Object.keys(initial.layout.positions).length > 0 ||
      initial.pipeline.steps.length === 0 ||
      listSteps(initial.pipeline).length > AUTO_LAYOUT_ON_OPEN_LIMIT
    ) {
      return undefined;
    }
    let live = true;
    autoLayout(initial.pipeline, initial.layout).then(
      (laidOut) => {
        const now = propsRef.current;
        if (!live || Object.keys(now.layout.positions).length > 0) return;
        now.onLayoutChange({ ...now.layout, positions: laidOut.positions });
        requestAnimationFrame(() => void flow.fitView());
      },
      (error: unknown) => {
        refuse(`Auto layout failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return () => {
      live = false;
    };
  }, [flow, refuse]);

  const onNodeDragStop: OnNodeDrag<CanvasNode> = (event, node, dragged) => {
    const pointer = pointerOf(event);
    const point = flow.screenToFlowPosition({ x: pointer.clientX, y: pointer.clientY });
    trackPointer(pointer);
    const target = findDropTarget(point, nodes, derived.edges, controller.boxOf, node.id);
    const current = slotOf(node.id);
    const sameList =
      target?.kind === 'container' &&
      current !== undefined &&
      JSON.stringify(current.slot) === JSON.stringify(target.slot);
    if (target && !sameList) {
      if (node.type === 'loose') controller.placeLoose(node.data.looseId, target);
      else if (isStepNodeId(node.id)) controller.edit(moveToTarget(node.id, target), 'Move step');
      return;
    }
    const parent = node.parentId === undefined ? undefined : controller.boxOf(node.parentId);
    if (parent && !sameList) {
      const outside =
        point.x < parent.x ||
        point.y < parent.y ||
        point.x > parent.x + parent.width ||
        point.y > parent.y + parent.height;
      if (outside) {
        reset();
        refuse(
          'To move a step out of its container, drop it on an edge or into another container.',
        );
        return;
      }
    }
    // Every shown position is saved, so steps placed by default stay where they are drawn.
    const now = propsRef.current.layout;
    const positions: Record<string, CanvasPoint> = { ...now.positions };
    for (const shown of nodes) if (shown.type !== 'loose') positions[shown.id] = shown.position;
    let loose = now.loose;
    for (const moved of dragged) {
      if (moved.type === 'loose') {
        loose = (loose ?? []).map((entry) =>
          entry.id === moved.data.looseId ? { ...entry, position: moved.position } : entry,
        );
      } else {
        positions[moved.id] = moved.position;
      }
    }
    propsRef.current.onLayoutChange({ ...now, positions, ...(loose ? { loose } : {}) });
  };

  const connections = useConnectionHandlers({
    pipeline,
    layout,
    refuse,
    trackPointer,
    edit: controller.edit,
    removeLoose: controller.removeLoose,
    onLayoutChange: (next) => {
      props.onLayoutChange(next);
    },
  });

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes(STEP_KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const item = paletteItem(event.dataTransfer.getData(STEP_KIND_MIME));
    if (!item) return;
    event.preventDefault();
    trackPointer(event);
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const target = findDropTarget(point, nodes, derived.edges, controller.boxOf);
    controller.dropPaletteItem(item, target, point);
  };

  return (
    <ActionsContext.Provider value={controller.actions}>
      <DecorationsContext.Provider value={decorations}>
        <div
          ref={wrapper}
          className="flujo-canvas"
          role="region"
          aria-label="Pipeline canvas"
          tabIndex={0}
          onPointerMove={trackPointer}
          onDragOver={onDragOver}
          onDrop={onDrop}
          onKeyDown={(event) => {
            if (isTextEntry(event.target)) return;
            const command = canvasCommand(event);
            if (command && controller.run(command)) event.preventDefault();
          }}
        >
          <ReactFlow<CanvasNode, CanvasEdge>
            nodes={nodes}
            edges={derived.edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onNodeDragStop={onNodeDragStop}
            onConnect={connections.onConnect}
            onConnectEnd={connections.onConnectEnd}
            isValidConnection={connections.isValidConnection}
            onReconnect={connections.onReconnect}
            onReconnectStart={connections.onReconnectStart}
            onReconnectEnd={connections.onReconnectEnd}
            onPaneClick={() => wrapper.current?.focus({ preventScroll: true })}
            deleteKeyCode={null}
            disableKeyboardA11y
            onlyRenderVisibleElements
            fitView
            minZoom={0.05}
          >
            <Background />
            <MiniMap pannable zoomable ariaLabel="Mini map" />
            <Controls />
            <Panel position="top-left">
              <FindStepBox inputRef={findInput} find={controller.find} />
            </Panel>
          </ReactFlow>
          {refusal && (
            <div
              className="flujo-refusal"
              role="status"
              style={{ left: refusal.x + 12, top: refusal.y + 12 }}
            >
              {refusal.reason}
            </div>
          )}
        </div>
      </DecorationsContext.Provider>
    </ActionsContext.Provider>
  );
}

/**
 * The pipeline canvas (issue 7): React Flow nodes and edges derived from the model and the
 * sidecar layout; every gesture is a model edit (`onEdit`) or a layout change (`onLayoutChange`).
 */
export function PipelineCanvas(props: PipelineCanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasView {...props} />
    </ReactFlowProvider>
  );
}
