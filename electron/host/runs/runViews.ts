import { assertNever } from '../../../core/model';
import type { RunRecord, RunStore, StoredHitlRequest } from '../../../core/store';
import type { ChannelResponse } from '../../../shared';

/** A run as the history list shows it. */
export type RunSummaryView = ChannelResponse<'runs.list'>['runs'][number];

/** A pending HITL request as the renderer shows it. */
export type PendingHitlView = ChannelResponse<'hitl.pending'>['requests'][number];

/** The contract's view of a stored run (cost and tokens default to 0 until the run ends). */
export function runSummaryOf(record: RunRecord): RunSummaryView {
  const base = {
    runId: record.runId,
    pipelineName: record.pipelineName,
    ...(record.file === undefined ? {} : { file: record.file }),
    status: record.status,
    startedAt: record.startedAt,
    ...(record.endedAt === undefined ? {} : { endedAt: record.endedAt }),
    costUsd: record.usage?.costUsd ?? 0,
    tokens: record.usage?.tokens ?? 0,
  };
  switch (record.status) {
    case 'succeeded':
      return { ...base, output: record.output };
    case 'failed': {
      const { code, message, suggestion } = record.error;
      return {
        ...base,
        error: { code, message, ...(suggestion === undefined ? {} : { suggestion }) },
      };
    }
    case 'running':
    case 'paused':
    case 'cancelled':
    case 'interrupted':
      return base;
    default:
      return assertNever(record);
  }
}

/** The contract's view of a pending HITL request, with its run's pipeline name and file. */
export function pendingHitlOf(store: RunStore, stored: StoredHitlRequest): PendingHitlView {
  const run = store.getRun(stored.runId);
  const { request } = stored;
  return {
    requestId: stored.requestId,
    runId: stored.runId,
    ...(run?.file === undefined ? {} : { file: run.file }),
    pipelineName: run?.pipelineName ?? 'pipeline',
    stepName: request.stepName,
    path: request.path,
    message: request.message,
    ...(request.inputSchema === undefined ? {} : { inputSchema: request.inputSchema }),
    createdAt: stored.createdAt,
  };
}
