import type { StepNode } from '../../model';
import { render } from '../../expr';
import { ValidationError } from '../errors';
import { Interrupt } from '../interrupt';
import { coordinates } from '../runStep';
import { stepScope } from '../stepScope';
import { validateAgainstSchema } from '../schemaCheck';
import type { StepCall, StepOutcome } from './stepHandler';

/**
 * A HITL pause (`kind: hitl`, or `flujo.builtins.ask_user`): without an answer it raises a pause with
 * the rendered message; on resume it validates the answer against `input_schema`, records it in
 * `hitl_history` and returns it as the step's output (FLUJO-SPEC §8.11). `message` is a template
 * (`hitl`'s `message:`) unless `literal` (ask_user's already rendered input); without one the
 * message is the step input.
 */
export function humanInput(
  call: StepCall,
  message: string | undefined,
  options: { readonly literal?: boolean } = {},
): Promise<StepOutcome> {
  const { step, run, ctx, path } = call;
  const text =
    options.literal === true && message !== undefined
      ? message
      : renderMessage(step, message, call.input, ctx.value);
  const answer = call.resume?.kind === 'hitl' ? run.resumeAnswer : undefined;
  if (answer === undefined) {
    const inputSchema = step.input_schema;
    run.emit({
      type: 'hitl.requested',
      path,
      stepName: step.name,
      message: text,
      ...(inputSchema === undefined ? {} : { inputSchema }),
      ...coordinates(call.where),
    });
    return Promise.reject(
      new Interrupt('pause', {
        hitl: {
          path,
          stepName: step.name,
          message: text,
          ...(inputSchema === undefined ? {} : { inputSchema }),
        },
        cursor: { kind: 'hitl' },
      }),
    );
  }
  run.resumeAnswer = undefined;
  const value = answer.value;
  if (step.input_schema !== undefined) {
    const problem = validateAgainstSchema(value, step.input_schema);
    if (problem !== undefined) {
      return Promise.reject(
        new ValidationError(
          `The answer to '${step.name}' does not match its input_schema: ${problem}`,
          {
            suggestion: 'Answer again with a value of the requested shape.',
          },
        ),
      );
    }
  }
  const history: readonly unknown[] = Array.isArray(ctx.value.hitl_history)
    ? (ctx.value.hitl_history as unknown[])
    : [];
  ctx.setPath(
    ['hitl_history'],
    [
      ...history,
      {
        message_to_human: text,
        human_response: value,
        timestamp: new Date(run.ports.now()).toISOString(),
      },
    ],
  );
  ctx.setPath(['status'], 'running');
  ctx.setPath(['user_input'], value);
  run.emit({
    type: 'hitl.answered',
    path,
    stepName: step.name,
    answer: value,
    ...coordinates(call.where),
  });
  return Promise.resolve({ output: value, success: true });
}

function renderMessage(
  step: StepNode,
  message: string | undefined,
  input: unknown,
  context: Readonly<Record<string, unknown>>,
): string {
  if (message === undefined) return defaultMessage(step, input);
  const rendered = render(message, stepScope(input, context));
  return rendered.ok ? rendered.text : message;
}

/** Flujo's default message is `str(input)`; an empty input gets a generic prompt instead. */
function defaultMessage(step: StepNode, input: unknown): string {
  if (typeof input === 'string' && input.trim() !== '') return input;
  if (input !== undefined && input !== null && typeof input !== 'string')
    return JSON.stringify(input);
  return `Step '${step.name}' needs your input.`;
}
