import type { Document } from 'yaml';

import type { Pipeline } from '../model';
import { modelToYamlData } from './modelToYamlData';
import { printEditedSteps } from './printEditedSteps';
import type { PipelineDocument } from './pipelineDocument';
import { rebaseLines } from './rebaseLines';
import { reconcileDocument } from './reconcileDocument';
import { shallowCopy } from './yamlNodeStyle';
import { dataEquals } from './yamlData';
import { toStringOptions } from './yamlStringifyOptions';

/** Thrown when a document cannot take edits (its YAML does not parse, or it is not a mapping). */
export class YamlPrintError extends Error {
  /** Stable code of this failure. */
  readonly code = 'YAML-PRINT';
}

// yaml's rendering of a document never changes; a handle printed many times renders it once.
const renderings = new WeakMap<PipelineDocument, string>();

function renderOriginal(document: PipelineDocument): string {
  let rendered = renderings.get(document);
  if (rendered === undefined) {
    rendered = document.yaml.toString(toStringOptions(document.style));
    renderings.set(document, rendered);
  }
  return rendered;
}

/**
 * Writes a (possibly edited) model back into its file. An unchanged model gives the original text
 * byte for byte; after an edit only the edited region changes (comments, key order, quoting, blank
 * lines and flow style elsewhere stay as they were), and new parts follow the file's style.
 */
export function printPipelineYaml(document: PipelineDocument, pipeline: Pipeline): string {
  // The very model the load returned: unchanged, without comparing (or parsing the YAML).
  if (pipeline === document.pipeline) return document.text;
  return printEditedSteps(document, pipeline)?.text ?? printWholeDocument(document, pipeline);
}

/**
 * The general printer: reconciles the whole `yaml` Document with the model and rebases the
 * change onto the original lines (`printEditedSteps` gives the same text for a few edited steps).
 */
export function printWholeDocument(document: PipelineDocument, pipeline: Pipeline): string {
  const ctx = { synthesized: document.synthesized, parsedSteps: document.parsedSteps };
  const data = modelToYamlData(ctx, pipeline);
  if (document.pipeline && dataEquals(data, modelToYamlData(ctx, document.pipeline))) {
    return document.text;
  }
  if (document.hasErrors) {
    throw new YamlPrintError(
      'This file has YAML errors or is not a pipeline mapping; fix the text before editing the graph.',
    );
  }
  const options = toStringOptions(document.style);
  const changed: Document = shallowCopy(document.yaml);
  changed.contents = reconcileDocument(document.yaml, data, document.skipped);
  return rebaseLines(
    document.text,
    renderOriginal(document),
    changed.toString(options),
    document.style.lineEnding,
  );
}
