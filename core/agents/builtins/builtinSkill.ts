/** Access a built-in has to the run's pipeline context (implemented by the engine). */
export interface SkillContext {
  /** The current context (plain JSON-like object); treat as read-only. */
  read(): Readonly<Record<string, unknown>>;
  /** Sets a dotted path; intermediate segments must exist (top-level new keys allowed). Returns an error message on failure. */
  setPath(path: string, value: unknown): { ok: true } | { ok: false; reason: string };
  /** Deep-merges a dict into the dict at `path` (creating it as {} when missing). */
  mergePath(
    path: string,
    value: Readonly<Record<string, unknown>>,
  ): { ok: true; mergedKeys: readonly string[] } | { ok: false; reason: string };
}

/** One invocation of a built-in: its bound arguments, the run's context and a cancellation signal. */
export interface SkillCall {
  readonly args: Readonly<Record<string, unknown>>;
  readonly context: SkillContext;
  readonly signal?: AbortSignal;
}

/** A deterministic `flujo.builtins.*` skill (FLUJO-SPEC §6) implemented in TypeScript. */
export interface BuiltinSkill {
  /** Full id, e.g. `flujo.builtins.to_csv`. */
  readonly id: string;
  /** Python parameter names in order, excluding `context` (the binding order of §6). */
  readonly parameters: readonly string[];
  /** Parameters that must be bound (by params, a dict input or the positional input). */
  readonly required?: readonly string[];
  /** Runs the skill; may return a Promise; throws SkillError on bad input. */
  readonly run: (call: SkillCall) => unknown;
}

/** Options of a SkillError. */
export interface SkillErrorOptions {
  /** What to pass instead, when it does not fit in the message. */
  readonly suggestion?: string;
  readonly cause?: unknown;
}

/**
 * A built-in was called with input it cannot use. The message says what went wrong and what to
 * pass instead; `code` lets callers recognise it after crossing a boundary.
 */
export class SkillError extends Error {
  readonly code = 'SkillError';
  readonly suggestion: string | undefined;

  constructor(message: string, options: SkillErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SkillError';
    this.suggestion = options.suggestion;
  }
}
