import type { Checkpoint, RunOptions, RunResult } from '../../engine';
import { executePipeline, resumePipeline, toFlujoErrorData } from '../../engine';
import { NO_USAGE } from '../../engine/runTypes';
import type { Pipeline } from '../../model';
import type { RunStore } from '../../store';
import { EventWriter } from '../sqlite';

/** How a recorded run starts: fresh (the run row is created first) or from a stored checkpoint. */
export type RunStart =
  | { readonly kind: 'new'; readonly runId: string; readonly input: unknown }
  | { readonly kind: 'resume'; readonly checkpoint: Checkpoint; readonly answer: unknown };

/**
 * Runs (or resumes) a pipeline in this process and records it: events through an EventWriter in
 * batches, the step result tree, then the pause (checkpoint + pending HITL request) or the final
 * status. The run row must exist (`createRun`, or `answerHitl` for a resume).
 */
export async function executeRecorded(
  store: RunStore,
  pipeline: Pipeline,
  start: RunStart,
  options: Omit<RunOptions, 'checkpoint' | 'input' | 'runId' | 'onEvent' | 'resumeAnswer'>,
): Promise<RunResult> {
  const writer = new EventWriter(store);
  const onEvent = (event: Parameters<EventWriter['push']>[0]): void => {
    writer.push(event);
  };
  let result: RunResult;
  try {
    result =
      start.kind === 'new'
        ? await executePipeline(pipeline, {
            ...options,
            runId: start.runId,
            input: start.input,
            onEvent,
          })
        : await resumePipeline(pipeline, start.checkpoint, start.answer, { ...options, onEvent });
  } catch (error) {
    // The engine reports pipeline failures as results; a throw is a bug, but the run must not
    // stay `running` in the store.
    writer.close();
    const runId = start.kind === 'new' ? start.runId : start.checkpoint.runId;
    store.finishRun(runId, 'failed', {
      error: toFlujoErrorData(error),
      usage: NO_USAGE,
      endedAt: Date.now(),
    });
    throw error;
  }
  writer.close();
  store.saveStepResults(result.runId, result.steps);
  if (result.status === 'paused' && result.checkpoint !== undefined) {
    store.savePause(result.runId, result.checkpoint);
  } else {
    store.finishRun(result.runId, result.status, {
      ...(result.output === undefined ? {} : { output: result.output }),
      ...(result.error === undefined ? {} : { error: result.error }),
      usage: result.usage,
      endedAt: Date.now(),
    });
  }
  return result;
}
