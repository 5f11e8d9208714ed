import type { Pipeline, PortType, StepPath, StepTypes } from '../model';
import type { ValidationDiagnostic } from './validationTypes';

/** Fields every import outcome has: the alias, the path as written and the file it points to. */
interface ImportOutcomeBase {
  readonly alias: string;
  /** The path as written under `imports:`. */
  readonly importPath: string;
  /** The file it resolved to (as the `loadImport` port names it, or as resolved by the studio). */
  readonly file: string;
}

/**
 * What validating an `imports:` entry found (through the `loadImport` port): a loaded child with
 * its model, port types and findings; a file that could not be read or does not load (`V-I1`);
 * or an import cycle (`V-I3`).
 */
export type ImportedChild =
  | (ImportOutcomeBase & {
      readonly status: 'loaded';
      readonly pipeline: Pipeline;
      readonly types: ReadonlyMap<StepPath, StepTypes>;
      /** The child's output type (its last top-level step's output). */
      readonly output: PortType;
      /** The child's own findings (loader and validator), in its file, not yet prefixed. */
      readonly findings: readonly ValidationDiagnostic[];
    })
  | (ImportOutcomeBase & { readonly status: 'failed'; readonly reason: string })
  | (ImportOutcomeBase & {
      readonly status: 'cycle';
      /** The files of the cycle, from the root file to the file imported again. */
      readonly chain: readonly string[];
    });
