import type { StepNode } from '../model';
import { isBackgroundStep } from '../model';
import type { StepCursor } from './checkpoint';
import type { ContextTx } from './context/contextTx';
import { CancelledError } from './errors';
import type { Frame } from './frame';
import { Interrupt, isInterrupt } from './interrupt';
import { launchBackground } from './launchBackground';
import { applyStepOutput } from './applyStepOutput';
import type { RunState, Where } from './runState';
import type { StepResult } from './runTypes';
import { handlerFor } from './steps/stepHandlers';
import type { StepOutcome } from './steps/stepHandler';
import { unsupportedStep } from './steps/unsupportedStep';

/**
 * Runs one step of any kind in its own transaction on `parentCtx`: debugger gate, events,
 * background launch, the kind's handler, context updates, and the `StepResult`.
 */
export async function runStep(
  step: StepNode,
  input: unknown,
  parentCtx: ContextTx,
  run: RunState,
  where: Where,
  resume?: StepCursor,
): Promise<StepResult> {
  const path = run.pathOf(step);
  let stepInput = input;
  let frame: Frame = {
    path,
    stepName: step.name,
    kind: step.kind,
    ...(where.iteration === undefined ? {} : { iteration: where.iteration }),
    ...(where.branch === undefined ? {} : { branch: where.branch }),
    attempt: 1,
    input,
    context: parentCtx.value,
  };
  const debug = run.options.debug;
  if (debug && resume === undefined) {
    frame = { ...frame, context: parentCtx.seal() };
    const edit = await debug.beforeStep({
      runId: run.runId,
      frames: [...where.frames, frame],
      signal: where.signal,
      emit: (event) => {
        run.emit({ ...event, path, ...coordinates(where) });
      },
    });
    if (edit) {
      const changed: ('input' | 'context')[] = [];
      if (Object.hasOwn(edit, 'input')) {
        stepInput = edit.input;
        changed.push('input');
      }
      if (edit.context !== undefined) {
        parentCtx.replace(edit.context);
        changed.push('context');
      }
      if (changed.length > 0) {
        frame = { ...frame, input: stepInput, context: parentCtx.value };
        run.emit({
          type: 'debug.edited',
          path,
          stepName: step.name,
          changed,
          ...coordinates(where),
        });
      }
    }
  }
  if (where.signal.aborted) {
    throw new Interrupt('cancel', { error: new CancelledError('The run was cancelled.') });
  }
  const started = run.ports.now();
  if (resume === undefined) {
    run.emit({
      type: 'step.started',
      path,
      stepName: step.name,
      kind: step.kind,
      input: stepInput,
      ...coordinates(where),
    });
  }
  if (isBackgroundStep(step) && resume === undefined) {
    const result = launchBackground(step, path, stepInput, parentCtx, run, where, started);
    finish(run, where, frame, result);
    return result;
  }
  const tx = parentCtx.begin();
  const handler = handlerFor(step) ?? unsupportedStep;
  let outcome: StepOutcome;
  try {
    outcome = await handler({
      step,
      path,
      input: stepInput,
      ctx: tx,
      run,
      where,
      frame,
      ...(resume === undefined ? {} : { resume }),
    });
  } catch (error) {
    tx.rollback();
    if (isInterrupt(error)) {
      const own = error.outcome ?? {
        output: undefined,
        success: false,
        feedback: error.message,
        ...(error.reason === 'pause' ? { metadata: { paused: true } } : {}),
      };
      error.outcome = undefined;
      error.partial = [
        buildResult(step, path, where, own, error.partial, run.ports.now() - started),
      ];
    }
    throw error;
  }
  if (outcome.success && outcome.contextApplied !== true) {
    const failure = applyStepOutput(step, outcome.output, tx);
    if (failure !== undefined) outcome = { ...outcome, success: false, feedback: failure };
  }
  if (outcome.success) tx.commit();
  else tx.rollback();
  const result = buildResult(
    step,
    path,
    where,
    outcome,
    outcome.children ?? [],
    run.ports.now() - started,
  );
  finish(run, where, frame, result);
  return result;
}

function finish(run: RunState, where: Where, frame: Frame, result: StepResult): void {
  run.emit({
    type: result.success ? 'step.succeeded' : 'step.failed',
    path: result.path,
    result,
    ...coordinates(where),
  });
  run.options.debug?.afterStep?.({ frames: [...where.frames, frame], result });
}

/** The iteration/branch coordinates of `where`, for events. */
export function coordinates(where: Where): { iteration?: number; branch?: string } {
  if (where.iteration === undefined && where.branch === undefined) return {};
  return {
    ...(where.iteration === undefined ? {} : { iteration: where.iteration }),
    ...(where.branch === undefined ? {} : { branch: where.branch }),
  };
}

/** Builds a StepResult; usage includes the children's. */
export function buildResult(
  step: StepNode,
  path: string,
  where: Where,
  outcome: StepOutcome,
  children: readonly StepResult[],
  latencyMs: number,
): StepResult {
  let tokens = outcome.usage?.tokens ?? 0;
  let costUsd = outcome.usage?.costUsd ?? 0;
  for (const child of children) {
    tokens += child.tokens;
    costUsd += child.costUsd;
  }
  return {
    name: step.name,
    path,
    kind: step.kind,
    output: outcome.output,
    success: outcome.success,
    attempts: outcome.attempts ?? 1,
    latencyMs,
    tokens,
    costUsd,
    ...(outcome.feedback === undefined ? {} : { feedback: outcome.feedback }),
    metadata: outcome.metadata ?? {},
    children,
    ...(where.iteration === undefined ? {} : { iteration: where.iteration }),
    ...(where.branch === undefined ? {} : { branch: where.branch }),
  };
}
