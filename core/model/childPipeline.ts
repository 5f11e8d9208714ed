import type { ExtraKeys } from './jsonValue';
import type { NodeSource } from './sourceRange';
import type { StepNode } from './stepNode';

/**
 * How a sub-pipeline was written (FLUJO-SPEC §3.1): a list of steps, a mapping with `steps:`, or a
 * single step mapping. Kept so the writer can reproduce the user's form; a `single` pipeline that gains
 * a second step is written as a `list`.
 */
export type NestingForm = 'list' | 'steps' | 'single';

/** A sub-pipeline held by a container: loop/map body, branch, default branch, state. */
export interface ChildPipeline {
  readonly steps: readonly StepNode[];
  readonly form: NestingForm;
  /** Other keys of the `{ steps: [...] }` mapping form, kept verbatim. */
  readonly extra?: ExtraKeys;
  readonly source?: NodeSource;
}

/** One named branch (parallel, conditional, router) or state (StateMachine), in file order. */
export interface Branch {
  /** The branch key as Flujo sees it (YAML keys are coerced to strings: `true` → `"true"`). */
  readonly key: string;
  readonly pipeline: ChildPipeline;
}
