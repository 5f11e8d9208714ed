import type { Scope } from '../expr';

/** The variables templates and expressions of a step see (FLUJO-SPEC §4). */
export function stepScope(input: unknown, context: Readonly<Record<string, unknown>>): Scope {
  const history = context.hitl_history;
  const last =
    Array.isArray(history) && history.length > 0
      ? (history[history.length - 1] as unknown)
      : undefined;
  const resumeInput =
    typeof last === 'object' && last !== null && 'human_response' in last
      ? last.human_response
      : undefined;
  return {
    previous_step: input,
    context,
    steps: context.step_outputs ?? {},
    ...(resumeInput === undefined ? {} : { resume_input: resumeInput }),
  };
}
