import type { StepNode } from '../model';
import { isDict } from './context/contextPath';
import type { ContextTx } from './context/contextTx';

/**
 * Applies a successful step's output to its context (FLUJO-SPEC §8.7): `updates_context` deep-merges
 * a dict output (a `steps` key goes to `step_outputs`), `sink_to` stores it at a path, and
 * `step_outputs[name]` records it for `steps.<name>` templates. Returns a failure message, if any.
 */
export function applyStepOutput(
  step: StepNode,
  output: unknown,
  ctx: ContextTx,
): string | undefined {
  if (step.updates_context === true && isDict(output) && step.sink_to === undefined) {
    const { steps, ...rest } = output;
    const merged = ctx.mergeAt([], rest, 'replace');
    if (!merged.ok) return `Context update failed: ${merged.reason}`;
    if (isDict(steps)) ctx.mergeAt(['step_outputs'], steps, 'replace');
  }
  if (step.sink_to !== undefined) {
    const sunk = ctx.setPath(step.sink_to, output);
    if (!sunk.ok) return `Could not store the output at sink_to '${step.sink_to}': ${sunk.reason}`;
  }
  ctx.setPath(['step_outputs', step.name], output, true);
  return undefined;
}
