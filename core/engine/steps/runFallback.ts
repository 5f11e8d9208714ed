import type { Where } from '../runState';
import { runStep } from '../runStep';
import type { StepCall, StepOutcome } from './stepHandler';

/**
 * After a step's last failed attempt (or a validator failure), runs its `fallback` once with the same
 * input (FLUJO-SPEC §8.3), counting against the same budgets (`where`) as the primary. Returns
 * `failed` unchanged when there is no fallback.
 */
export async function runFallback(
  call: StepCall,
  failed: StepOutcome,
  where: Where = call.where,
): Promise<StepOutcome> {
  const fallback = call.step.fallback;
  if (fallback === undefined) return failed;
  const result = await runStep(fallback, call.input, call.ctx, call.run, {
    ...where,
    inFallback: true,
  });
  const attempts = (failed.attempts ?? 1) + result.attempts;
  const originalError = failed.feedback ?? 'failed';
  if (result.success) {
    return {
      output: result.output,
      success: true,
      attempts,
      ...(failed.usage === undefined ? {} : { usage: failed.usage }),
      children: [result],
      metadata: { ...failed.metadata, fallback_triggered: true, original_error: originalError },
    };
  }
  return {
    output: result.output,
    success: false,
    attempts,
    ...(failed.usage === undefined ? {} : { usage: failed.usage }),
    children: [result],
    feedback: `Original error: ${originalError}; Fallback error: ${result.feedback ?? 'failed'}`,
    metadata: { ...failed.metadata, fallback_triggered: true, original_error: originalError },
  };
}
