import { readFileSync } from 'node:fs';

import type { Pipeline } from '../../model';
import type { PipelineDocument } from '../../yaml';
import { parsePipelineYaml } from '../../yaml';
import type { ValidateOptions, ValidationDiagnostic, ValidationProfile } from '../validationTypes';
import { validatePipeline } from '../validatePipeline';

/** A fixture of `__fixtures__/<RULE-ID>/<kind>.yaml`, loaded. */
export interface LoadedFixture {
  readonly text: string;
  readonly pipeline: Pipeline;
  readonly document: PipelineDocument;
}

/** Parses YAML text that must load as a pipeline. */
export function loadPipelineText(text: string): LoadedFixture {
  const { pipeline, document } = parsePipelineYaml(text);
  if (!pipeline) throw new Error('the YAML did not load as a pipeline');
  return { text, pipeline, document };
}

/** Loads the `bad` or `good` fixture of a rule. */
export function loadRuleFixture(rule: string, kind: 'bad' | 'good'): LoadedFixture {
  const url = new URL(`./${rule}/${kind}.yaml`, import.meta.url);
  return loadPipelineText(readFileSync(url, 'utf8'));
}

/** A finding reduced to what fixture tests compare. */
export interface FindingSummary {
  readonly code: string;
  readonly severity: string;
  readonly step: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
}

/** The summary of a diagnostic. */
export function summarize(diagnostic: ValidationDiagnostic): FindingSummary {
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    step: diagnostic.stepName,
    line: diagnostic.range?.start.line,
    column: diagnostic.range?.start.column,
  };
}

/** The findings of `rule` on YAML text in a profile. */
export function ruleFindingsIn(
  text: string,
  rule: string,
  profile: ValidationProfile,
  options: ValidateOptions = {},
): ValidationDiagnostic[] {
  const { pipeline } = loadPipelineText(text);
  return validatePipeline(pipeline, { ...options, profile, text }).filter((d) => d.code === rule);
}

/** The findings of `rule` on its own fixture in a profile. */
export function fixtureFindings(
  rule: string,
  kind: 'bad' | 'good',
  profile: ValidationProfile,
): ValidationDiagnostic[] {
  return ruleFindingsIn(loadRuleFixture(rule, kind).text, rule, profile);
}
