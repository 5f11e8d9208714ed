import type { StepNode } from '../model';
import type { PipelineCursor } from './checkpoint';
import { jsonClone } from './checkpoint';
import type { ContextTx } from './context/contextTx';
import { isInterrupt } from './interrupt';
import type { RunState, Where } from './runState';
import type { StepResult } from './runTypes';
import { runStep } from './runStep';

/** The outcome of running a list of steps in order. */
export interface PipelineOutcome {
  readonly success: boolean;
  /** The last step's output (the input when the list is empty). */
  readonly output: unknown;
  readonly results: readonly StepResult[];
  /** The step that failed, when one did. */
  readonly failed?: StepResult;
}

/** Checked after every successful step of this list (pipeline-level `static_invariants`). */
export type AfterStepCheck = (result: StepResult, ctx: ContextTx) => string | undefined;

/**
 * Runs `steps` in order on `ctx`, each output feeding the next step; stops at the first failure.
 * With `resume`, starts at the paused step with the state the cursor recorded.
 */
export async function runPipeline(
  steps: readonly StepNode[],
  input: unknown,
  ctx: ContextTx,
  run: RunState,
  where: Where,
  resume?: PipelineCursor,
  afterStep?: AfterStepCheck,
): Promise<PipelineOutcome> {
  let current = input;
  let start = 0;
  const results: StepResult[] = [];
  if (resume) {
    start = resume.index;
    current = resume.input;
    ctx.replace(jsonClone(resume.context));
    results.push(...resume.results);
  }
  for (let index = start; index < steps.length; index += 1) {
    const step = steps[index];
    if (step === undefined) continue;
    let result: StepResult;
    try {
      result = await runStep(
        step,
        current,
        ctx,
        run,
        where,
        index === start ? resume?.inner : undefined,
      );
    } catch (error) {
      if (isInterrupt(error)) {
        if (error.reason === 'pause' && error.stepCursor) {
          error.pipelineCursor = {
            index,
            input: jsonClone(current),
            context: jsonClone(ctx.value),
            results: jsonClone(results),
            inner: error.stepCursor,
          };
          error.stepCursor = undefined;
        }
        error.partial = [...results, ...error.partial];
      }
      throw error;
    }
    const violation = result.success && afterStep ? afterStep(result, ctx) : undefined;
    if (violation !== undefined) {
      const failed = { ...result, success: false, feedback: violation };
      results.push(failed);
      return { success: false, output: result.output, results, failed };
    }
    results.push(result);
    if (!result.success) return { success: false, output: result.output, results, failed: result };
    current = result.output;
  }
  return { success: true, output: current, results };
}
