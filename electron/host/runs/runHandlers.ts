import type { RunStore } from '../../../core/store';
import type { ChannelHandlers } from '../../../shared';
import { HostFailure } from '../hostFailure';
import { settle } from '../settle';
import type { RunManager } from './runManager';
import { pendingHitlOf, runSummaryOf } from './runViews';

type RunChannel =
  | 'runs.start'
  | 'runs.cancel'
  | 'runs.debug'
  | 'runs.editFrame'
  | 'runs.setBreakpoints'
  | 'runs.list'
  | 'runs.get'
  | 'runs.events'
  | 'hitl.pending'
  | 'hitl.answer';

const OK = { ok: true as const };

function unknownRun(runId: string): HostFailure {
  return new HostFailure('NotFound', `There is no run with id ${runId}.`);
}

/** Starting, steering and reading runs, and answering human-input requests. */
export function runHandlers(store: RunStore, runs: RunManager): Pick<ChannelHandlers, RunChannel> {
  return {
    'runs.start': async (request) => ({ runId: await runs.start(request) }),
    'runs.cancel': ({ runId }) =>
      settle(() => {
        runs.cancel(runId);
        return OK;
      }),
    'runs.debug': ({ runId, command }) =>
      settle(() => {
        runs.send(runId, { type: 'debug', command });
        return OK;
      }),
    'runs.editFrame': ({ runId, input, context }) =>
      settle(() => {
        runs.send(runId, {
          type: 'editFrame',
          ...(input === undefined ? {} : { input }),
          ...(context === undefined ? {} : { context }),
        });
        return OK;
      }),
    'runs.setBreakpoints': ({ runId, breakpoints }) =>
      settle(() => {
        runs.send(runId, { type: 'setBreakpoints', breakpoints });
        return OK;
      }),
    'runs.list': ({ file, status, limit }) =>
      settle(() => ({
        runs: store
          .listRuns({
            ...(file === undefined ? {} : { file }),
            ...(status === undefined ? {} : { status }),
            ...(limit === undefined ? {} : { limit }),
          })
          .map(runSummaryOf),
      })),
    'runs.get': ({ runId }) =>
      settle(() => {
        const record = store.getRun(runId);
        if (record === undefined) throw unknownRun(runId);
        return { run: runSummaryOf(record), steps: store.readStepResults(runId) };
      }),
    'runs.events': ({ runId, afterSeq }) =>
      settle(() => {
        if (store.getRun(runId) === undefined) throw unknownRun(runId);
        return { events: store.readEvents(runId, afterSeq === undefined ? {} : { afterSeq }) };
      }),
    'hitl.pending': () =>
      settle(() => ({
        requests: store.listPendingHitl().map((stored) => pendingHitlOf(store, stored)),
      })),
    'hitl.answer': async ({ requestId, answer }) => ({
      runId: await runs.answer(requestId, answer),
    }),
  };
}
