import type { Document } from 'yaml';
import { Document as YamlDocument, parseDocument } from 'yaml';

import type { Diagnostic, Pipeline } from '../model';
import type { YamlStyle } from './detectYamlStyle';
import { detectYamlStyle } from './detectYamlStyle';
import { fastLoad } from './fastLoad';
import { createLineTableMapper } from './lineTable';
import type { ParsePipelineResult } from './parsePipelineYaml';
import type { PipelineDocument } from './pipelineDocument';
import type { ReadContext } from './readContext';
import { readPipeline } from './readPipeline';
import { attachLeadingComments } from './yamlNodeStyle';
import { createVisitBudget } from './yamlNodeValues';
import { YAML_PARSE_OPTIONS } from './yamlParseOptions';

// The reader only asks the document to resolve aliases, which a fast load never has.
let aliasFreeDocument: Document | undefined;

/**
 * `parsePipelineYaml` through `fastLoad` (js-yaml), with the `yaml` Document parsed only when
 * printing needs it; undefined when the fast path declines the text.
 */
export function fastParsePipelineYaml(
  text: string,
  file: string | undefined,
): ParsePipelineResult | undefined {
  const root = fastLoad(text);
  if (root === undefined) return undefined;
  aliasFreeDocument ??= new YamlDocument(null, YAML_PARSE_OPTIONS);
  const diagnostics: Diagnostic[] = [];
  const skipped = new Set<number>();
  const synthesized = { values: new WeakSet<object>(), keys: new WeakMap<object, Set<string>>() };
  const parsedSteps = new WeakSet<object>();
  const ctx: ReadContext = {
    doc: aliasFreeDocument,
    mapper: createLineTableMapper(text),
    diagnostics,
    file,
    budget: createVisitBudget(),
    skipped,
    synthesized,
    parsedSteps,
  };
  let pipeline: Pipeline;
  try {
    pipeline = readPipeline(ctx, root);
  } catch {
    return undefined; // The `yaml` library path reports the failure.
  }
  let yaml: Document.Parsed | undefined;
  let style: YamlStyle | undefined;
  const parsed = (): Document.Parsed => {
    if (yaml === undefined) {
      yaml = parseDocument(text, YAML_PARSE_OPTIONS);
      if (text.includes('#')) attachLeadingComments(yaml);
    }
    return yaml;
  };
  const document: PipelineDocument = {
    text,
    get yaml() {
      return parsed();
    },
    pipeline,
    skipped,
    synthesized,
    parsedSteps,
    hasErrors: false,
    fastRoot: root,
    get style() {
      style ??= detectYamlStyle(text, parsed());
      return style;
    },
  };
  return { pipeline, document, diagnostics };
}
