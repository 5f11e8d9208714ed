import type { Checkpoint, HitlRequest } from '../../engine/checkpoint';
import type { FlujoErrorData } from '../../engine/errors';
import type { Usage } from '../../engine/runTypes';
import type { RunRecord, StoredHitlRequest, StoredRunStatus } from '../../store';
import { runRecordOf } from '../../store';

/** A `runs` row. */
export interface RunRow {
  readonly run_id: string;
  readonly pipeline_name: string;
  readonly file: string | null;
  readonly input: string | null;
  readonly status: StoredRunStatus;
  readonly started_at: number;
  readonly ended_at: number | null;
  readonly pid: number | null;
  readonly output: string | null;
  readonly error: string | null;
  readonly usage: string | null;
}

/** A `hitl_requests` row. */
export interface HitlRow {
  readonly id: string;
  readonly run_id: string;
  readonly checkpoint_id: string;
  readonly request: string;
  readonly status: 'pending' | 'answered';
  readonly created_at: number;
  readonly answer: string | null;
  readonly answered_at: number | null;
}

/** JSON text of a value; `null` (SQL NULL) for `undefined`. */
export function toJson(value: unknown): string | null {
  const text = JSON.stringify(value) as string | undefined;
  return text ?? null;
}

/** The value of JSON text; `undefined` for SQL NULL. */
export function fromJson(text: string | null): unknown {
  return text === null ? undefined : JSON.parse(text);
}

/** The RunRecord of a `runs` row. */
export function runOfRow(row: RunRow): RunRecord {
  return runRecordOf(
    {
      runId: row.run_id,
      pipelineName: row.pipeline_name,
      ...(row.file === null ? {} : { file: row.file }),
      input: fromJson(row.input),
      startedAt: row.started_at,
      ...(row.ended_at === null ? {} : { endedAt: row.ended_at }),
      ...(row.pid === null ? {} : { pid: row.pid }),
      ...(row.usage === null ? {} : { usage: fromJson(row.usage) as Usage }),
    },
    row.status,
    fromJson(row.output),
    fromJson(row.error) as FlujoErrorData | undefined,
  );
}

/** The StoredHitlRequest of a `hitl_requests` row. */
export function hitlOfRow(row: HitlRow): StoredHitlRequest {
  const base = {
    requestId: row.id,
    runId: row.run_id,
    checkpointId: row.checkpoint_id,
    request: JSON.parse(row.request) as HitlRequest,
    createdAt: row.created_at,
  };
  if (row.status === 'pending') return { ...base, status: 'pending' };
  return {
    ...base,
    status: 'answered',
    answer: fromJson(row.answer),
    answeredAt: row.answered_at ?? row.created_at,
  };
}

/** The Checkpoint stored in a `checkpoints.checkpoint` column. */
export function checkpointOfText(text: string): Checkpoint {
  return JSON.parse(text) as Checkpoint;
}
