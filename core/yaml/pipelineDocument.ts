import type { Document, YAMLMap } from 'yaml';

import type { Pipeline } from '../model';
import type { YamlStyle } from './detectYamlStyle';

/**
 * Model values the loader had to invent because the file lacked them (a missing `steps:`, a
 * loop without `body:`). The printer leaves them out while they are unchanged, so opening a broken
 * file and saving it does not add keys the user never wrote.
 */
export interface SynthesizedFields {
  /** Invented objects and arrays, by identity. */
  readonly values: WeakSet<object>;
  /** Invented scalar fields, by owning model object (e.g. a map's `iterable_input: ''`). */
  readonly keys: WeakMap<object, ReadonlySet<string>>;
}

/**
 * Opaque handle on a parsed pipeline file: everything `printPipelineYaml` needs to write an edited
 * model back into the same text. Treat it as read-only and pass it back unchanged.
 */
export interface PipelineDocument {
  /** The text as it was parsed. */
  readonly text: string;
  /** The parsed `yaml` Document (leading comments moved onto first items); never mutated after. */
  readonly yaml: Document.Parsed;
  /** The model as parsed, to detect an unchanged model. */
  readonly pipeline: Pipeline | undefined;
  /** Start offsets of nodes the model could not represent (broken steps, …); kept when printing. */
  readonly skipped: ReadonlySet<number>;
  readonly synthesized: SynthesizedFields;
  /** The step objects of the parsed model: one still in an edited model is unchanged. */
  readonly parsedSteps: WeakSet<object>;
  /** Whether the text had YAML syntax errors (such a document cannot be printed with edits). */
  readonly hasErrors: boolean;
  /** Formatting conventions of the file, used for new and edited nodes. */
  readonly style: YamlStyle;
  /** The root mapping the fast loader built (same nodes and ranges as `yaml`'s), when it did. */
  readonly fastRoot?: YAMLMap;
}
