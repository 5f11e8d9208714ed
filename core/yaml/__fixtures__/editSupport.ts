import { expect } from 'vitest';

import type { ChildPipeline, Pipeline, StepNode } from '../../model';
import type { PipelineDocument } from '../pipelineDocument';
import { parsePipelineYaml } from '../parsePipelineYaml';
import { printPipelineYaml } from '../printPipelineYaml';
import { corpusDir, lineChanges, readText, stripSource } from './testSupport';

/** A new plain step as the canvas would create it. */
export const newStep = (name: string, extra: Partial<StepNode> = {}): StepNode =>
  ({ kind: 'step', name, nameKey: 'name', explicitKind: true, extra: {}, ...extra }) as StepNode;

/** Parses text that must load as a pipeline. */
export function loadText(text: string): { pipeline: Pipeline; document: PipelineDocument } {
  const { pipeline, document, diagnostics } = parsePipelineYaml(text);
  if (!pipeline) throw new Error(`did not load: ${JSON.stringify(diagnostics)}`);
  return { pipeline, document };
}

/** A `single` sub-pipeline that no longer has one step is written (and read back) as a list. */
function normalizeForms<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => normalizeForms(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = normalizeForms(field);
  const pipeline = out as Partial<ChildPipeline>;
  if (pipeline.form === 'single' && Array.isArray(pipeline.steps) && pipeline.steps.length !== 1)
    out.form = 'list';
  return out as T;
}

/**
 * Applies a model edit to `text`, prints it, checks the result reads back as the edited model with
 * no findings, and returns the printed text with the removed and added lines.
 */
export function edit(text: string, change: (pipeline: Pipeline) => Pipeline) {
  const { pipeline, document } = loadText(text);
  const edited = change(pipeline);
  const printed = printPipelineYaml(document, edited);
  const reparsed = parsePipelineYaml(printed);
  expect(reparsed.diagnostics).toEqual([]);
  expect(stripSource(reparsed.pipeline)).toEqual(normalizeForms(stripSource(edited)));
  return { printed, ...lineChanges(text, printed) };
}

/** A file of the corpus's `flujo/examples` folder. */
export const corpus = (file: string): string => readText(corpusDir, `flujo/examples/${file}`);

/** The pipeline with its top-level step `index` changed. */
export function updateStep(
  pipeline: Pipeline,
  index: number,
  change: (step: StepNode) => StepNode,
): Pipeline {
  return {
    ...pipeline,
    steps: pipeline.steps.map((step, i) => (i === index ? change(step) : step)),
  };
}
