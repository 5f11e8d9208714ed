import { createStore } from 'zustand/vanilla';
import type { RunEvent } from '../../core/engine';
import type { Breakpoint } from '../../core/engine/debug';
import type { HostClient } from '../../shared/hostClient';
import { applyHostEvent, applyPendingHitl } from './applyHostEvent';
import { foldRunEvents } from './foldRunEvents';
import { readLastInputs, rememberInput } from './lastInputs';
import { messageOf } from './messageOf';
import type { RunStore, RunStoreState } from './runStoreState';
import type { RunView } from './runView';
import { createRunView } from './runView';

export type * from './runStoreState';

/** Creates the run store, fed by `client`'s host events (one state update per host batch). */
export function createRunStore(client: HostClient): RunStore {
  let unsubscribe: () => void = () => undefined;
  const store: RunStore = createStore<RunStoreState>()((set, get) => {
    const fail = (error: unknown) => {
      set({ error: messageOf(error) });
    };
    const activeRun = () => {
      const { activeRunId, runs } = get();
      return activeRunId === undefined ? undefined : runs[activeRunId];
    };
    const syncBreakpoints = (breakpoints: readonly Breakpoint[]) => {
      const run = activeRun();
      if (run?.debug !== true || run.source !== 'live' || !isLive(run)) return;
      client
        .call('runs.setBreakpoints', { runId: run.runId, breakpoints: [...breakpoints] })
        .catch(fail);
    };
    return {
      activeRunId: undefined,
      runs: {},
      breakpoints: [],
      lastInputs: readLastInputs(),
      history: [],
      historyFile: undefined,
      pendingHitl: [],
      hitlPrompt: undefined,
      hitlError: undefined,
      error: undefined,
      selectedPath: undefined,
      replay: undefined,
      start: async (options) => {
        const lastInputs =
          options.inputText === undefined || options.inputText === ''
            ? get().lastInputs
            : rememberInput(get().lastInputs, options.inputText);
        set({ lastInputs, error: undefined, replay: undefined });
        const breakpoints = get().breakpoints.filter((bp) => bp.enabled !== false);
        try {
          const { runId } = await client.call('runs.start', {
            text: options.text,
            ...(options.file === undefined ? {} : { file: options.file }),
            input: options.input,
            ...(options.context === undefined ? {} : { context: options.context }),
            ...(options.limits === undefined ? {} : { limits: { ...options.limits } }),
            ...(options.mocks === undefined ? {} : { mocks: options.mocks }),
            ...(options.from === undefined ? {} : { from: { ...options.from } }),
            ...(options.debug === true
              ? {
                  debug: {
                    breakpoints: [...breakpoints],
                    // Without breakpoints a debug run stops before its first step, to be stepped.
                    pauseOnStart: breakpoints.length === 0,
                    pauseOnFailure: true,
                  },
                }
              : {}),
          });
          // Events may have arrived before the response: keep the view they were folded into.
          const existing = get().runs[runId];
          const view =
            existing ??
            createRunView(runId, {
              debug: options.debug === true,
              ...(options.limits?.totalCostUsd === undefined
                ? {}
                : { limitCostUsd: options.limits.totalCostUsd }),
              ...(options.limits?.totalTokens === undefined
                ? {}
                : { limitTokens: options.limits.totalTokens }),
            });
          view.debug = options.debug === true;
          Object.assign(view.totals, {
            limitCostUsd: options.limits?.totalCostUsd,
            limitTokens: options.limits?.totalTokens,
          });
          if (view.status === 'starting' && view.eventCount > 0) view.status = 'running';
          set((state) => ({
            activeRunId: runId,
            runs: { ...state.runs, [runId]: view },
            selectedPath: undefined,
          }));
          return runId;
        } catch (error) {
          fail(error);
          return undefined;
        }
      },
      cancel: async () => {
        const run = activeRun();
        if (run === undefined) return;
        try {
          await client.call('runs.cancel', { runId: run.runId });
        } catch (error) {
          fail(error);
        }
      },
      debug: async (command) => {
        const run = activeRun();
        if (run === undefined) return;
        try {
          await client.call('runs.debug', { runId: run.runId, command });
        } catch (error) {
          fail(error);
        }
      },
      editFrame: async (edit) => {
        const run = activeRun();
        if (run === undefined) throw new Error('There is no run to edit.');
        await client.call('runs.editFrame', {
          runId: run.runId,
          ...(edit.input === undefined ? {} : { input: edit.input }),
          ...(edit.context === undefined ? {} : { context: edit.context }),
        });
        // The engine records the edit when the step resumes; show it in the frame at once.
        const frames = run.pausedFrames;
        const innermost = frames?.at(-1);
        if (frames !== undefined && innermost !== undefined) {
          run.pausedFrames = [
            ...frames.slice(0, -1),
            {
              ...innermost,
              ...(edit.input === undefined ? {} : { input: edit.input }),
              ...(edit.context === undefined ? {} : { context: edit.context }),
            },
          ];
          run.version += 1;
          set((state) => ({ runs: { ...state.runs } }));
        }
      },
      toggleBreakpoint: (path, condition) => {
        const current = get().breakpoints;
        const existing = current.find((bp) => bp.path === path);
        let next: Breakpoint[];
        if (existing !== undefined && condition === undefined) {
          next = current.filter((bp) => bp.path !== path);
        } else {
          const breakpoint: Breakpoint =
            condition === undefined || condition.trim() === ''
              ? { path }
              : { path, condition: condition.trim() };
          next = [...current.filter((bp) => bp.path !== path), breakpoint];
        }
        set({ breakpoints: next });
        syncBreakpoints(next);
      },
      setBreakpoints: (breakpoints) => {
        set({ breakpoints: [...breakpoints] });
        syncBreakpoints(breakpoints);
      },
      answerHitl: async (answer) => {
        const prompt = get().hitlPrompt;
        if (prompt?.requestId === undefined) {
          set({ hitlError: 'The request is not stored yet; try again in a moment.' });
          return false;
        }
        try {
          await client.call('hitl.answer', { requestId: prompt.requestId, answer });
          const run = get().runs[prompt.runId];
          if (run !== undefined) run.hitl = undefined;
          set((state) => ({
            hitlPrompt: undefined,
            hitlError: undefined,
            activeRunId: prompt.runId,
            runs: { ...state.runs },
            pendingHitl: state.pendingHitl.filter((p) => p.requestId !== prompt.requestId),
          }));
          return true;
        } catch (error) {
          set({ hitlError: messageOf(error) });
          return false;
        }
      },
      cancelHitl: async () => {
        const prompt = get().hitlPrompt;
        if (prompt === undefined) return;
        try {
          await client.call('runs.cancel', { runId: prompt.runId });
          set({ hitlPrompt: undefined, hitlError: undefined });
        } catch (error) {
          set({ hitlError: messageOf(error) });
        }
      },
      deferHitl: () => {
        set({ hitlPrompt: undefined, hitlError: undefined });
      },
      openHitl: (request) => {
        set({
          hitlError: undefined,
          hitlPrompt: {
            runId: request.runId,
            requestId: request.requestId,
            stepName: request.stepName,
            path: request.path,
            message: request.message,
            inputSchema: request.inputSchema,
          },
        });
      },
      refreshPending: async () => {
        try {
          const { requests } = await client.call('hitl.pending', {});
          applyPendingHitl(store, requests);
        } catch (error) {
          fail(error);
        }
      },
      loadHistory: async (file) => {
        set({ historyFile: file });
        try {
          const { runs } = await client.call('runs.list', {
            ...(file === undefined ? {} : { file }),
            limit: 200,
          });
          set({ history: runs });
        } catch (error) {
          fail(error);
        }
      },
      openRecorded: async (runId) => {
        try {
          const { events } = await client.call('runs.events', { runId });
          const recorded = events as RunEvent[];
          const view = foldRunEvents(createRunView(runId, { source: 'recorded' }), recorded);
          set((state) => ({
            activeRunId: runId,
            runs: { ...state.runs, [runId]: view },
            replay: { runId, events: recorded, position: recorded.length },
            selectedPath: undefined,
          }));
        } catch (error) {
          fail(error);
        }
      },
      fetchRecorded: async (runId) => {
        try {
          const { events } = await client.call('runs.events', { runId });
          return foldRunEvents(createRunView(runId, { source: 'recorded' }), events as RunEvent[]);
        } catch (error) {
          fail(error);
          return undefined;
        }
      },
      scrub: (position) => {
        const { replay, runs } = get();
        if (replay === undefined) return;
        const target = Math.max(0, Math.min(position, replay.events.length));
        const current = runs[replay.runId];
        // Moving forward folds only the new events; moving back folds again from the start.
        const view =
          current !== undefined && target >= current.eventCount
            ? foldRunEvents(current, replay.events.slice(current.eventCount, target))
            : foldRunEvents(
                createRunView(replay.runId, { source: 'recorded' }),
                replay.events.slice(0, target),
              );
        set((state) => ({
          runs: { ...state.runs, [replay.runId]: view },
          replay: { ...replay, position: target },
        }));
      },
      selectStep: (path) => {
        set({ selectedPath: path });
      },
      clearError: () => {
        set({ error: undefined });
      },
      dispose: () => {
        unsubscribe();
      },
    };
  });

  unsubscribe = client.subscribe((event) => {
    applyHostEvent(store, event);
  });
  return store;
}

/** Whether a run can still take debugger commands. */
export function isLive(view: RunView): boolean {
  return view.status === 'starting' || view.status === 'running' || view.status === 'paused';
}
