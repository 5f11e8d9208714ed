import type { StepNode } from '../../model';
import type { ContextTx } from '../context/contextTx';
import { ConfigurationError, describeCause } from '../errors';
import type { RunState } from '../runState';

/**
 * Runs a step's `validators` (import paths) through the skill runner — a JS skill of the same name
 * stands in for a Python validator (DECISIONS 9). A validator answers `true`/`false` or
 * `{ is_valid, feedback }`. Returns why the output is invalid, or undefined.
 */
export async function checkValidators(
  step: StepNode,
  output: unknown,
  ctx: ContextTx,
  run: RunState,
  signal: AbortSignal,
): Promise<string | undefined> {
  const validators = step.validators;
  if (validators === undefined || validators.length === 0) return undefined;
  const skills = run.options.skills;
  for (const reference of validators) {
    if (skills === undefined || !(await skills.has(reference))) {
      throw new ConfigurationError(
        `The validator ${reference} of step '${step.name}' cannot run in the studio.`,
        {
          suggestion: 'Add a JS skill of the same name under skills/, or mock the step.',
        },
      );
    }
    let verdict: unknown;
    try {
      verdict = await skills.run(reference, {
        input: output,
        context: JSON.parse(JSON.stringify(ctx.value)) as unknown,
        signal,
      });
    } catch (error) {
      return `${reference} raised ${describeCause(error)}`;
    }
    if (verdict === false) return `${reference} rejected the output`;
    if (
      typeof verdict === 'object' &&
      verdict !== null &&
      'is_valid' in verdict &&
      verdict.is_valid === false
    ) {
      const feedback = 'feedback' in verdict ? String(verdict.feedback) : 'rejected the output';
      return `${reference}: ${feedback}`;
    }
  }
  return undefined;
}
