import type { StepNode } from '../../model';
import { ConfigurationError } from '../errors';
import type { RunState } from '../runState';

/**
 * Calls an import-path callable of a container (mapper, condition, exit condition) through the skill
 * runner: a JS skill of the same name stands in for the Python callable (DECISIONS 9).
 */
export async function callMapper(
  step: StepNode,
  purpose: string,
  reference: string,
  input: unknown,
  context: unknown,
  run: RunState,
  signal: AbortSignal,
): Promise<unknown> {
  const skills = run.options.skills;
  if (skills === undefined || !(await skills.has(reference))) {
    throw new ConfigurationError(
      `The ${purpose} ${reference} of step '${step.name}' is a Python callable the studio cannot run.`,
      {
        suggestion:
          'Use the expression form (e.g. exit_expression, condition_expression), or add a JS skill of the same name under skills/.',
      },
    );
  }
  return skills.run(reference, {
    input,
    context: JSON.parse(JSON.stringify(context)) as unknown,
    signal,
  });
}
