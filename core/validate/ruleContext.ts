import type { Pipeline, SourceRange, StepNode, StepPath, StepTypes, StepVisit } from '../model';
import type { ImportedChild } from './importedChild';
import type { SubtreeVisits } from './stepVisits';
import type { QuickFix, ValidateOptions, ValidationProfile } from './validationTypes';

/** What a rule reports: everything but the code and severity, which come from the rule. */
export interface Finding {
  readonly message: string;
  readonly suggestion?: string;
  /** The step the finding is about; its name, path and range are filled in from it. */
  readonly step?: StepVisit;
  /** A narrower range than the step's (e.g. one field); defaults to the step's range. */
  readonly range?: SourceRange;
  readonly fixes?: readonly QuickFix[];
  /** Overrides the rule's default severity for this finding (e.g. V-C1's two severities). */
  readonly severity?: 'error' | 'warning' | 'info';
}

/**
 * What every rule sees: the pipeline, shared pre-computed analyses (computed once per validation,
 * not once per rule) and `report`.
 */
export interface RuleContext {
  readonly pipeline: Pipeline;
  readonly profile: ValidationProfile;
  readonly options: ValidateOptions;
  /** Every step in document order with its path, depth and ancestors. */
  readonly steps: readonly StepVisit[];
  /**
   * The same visits grouped by top-level step: an unchanged top-level subtree keeps the identical
   * object across revalidations, so a rule over every step may cache per subtree what does not
   * depend on other steps.
   */
  readonly subtrees: readonly SubtreeVisits[];
  /** The visit of a step by its path. */
  readonly stepAt: (path: StepPath) => StepVisit | undefined;
  /**
   * Port types of every step (DECISIONS 4), derived on first use and reused across revalidations
   * when an edit does not touch types. Import steps get their loaded child's output type.
   */
  readonly types: ReadonlyMap<StepPath, StepTypes>;
  /**
   * The `imports:` entries loaded through `options.loadImport`, by alias: the child's model, types
   * and findings, or why it failed. Empty when no loader was given.
   */
  readonly imports: ReadonlyMap<string, ImportedChild>;
  /** The range of a field of a step (`config.max_retries`), else of the step. */
  readonly fieldRange: (step: StepNode, field: string) => SourceRange | undefined;
  readonly report: (finding: Finding) => void;
}
