/** A position in a source text: 1-based line and column, 0-based character offset. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A half-open span of source text, `start` inclusive and `end` exclusive. */
export interface SourceRange {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

/**
 * Where a model node came from in its YAML file. `fields` maps a YAML key path of the node
 * (`name`, `config.max_retries`, `loop.exit_expression`, …) to the range of that key's value,
 * and `keys` to the range of the key itself. Absent on nodes created by edits.
 */
export interface NodeSource {
  readonly range: SourceRange;
  readonly fields: Readonly<Record<string, SourceRange>>;
  readonly keys: Readonly<Record<string, SourceRange>>;
}
