/** Stable codes of the `FlujoError` hierarchy (ARCHITECTURE.md "Engine"). */
export type FlujoErrorCode =
  | 'ConfigurationError'
  | 'ExecutionError'
  | 'ControlFlowError'
  | 'ContextError'
  | 'ValidationError'
  | 'UsageLimitExceeded'
  | 'PricingNotConfigured'
  | 'ProviderError'
  | 'TimeoutError'
  | 'CancelledError';

/** A FlujoError as plain data, safe to send over IPC, store in SQLite or print. */
export interface FlujoErrorData {
  readonly code: FlujoErrorCode;
  readonly message: string;
  readonly suggestion?: string;
  readonly cause?: string;
  /** Extra machine-readable facts (e.g. the limit and the amount used). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Options shared by every FlujoError constructor. */
export interface FlujoErrorOptions {
  readonly suggestion?: string;
  readonly cause?: unknown;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Base of every error the engine and agents raise: a code, a message and what to do about it. */
export class FlujoError extends Error {
  readonly code: FlujoErrorCode;
  readonly suggestion: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: FlujoErrorCode, message: string, options: FlujoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = code;
    this.code = code;
    this.suggestion = options.suggestion;
    this.details = options.details;
  }

  /** The error as plain data (the cause flattened to its message). */
  toData(): FlujoErrorData {
    const cause = this.cause === undefined ? undefined : describeCause(this.cause);
    return {
      code: this.code,
      message: this.message,
      ...(this.suggestion === undefined ? {} : { suggestion: this.suggestion }),
      ...(cause === undefined ? {} : { cause }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** The pipeline cannot run as written (e.g. nested HITL, a Python-only step with no stand-in). */
export class ConfigurationError extends FlujoError {
  constructor(message: string, options?: FlujoErrorOptions) {
    super('ConfigurationError', message, options);
  }
}

/** A step failed while running (agent error, bad output, failed validator). */
export class ExecutionError extends FlujoError {
  constructor(message: string, options?: FlujoErrorOptions) {
    super('ExecutionError', message, options);
  }
}

/** A control-flow construct could not proceed (no branch matched, unknown state, bad exit expression). */
export class ControlFlowError extends FlujoError {
  constructor(message: string, options?: FlujoErrorOptions) {
    super('ControlFlowError', message, options);
  }
}

/** The pipeline context could not be read or updated as asked. */
export class ContextError extends FlujoError {
  constructor(message: string, options?: FlujoErrorOptions) {
    super('ContextError', message, options);
  }
}

/** A value did not match its schema (e.g. a HITL answer against `input_schema`). */
export class ValidationError extends FlujoError {
  constructor(message: string, options?: FlujoErrorOptions) {
    super('ValidationError', message, options);
  }
}

/** A run- or step-level cost/token limit was exceeded (DECISIONS 8). */
export class UsageLimitExceeded extends FlujoError {
  constructor(message: string, options?: FlujoErrorOptions) {
    super('UsageLimitExceeded', message, options);
  }
}

/** A declared agent's model has no price while strict pricing is on (DECISIONS 8). */
export class PricingNotConfigured extends FlujoError {
  constructor(message: string, options?: FlujoErrorOptions) {
    super('PricingNotConfigured', message, options);
  }
}

/** An LLM provider answered with an error, or could not be reached. */
export class ProviderError extends FlujoError {
  constructor(message: string, options?: FlujoErrorOptions) {
    super('ProviderError', message, options);
  }
}

/** An attempt ran longer than its timeout. */
export class TimeoutError extends FlujoError {
  constructor(message: string, options?: FlujoErrorOptions) {
    super('TimeoutError', message, options);
  }
}

/** The run was cancelled (by the user, the debugger or an abort signal). */
export class CancelledError extends FlujoError {
  constructor(message: string, options?: FlujoErrorOptions) {
    super('CancelledError', message, options);
  }
}

/** Any thrown value as FlujoError data; non-Flujo errors become ExecutionError with their message. */
export function toFlujoErrorData(error: unknown): FlujoErrorData {
  if (error instanceof FlujoError) return error.toData();
  return { code: 'ExecutionError', message: describeCause(error) };
}

/** The message of any thrown value. */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'string') return cause;
  try {
    const json = JSON.stringify(cause) as string | undefined;
    return json ?? String(cause);
  } catch {
    return String(cause);
  }
}
