import type { Pipeline } from '../model';
import { evaluate, isTruthy } from '../expr';
import type { Checkpoint, PipelineCursor } from './checkpoint';
import { jsonClone } from './checkpoint';
import { ContextTx } from './context/contextTx';
import { defaultPorts } from './defaultPorts';
import type { FlujoErrorData } from './errors';
import { CancelledError, ExecutionError, toFlujoErrorData } from './errors';
import { initialContext } from './initialContext';
import { isInterrupt } from './interrupt';
import { nestedHitlError } from './nestedHitlGuard';
import type { AfterStepCheck } from './runPipeline';
import { runPipeline } from './runPipeline';
import type { RunOptions } from './runOptions';
import { RunState } from './runState';
import type { Where } from './runState';
import type { RunResult, StepResult } from './runTypes';
import { stepScope } from './stepScope';

/**
 * Runs a pipeline to its end, a pause, a cancellation or a failure (issue 4's public API). Never
 * throws for a pipeline problem: failures come back as a `failed` RunResult with a FlujoError.
 */
export async function executePipeline(
  pipeline: Pipeline,
  options: RunOptions = {},
): Promise<RunResult> {
  const ports = { ...defaultPorts(), ...options.ports };
  const checkpoint = options.checkpoint;
  const runId = checkpoint?.runId ?? options.runId ?? ports.randomId();
  const run = new RunState(runId, pipeline, options, ports, checkpoint?.seq ?? 0);
  const input = checkpoint ? checkpoint.input : options.input;
  const ctx = ContextTx.create(
    checkpoint
      ? jsonClone(checkpoint.cursor.context)
      : initialContext(runId, input, options.context),
  );
  if (checkpoint) {
    run.meter.costUsd = checkpoint.usage.costUsd;
    run.meter.tokens = checkpoint.usage.tokens;
  }
  const refused = nestedHitlError(pipeline);
  if (refused) return finishFailed(run, ctx, [], refused.toData());
  const onAbort = (): void => {
    run.controller.abort(new CancelledError('The run was cancelled.'));
  };
  if (options.signal?.aborted === true) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  options.debug?.attach?.({ runId, cancel: onAbort });
  if (checkpoint)
    run.emit({
      type: 'run.resumed',
      path: checkpoint.hitl.path,
      stepName: checkpoint.hitl.stepName,
    });
  else
    run.emit({ type: 'run.started', path: '', pipelineName: pipeline.name ?? 'pipeline', input });
  const where: Where = {
    frames: [],
    signal: run.controller.signal,
    meters: [run.meter],
    ...(options.file === undefined ? {} : { file: options.file }),
  };
  try {
    const outcome = await runPipeline(
      pipeline.steps,
      input,
      ctx,
      run,
      where,
      checkpoint?.cursor,
      invariantCheck(pipeline),
    );
    await Promise.all(run.background);
    if (outcome.success) {
      run.emit({ type: 'run.succeeded', path: '', output: outcome.output, usage: run.usage });
      return {
        runId,
        status: 'succeeded',
        output: outcome.output,
        steps: outcome.results,
        context: ctx.value,
        usage: run.usage,
      };
    }
    return finishFailed(run, ctx, outcome.results, failureOf(outcome.failed));
  } catch (error) {
    await Promise.allSettled(run.background);
    if (!isInterrupt(error)) return finishFailed(run, ctx, [], toFlujoErrorData(error));
    if (error.reason === 'pause' && error.hitl && error.pipelineCursor) {
      const paused: Checkpoint = {
        version: 1,
        id: ports.randomId(),
        runId,
        pipelineName: pipeline.name ?? 'pipeline',
        input: jsonClone(input),
        usage: run.usage,
        seq: run.lastSeq + 1,
        hitl: error.hitl,
        cursor: error.pipelineCursor,
      };
      ctx.setPath(['status'], 'paused');
      ctx.setPath(['pause_message'], error.hitl.message);
      ctx.setPath(['paused_step_input'], innermostInput(error.pipelineCursor));
      ctx.setPath(['hitl_data'], { last_hitl_step: error.hitl.stepName });
      run.emit({
        type: 'run.paused',
        path: error.hitl.path,
        stepName: error.hitl.stepName,
        message: error.hitl.message,
      });
      return {
        runId,
        status: 'paused',
        steps: error.partial,
        context: ctx.value,
        usage: run.usage,
        checkpoint: paused,
      };
    }
    if (error.reason === 'cancel') {
      run.emit({ type: 'run.cancelled', path: '', reason: error.message });
      return {
        runId,
        status: 'cancelled',
        error: (error.error ?? new CancelledError('The run was cancelled.')).toData(),
        steps: error.partial,
        context: ctx.value,
        usage: run.usage,
      };
    }
    return finishFailed(
      run,
      ctx,
      error.partial,
      (error.error ?? new ExecutionError(error.message)).toData(),
    );
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    options.debug?.detach?.();
  }
}

function finishFailed(
  run: RunState,
  ctx: ContextTx,
  steps: readonly StepResult[],
  error: FlujoErrorData,
): RunResult {
  run.emit({ type: 'run.failed', path: '', error, usage: run.usage });
  return { runId: run.runId, status: 'failed', error, steps, context: ctx.value, usage: run.usage };
}

/** The run's error for a failed step: the innermost recorded FlujoError, else an ExecutionError. */
function failureOf(failed: StepResult | undefined): FlujoErrorData {
  if (failed === undefined) return { code: 'ExecutionError', message: 'The pipeline failed.' };
  const recorded = innermostError(failed);
  const feedback = failed.feedback ?? 'it failed';
  if (recorded !== undefined)
    return { ...recorded, message: `Step '${failed.name}' failed: ${feedback}` };
  return { code: 'ExecutionError', message: `Step '${failed.name}' failed: ${feedback}` };
}

function innermostError(result: StepResult): FlujoErrorData | undefined {
  for (let index = result.children.length - 1; index >= 0; index -= 1) {
    const child = result.children[index];
    if (child && !child.success) {
      const inner = innermostError(child);
      if (inner) return inner;
    }
  }
  const error = result.metadata.error;
  return typeof error === 'object' && error !== null && 'code' in error
    ? (error as FlujoErrorData)
    : undefined;
}

function invariantCheck(pipeline: Pipeline): AfterStepCheck | undefined {
  const expressions = (pipeline.static_invariants ?? []).filter(
    (entry): entry is string => typeof entry === 'string',
  );
  if (expressions.length === 0) return undefined;
  return (result, ctx) => {
    for (const expression of expressions) {
      const evaluated = evaluate(expression, stepScope(result.output, ctx.value));
      if (!evaluated.ok) return `Invariant violated: ${expression} (${evaluated.error.message})`;
      if (!isTruthy(evaluated.value)) return `Invariant violated: ${expression}`;
    }
    return undefined;
  };
}

/** The input of the paused step itself: the innermost cursor's input. */
function innermostInput(cursor: PipelineCursor): unknown {
  let current = cursor;
  for (;;) {
    const inner = current.inner;
    const next =
      inner.kind === 'loop' ||
      inner.kind === 'map' ||
      inner.kind === 'branch' ||
      inner.kind === 'state'
        ? inner.body
        : inner.kind === 'import'
          ? inner.child
          : undefined;
    if (next === undefined) return jsonClone(current.input);
    current = next;
  }
}
