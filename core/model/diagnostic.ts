import type { SourceRange } from './sourceRange';

/** How bad a diagnostic is. Only `error` blocks a run or an export. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A finding about a pipeline file, from the YAML loader or the validator. `code` is stable (Flujo's
 * rule id where one exists, e.g. `V-A2`, or `YAML-PARSE` / `YAML-SCHEMA`); `message` says what is
 * wrong and what to do.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly suggestion?: string;
  /** Name of the step the finding is about, when there is one. */
  readonly stepName?: string;
  /** Step path (`steps[2].loop.body[0]`) of that step. */
  readonly path?: string;
  /** Where in the file; absent only when the finding has no place (e.g. an empty file). */
  readonly range?: SourceRange;
  /** File the finding is in, when known (imports report findings in the child file). */
  readonly file?: string;
}
