import type { Diagnostic, EditResult, Pipeline, Severity } from '../model';

/** `studio`: real problems only (default). `flujo`: also what `flujo validate` (strict) reports. */
export type ValidationProfile = 'studio' | 'flujo';

/** A quick fix: a model edit the user can apply from the problems panel or a YAML marker. */
export interface QuickFix {
  readonly title: string;
  readonly apply: (pipeline: Pipeline) => EditResult;
}

/** A validator finding: a Diagnostic plus the quick fixes that resolve it. */
export interface ValidationDiagnostic extends Diagnostic {
  readonly fixes?: readonly QuickFix[];
}

/** What the `loadImport` port returns for a child file. */
export type ImportLoad =
  | { readonly ok: true; readonly file: string; readonly text: string }
  | { readonly ok: false; readonly file: string; readonly reason: string };

/** Severity override of a rules file: a rule id or glob mapped to a severity or `off`. */
export type RuleSetting = Severity | 'off';

/** Options of `validatePipeline`. */
export interface ValidateOptions {
  readonly profile?: ValidationProfile;
  /** Path of the pipeline file; imports resolve against its folder and findings carry it. */
  readonly file?: string;
  /** The YAML text, for `# flujo: ignore` comment suppressions. */
  readonly text?: string;
  /**
   * Reads an imported child file, synchronously (the CLI and host read the file system; the
   * renderer passes texts it fetched from the host). `importPath` is as written in `imports:`,
   * `fromFile` the importing file.
   */
  readonly loadImport?: (importPath: string, fromFile: string | undefined) => ImportLoad;
  /** Context keys the run's initial context declares (DECISIONS 5). */
  readonly initialContextKeys?: readonly string[];
  /** Severity overrides (`RULE` or glob → setting), applied after the profile's defaults. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}
