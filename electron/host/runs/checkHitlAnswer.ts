import { ValidationError } from '../../../core/engine';
import { validateAgainstSchema } from '../../../core/engine/schemaCheck';
import type { Pipeline } from '../../../core/model';
import { listSteps } from '../../../core/model';
import type { StoredHitlRequest } from '../../../core/store';

/**
 * Checks an answer against the HITL step's `input_schema` before the request is marked answered,
 * so a bad answer leaves the request pending for another try (the engine would refuse it only
 * after the answer was already recorded).
 */
export function checkHitlAnswer(
  pipeline: Pipeline,
  request: StoredHitlRequest,
  answer: unknown,
): void {
  const step = listSteps(pipeline).find((visit) => visit.path === request.request.path)?.step;
  const schema = step?.input_schema;
  if (schema === undefined) return;
  const problem = validateAgainstSchema(answer, schema);
  if (problem === undefined) return;
  throw new ValidationError(
    `The answer to '${request.request.stepName}' does not match its input_schema: ${problem}`,
    { suggestion: 'Answer again with a value of the requested shape.' },
  );
}
