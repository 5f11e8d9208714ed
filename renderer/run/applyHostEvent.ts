import type { RunEvent } from '../../core/engine';
import type { HostEvent } from '../../shared/hostEvents';
import { foldRunEvents } from './foldRunEvents';
import type { PendingHitl, RunStore } from './runStoreState';
import type { RunView } from './runView';
import { createRunView } from './runView';

/** Gives each run waiting on a human its stored request id; opens the dialog for the active run. */
export function applyPendingHitl(store: RunStore, requests: readonly PendingHitl[]): void {
  const state = store.getState();
  let prompt = state.hitlPrompt;
  let changed = false;
  for (const request of requests) {
    const run = state.runs[request.runId];
    if (run?.hitl === undefined || run.hitl.requestId !== undefined) continue;
    if (run.hitl.path !== request.path) continue;
    run.hitl = { ...run.hitl, requestId: request.requestId };
    run.version += 1;
    changed = true;
    if (request.runId === state.activeRunId && prompt?.requestId === undefined) prompt = run.hitl;
  }
  store.setState({
    pendingHitl: requests,
    hitlPrompt: prompt,
    ...(changed ? { runs: { ...state.runs } } : {}),
  });
}

function onBatch(store: RunStore, runId: string, events: readonly RunEvent[]) {
  const state = store.getState();
  const existing = state.runs[runId];
  if (existing?.source === 'recorded') return;
  const view = foldRunEvents(existing ?? createRunView(runId), events);
  const asksHuman = view.hitl !== undefined && view.hitl.requestId === undefined;
  store.setState({
    runs: { ...state.runs, [runId]: view },
    // Events of a run this window did not start (another window) make it active only if idle.
    ...(state.activeRunId === undefined ? { activeRunId: runId } : {}),
    ...(view.hitl === undefined && state.hitlPrompt?.runId === runId
      ? { hitlPrompt: undefined }
      : {}),
  });
  if (asksHuman) void store.getState().refreshPending();
}

/** Folds one host event into the store: a batch of run events is one state update. */
export function applyHostEvent(store: RunStore, event: HostEvent): void {
  switch (event.type) {
    case 'run.events':
      onBatch(store, event.runId, event.events);
      break;
    case 'run.ended': {
      const state = store.getState();
      const view = state.runs[event.runId];
      if (view?.source === 'live') {
        if (!isFinalStatus(view.status) && event.status !== 'paused') view.status = event.status;
        view.version += 1;
        store.setState({ runs: { ...state.runs } });
      }
      if (state.history.length > 0 || state.historyFile !== undefined) {
        void state.loadHistory(state.historyFile);
      }
      break;
    }
    case 'hitl.changed':
      void store.getState().refreshPending();
      break;
    default:
      event satisfies never;
  }
}

function isFinalStatus(status: RunView['status']): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}
