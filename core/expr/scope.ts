/**
 * The variables templates and expressions read. Values are plain data (JSON-like; `Map`s work
 * as dicts); only own keys are ever read. Extra names (e.g. `iteration`) may be added.
 */
export interface Scope {
  /** Input of the current step: the previous step's output (the pipeline input for the first). */
  readonly previous_step?: unknown;
  /** Step name → that step's raw output; `steps.x`, `steps.x.output|result|value` all read it. */
  readonly steps?: unknown;
  /** The pipeline context (a dict); an unknown top-level key falls back to `steps.<key>`. */
  readonly context?: unknown;
  /** The last human answer of a HITL step, when there is one. */
  readonly resume_input?: unknown;
  /** Any extra variable a caller provides. */
  readonly [name: string]: unknown;
}
