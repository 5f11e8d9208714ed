import type { Pipeline } from '../model';
import { listSteps } from '../model';
import type { Checkpoint } from './checkpoint';
import { ConfigurationError, ValidationError } from './errors';
import { executePipeline } from './executePipeline';
import type { RunOptions } from './runOptions';
import type { RunResult } from './runTypes';
import { validateAgainstSchema } from './schemaCheck';

const consumed = new Set<string>();
const MAX_REMEMBERED = 10_000;

/**
 * Continues a paused run at its HITL step with `humanInput` (FLUJO-SPEC §8.11), also in a new
 * process. The answer is validated against the step's `input_schema` first (a bad answer throws a
 * ValidationError and leaves the checkpoint usable); a checkpoint resumes once per process (the
 * host's store makes that durable).
 */
export async function resumePipeline(
  pipeline: Pipeline,
  checkpoint: Checkpoint,
  humanInput: unknown,
  options: Omit<RunOptions, 'checkpoint' | 'input' | 'runId'> = {},
): Promise<RunResult> {
  if (consumed.has(checkpoint.id)) {
    throw new ConfigurationError(`This pause of run ${checkpoint.runId} was already answered.`, {
      suggestion: 'Open the run to see the answer it got; a checkpoint resumes once.',
    });
  }
  const step = listSteps(pipeline).find((visit) => visit.path === checkpoint.hitl.path)?.step;
  // A step inside an imported child is not in `pipeline`: the checkpoint carries its schema.
  const schema = step?.input_schema ?? checkpoint.hitl.inputSchema;
  if (typeof schema === 'object' && schema !== null) {
    const problem = validateAgainstSchema(humanInput, schema as Readonly<Record<string, unknown>>);
    if (problem !== undefined) {
      throw new ValidationError(
        `The answer to '${checkpoint.hitl.stepName}' does not match its input_schema: ${problem}`,
        {
          suggestion: 'Answer again with a value of the requested shape.',
        },
      );
    }
  }
  consumed.add(checkpoint.id);
  if (consumed.size > MAX_REMEMBERED) consumed.delete(consumed.values().next().value ?? '');
  return executePipeline(pipeline, { ...options, checkpoint, resumeAnswer: { value: humanInput } });
}
