import type { RunStore } from '../../../core/store';
import type { WorkerDebugOptions } from './workerProtocol';

/**
 * What a run was launched with, kept so a paused run can resume — also after a restart — from the
 * same text. Stored as the setting `run:<runId>` (the run table has no column for the text).
 */
export interface RunLaunchRecord {
  readonly text: string;
  readonly file?: string;
  readonly options: {
    readonly context?: Readonly<Record<string, unknown>>;
    readonly limits?: { readonly totalCostUsd?: number; readonly totalTokens?: number };
    readonly mocks?: Readonly<Record<string, unknown>>;
    readonly debug?: WorkerDebugOptions;
    /** Run from here: the start step and the earlier run whose results replace the steps before it. */
    readonly from?: { readonly path: string; readonly baseRunId: string };
  };
}

const keyOf = (runId: string): string => `run:${runId}`;

/** Stores a run's launch record. */
export function saveLaunchRecord(store: RunStore, runId: string, record: RunLaunchRecord): void {
  store.setSetting(keyOf(runId), record);
}

/** A run's launch record, or `undefined` for a run the studio did not launch. */
export function readLaunchRecord(store: RunStore, runId: string): RunLaunchRecord | undefined {
  const value = store.getSetting(keyOf(runId));
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Partial<RunLaunchRecord>;
  return typeof record.text === 'string' ? (value as RunLaunchRecord) : undefined;
}
