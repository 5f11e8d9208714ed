/**
 * The built-in `PipelineContext` fields of FLUJO-SPEC §8.1 for a new run, with the caller's initial
 * context merged over them; `initial_prompt` is the input (non-strings as JSON).
 */
export function initialContext(
  runId: string,
  input: unknown,
  context: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  return {
    run_id: runId,
    initial_prompt:
      typeof input === 'string' ? input : input === undefined ? '' : JSON.stringify(input),
    status: 'running',
    hitl_history: [],
    conversation_history: [],
    command_log: [],
    step_outputs: {},
    import_artifacts: {},
    ...context,
  };
}
