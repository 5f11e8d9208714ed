import type { Diagnostic, Pipeline } from '../../core/model';
import type { PipelineDocument } from '../../core/yaml';
import { parsePipelineYaml } from '../../core/yaml';

/** What the store knows from the last parse of the text. */
export interface ParsedDocument {
  /** The text this parse is of. */
  readonly text: string;
  /** The handle `printPipelineYaml` needs; undefined only before the first parse. */
  readonly document: PipelineDocument | undefined;
  /** The last model that parsed without YAML errors (what the canvas keeps showing). */
  readonly pipeline: Pipeline | undefined;
  /** Whether `pipeline` is the model of `text` (false while the YAML has errors). */
  readonly current: boolean;
  /** Loader findings of `text` (YAML-PARSE, YAML-SCHEMA). */
  readonly diagnostics: readonly Diagnostic[];
  /** When this parse was made (`performance.now()`): the canvas's follow-up layout belongs to it. */
  readonly parsedAt: number;
}

/** Nothing parsed yet. */
export const UNPARSED: ParsedDocument = {
  text: '',
  document: undefined,
  pipeline: undefined,
  current: false,
  diagnostics: [],
  parsedAt: 0,
};

/** Parses `text`; on YAML errors the previous good model is kept (stale) for the canvas. */
export function parseDocumentText(
  text: string,
  previous: ParsedDocument,
  file: string | undefined,
): ParsedDocument {
  // Steps the edit did not touch keep their model objects, so the validator's caches hit.
  const result = parsePipelineYaml(text, {
    ...(file === undefined ? {} : { file }),
    ...(previous.document ? { previous: previous.document } : {}),
  });
  const good = result.pipeline !== undefined && !result.document.hasErrors;
  return {
    text,
    document: result.document,
    pipeline: good ? result.pipeline : previous.pipeline,
    current: good,
    diagnostics: result.diagnostics,
    parsedAt: performance.now(),
  };
}
