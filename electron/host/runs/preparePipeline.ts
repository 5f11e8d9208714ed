import type { Diagnostic, Pipeline } from '../../../core/model';
import { loadImportFromDisk } from '../../../core/node/cli/fileImportLoader';
import { validatePipeline } from '../../../core/validate';
import { parsePipelineYaml } from '../../../core/yaml';
import { HostFailure } from '../hostFailure';

const SHOWN = 3;

function describe(diagnostics: readonly Diagnostic[]): string {
  const shown = diagnostics.slice(0, SHOWN).map((diagnostic) => {
    const line =
      diagnostic.range === undefined ? '' : ` (line ${String(diagnostic.range.start.line)})`;
    return `${diagnostic.message}${line}`;
  });
  const more =
    diagnostics.length > SHOWN ? ` … and ${String(diagnostics.length - SHOWN)} more.` : '';
  return `${shown.join('; ')}${more}`;
}

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Parses and validates a document before it runs (the host checks again, whatever the renderer
 * showed): YAML errors → `YamlError`, validation errors → `ValidationError`, each listing the first
 * problems. Warnings (including loose steps, which live in the sidecar) never block a run.
 */
export function preparePipeline(text: string, file: string | undefined): Pipeline {
  const parsed = parsePipelineYaml(text, file === undefined ? {} : { file });
  const yamlErrors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (parsed.pipeline === undefined || yamlErrors.length > 0) {
    throw new HostFailure(
      'YamlError',
      yamlErrors.length === 0
        ? 'The document is not a Flujo pipeline.'
        : `The pipeline YAML has ${plural(yamlErrors.length, 'error')}: ${describe(yamlErrors)}`,
      'Fix the YAML (see the Problems panel), then run again.',
    );
  }
  const errors = validatePipeline(parsed.pipeline, {
    profile: 'studio',
    text,
    loadImport: loadImportFromDisk,
    ...(file === undefined ? {} : { file }),
  }).filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    throw new HostFailure(
      'ValidationError',
      `The pipeline has ${plural(errors.length, 'error')}: ${describe(errors)}`,
      'Fix the problems listed in the Problems panel, then run again.',
    );
  }
  return parsed.pipeline;
}
