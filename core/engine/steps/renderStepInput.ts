import type { StepNode } from '../../model';
import { isTemplated, render } from '../../expr';
import { stepScope } from '../stepScope';

/**
 * The input a plain step's agent receives on one attempt (FLUJO-SPEC §0.6): a templated string
 * `input:` rendered over the current context (always a string), any other `input:` verbatim, and
 * the previous output when the step has no `input:`.
 */
export function renderStepInput(
  step: StepNode,
  input: unknown,
  context: Readonly<Record<string, unknown>>,
):
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string } {
  const template = step.input;
  if (template === undefined) return { ok: true, value: input };
  if (typeof template !== 'string' || !isTemplated(template)) return { ok: true, value: template };
  const rendered = render(template, stepScope(input, context));
  if (rendered.ok) return { ok: true, value: rendered.text };
  return {
    ok: false,
    message: `The input template of step '${step.name}' could not be rendered: ${rendered.error.message}`,
  };
}
