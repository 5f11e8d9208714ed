import type { StepNode } from '../model';
import { isBackgroundStep } from '../model';
import type { StepCursor } from './checkpoint';
import type { ContextTx } from './context/contextTx';
import { CancelledError } from './errors';
import type { Frame } from './frame';
import { Interrupt, isInterrupt } from './interrupt';
import { launchBackground } from './launchBackground';
import { applyStepOutput } from './applyStepOutput';
import type { EventDraft, RunState, Where } from './runState';
import type { StepResult } from './runTypes';
import { handlerFor } from './steps/stepHandlers';
import type { StepHandler, StepOutcome } from './steps/stepHandler';
import { withStepMeter } from './usageGovernor';
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
  if (run.replay?.active === true) {
    const replayed = await run.replay.replay(step, path, input, parentCtx, run, where);
    if (replayed !== undefined) return replayed;
  }
  let stepInput = input;
  let frame = newFrame(path, step, where, input, parentCtx.value);
  const debug = run.options.debug;
  // False when the session said nothing can stop at this step (it then sees neither call).
  let gated = true;
  if (debug && resume === undefined) {
    if (debug.passes?.(path) === true) {
      gated = false;
      // A container's frame stays a snapshot: a stop inside it shows the frame later.
      if (!isLeaf(step)) frame = { ...frame, context: parentCtx.seal() };
    } else {
      frame = { ...frame, context: parentCtx.seal() };
      const pending = debug.beforeStep({
        runId: run.runId,
        frames: [...where.frames, frame],
        signal: where.signal,
        emit: (event) => {
          run.emit({ ...event, path, ...coordinates(where) });
        },
      });
      const edit = isPromiseLike(pending) ? await pending : pending;
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
          frame = newFrame(path, step, where, stepInput, parentCtx.value);
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
  }
  if (where.signal.aborted) {
    throw new Interrupt('cancel', { error: new CancelledError('The run was cancelled.') });
  }
  const started = run.ports.now();
  if (resume === undefined && run.emitting) {
    const event: EventDraft = {
      type: 'step.started',
      path,
      stepName: step.name,
      kind: step.kind,
      input: stepInput,
    };
    run.emit(withCoordinates(event, where));
  }
  if (isBackgroundStep(step) && resume === undefined) {
    const result = launchBackground(step, path, stepInput, parentCtx, run, where, started);
    const debugging = finish(run, where, frame, result, gated);
    if (debugging) await debugging;
    return result;
  }
  const tx = parentCtx.begin();
  const handler = mockedStep(step, path, run) ?? handlerFor(step) ?? unsupportedStep;
  const stepWhere = withStepMeter(where, step);
  let outcome: StepOutcome;
  try {
    outcome = await handler(
      resume === undefined
        ? { step, path, input: stepInput, ctx: tx, run, where: stepWhere, frame }
        : { step, path, input: stepInput, ctx: tx, run, where: stepWhere, frame, resume },
    );
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
  const debugging = finish(run, where, frame, result, gated);
  if (debugging) await debugging;
  return result;
}

/** A handler returning the pinned output of a mocked step of any kind (`options.mocks[path]`). */
function mockedStep(step: StepNode, path: string, run: RunState): StepHandler | undefined {
  const mocks = run.options.mocks;
  if (mocks === undefined || step.kind === 'step' || !Object.hasOwn(mocks, path)) return undefined;
  const output = mocks[path];
  return () => Promise.resolve({ output, success: true, metadata: { mocked: true } });
}

/** Emits the step's final event and tells the debugger; a promise while the debugger holds the run. */
function finish(
  run: RunState,
  where: Where,
  frame: Frame,
  result: StepResult,
  gated: boolean,
): Promise<void> | undefined {
  if (run.emitting) {
    const event: EventDraft = result.success
      ? { type: 'step.succeeded', path: result.path, result }
      : { type: 'step.failed', path: result.path, result };
    run.emit(withCoordinates(event, where));
  }
  const afterStep = gated ? run.options.debug?.afterStep : undefined;
  if (afterStep === undefined) return undefined;
  return (
    afterStep({
      frames: [...where.frames, frame],
      result,
      signal: where.signal,
      emit: (event) => {
        run.emit(withCoordinates({ ...event, path: result.path }, where));
      },
    }) ?? undefined
  );
}

/** A step without child steps (whose frame no inner stop shows): a plain step or a HITL step. */
function isLeaf(step: StepNode): boolean {
  if (step.kind === 'hitl') return true;
  return step.kind === 'step' && step.uses?.trim().startsWith('imports.') !== true;
}

function isPromiseLike<T>(value: PromiseLike<T> | T): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

function newFrame(
  path: string,
  step: StepNode,
  where: Where,
  input: unknown,
  context: Readonly<Record<string, unknown>>,
): Frame {
  const { iteration, branch } = where;
  if (iteration === undefined && branch === undefined) {
    return { path, stepName: step.name, kind: step.kind, attempt: 1, input, context };
  }
  if (branch === undefined) {
    return { path, stepName: step.name, kind: step.kind, iteration, attempt: 1, input, context };
  }
  if (iteration === undefined) {
    return { path, stepName: step.name, kind: step.kind, branch, attempt: 1, input, context };
  }
  return {
    path,
    stepName: step.name,
    kind: step.kind,
    iteration,
    branch,
    attempt: 1,
    input,
    context,
  };
}

const NO_METADATA: Readonly<Record<string, unknown>> = Object.freeze({});

const NO_COORDINATES: { iteration?: number; branch?: string } = Object.freeze({});

/** The iteration/branch coordinates of `where`, for events (shared and frozen when there are none). */
export function coordinates(where: Where): { iteration?: number; branch?: string } {
  const { iteration, branch } = where;
  if (iteration === undefined) return branch === undefined ? NO_COORDINATES : { branch };
  return branch === undefined ? { iteration } : { iteration, branch };
}

/** Adds `where`'s coordinates to a fresh event draft in place (no copy) and returns it. */
export function withCoordinates(draft: EventDraft, where: Where): EventDraft {
  const target = draft as { iteration?: number; branch?: string };
  if (where.iteration !== undefined) target.iteration = where.iteration;
  if (where.branch !== undefined) target.branch = where.branch;
  return draft;
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
  const usage = outcome.usage;
  let tokens = usage === undefined ? 0 : usage.tokens;
  let costUsd = usage === undefined ? 0 : usage.costUsd;
  for (const child of children) {
    tokens += child.tokens;
    costUsd += child.costUsd;
  }
  const result: {
    -readonly [K in keyof StepResult]: StepResult[K];
  } = {
    name: step.name,
    path,
    kind: step.kind,
    output: outcome.output,
    success: outcome.success,
    attempts: outcome.attempts ?? 1,
    latencyMs,
    tokens,
    costUsd,
    metadata: outcome.metadata ?? NO_METADATA,
    children,
  };
  if (outcome.feedback !== undefined) result.feedback = outcome.feedback;
  if (where.iteration !== undefined) result.iteration = where.iteration;
  if (where.branch !== undefined) result.branch = where.branch;
  return result;
}
