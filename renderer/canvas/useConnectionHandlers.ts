import type { Connection, Edge, FinalConnectionState } from '@xyflow/react';
import { useRef } from 'react';
import type { Pipeline } from '../../core/model';
import type { CanvasLayout } from './canvasLayout';
import type { ModelEdit } from './canvasEdits';
import { interpretConnection, interpretReconnect } from './connections';
import type { CanvasEdge } from './graphTypes';

/** The client coordinates of a mouse or touch event. */
export function pointerOf(event: MouseEvent | TouchEvent): { clientX: number; clientY: number } {
  if ('clientX' in event) return event;
  const touch = event.changedTouches[0];
  return { clientX: touch?.clientX ?? 0, clientY: touch?.clientY ?? 0 };
}

function nodeIdAt(x: number, y: number): string | undefined {
  if (typeof document.elementsFromPoint !== 'function') return undefined;
  for (const element of document.elementsFromPoint(x, y)) {
    const node = element.closest('.react-flow__node');
    const id = node?.getAttribute('data-id');
    if (id) return id;
  }
  return undefined;
}

interface ConnectionDeps {
  readonly pipeline: Pipeline;
  readonly layout: CanvasLayout;
  readonly refuse: (reason: string) => void;
  readonly trackPointer: (pointer: { clientX: number; clientY: number }) => void;
  readonly edit: (edit: ModelEdit, label: string) => void;
  readonly removeLoose: (ids: readonly string[]) => CanvasLayout;
  readonly onLayoutChange: (layout: CanvasLayout) => void;
}

/**
 * User-drawn connections: only what the model can express is accepted (joining a loose step);
 * anything else is refused with the reason next to the pointer. Reconnecting an edge reorders.
 */
export function useConnectionHandlers(deps: ConnectionDeps) {
  const { pipeline, layout, refuse, trackPointer, edit } = deps;
  const reconnecting = useRef(false);
  const loose = layout.loose ?? [];

  return {
    isValidConnection: (connection: Connection | Edge) =>
      reconnecting.current ||
      interpretConnection(pipeline, connection.source, connection.target, loose).ok,

    onConnect: (connection: Connection) => {
      const outcome = interpretConnection(pipeline, connection.source, connection.target, loose);
      if (!outcome.ok) {
        refuse(outcome.reason);
        return;
      }
      edit(outcome.edit, outcome.label);
      const joined = loose
        .filter((entry) => [connection.source, connection.target].includes(`loose:${entry.id}`))
        .map((entry) => entry.id);
      deps.onLayoutChange(deps.removeLoose(joined));
    },

    onConnectEnd: (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || reconnecting.current) return;
      const pointer = pointerOf(event);
      trackPointer(pointer);
      let from = state.fromNode?.id;
      let to = state.toNode?.id ?? nodeIdAt(pointer.clientX, pointer.clientY);
      if (from === undefined || to === undefined || from === to) return;
      if (state.fromHandle?.type === 'target') [from, to] = [to, from];
      const outcome = interpretConnection(pipeline, from, to, loose);
      if (!outcome.ok) refuse(outcome.reason);
    },

    onReconnect: (old: CanvasEdge, connection: Connection) => {
      const outcome = interpretReconnect(old, connection);
      if (outcome.ok) edit(outcome.edit, outcome.label);
      else refuse(outcome.reason);
    },

    onReconnectStart: () => {
      reconnecting.current = true;
    },

    onReconnectEnd: () => {
      reconnecting.current = false;
    },
  };
}
