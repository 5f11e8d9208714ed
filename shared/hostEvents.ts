import type { RunEvent, RunStatus } from '../core/engine';

/** What the host pushes to every connected renderer (batched: one message per frame, not per event). */
export type HostEvent =
  | { readonly type: 'run.events'; readonly runId: string; readonly events: readonly RunEvent[] }
  | {
      readonly type: 'run.ended';
      readonly runId: string;
      readonly status: RunStatus | 'interrupted';
    }
  | { readonly type: 'hitl.changed' };
