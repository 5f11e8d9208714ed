import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Pipeline } from '../../model';
import { validatePipeline } from '../../validate';
import { ruleCatalog } from '../../validate/ruleCatalog';
import { parsePipelineYaml } from '../../yaml';
import { CliFailure } from './cliFailure';
import type { CliOutput } from './cliOutput';
import { displayPath, loadImportFromDisk, readFailure } from './fileImportLoader';
import { formatText } from './formatText';

/** A pipeline file that loaded and has no validation errors. */
export interface RunnablePipeline {
  readonly pipeline: Pipeline;
  /** Absolute path (stored with the run, handed to the engine and the skill runner). */
  readonly file: string;
  /** Last modification time of the file, epoch milliseconds. */
  readonly modifiedAt: number;
}

/**
 * Reads, parses and validates (studio profile) a pipeline file before it runs. A YAML problem or a
 * validation error prints the report in `validate`'s text format on stderr and throws a
 * CliFailure (exit 1); warnings do not block the run.
 */
export function loadRunnablePipeline(
  file: string,
  output: CliOutput,
  initialContextKeys: readonly string[] = [],
): RunnablePipeline {
  const shown = displayPath(file);
  let text: string;
  let modifiedAt: number;
  try {
    text = readFileSync(shown, 'utf8');
    modifiedAt = statSync(shown).mtimeMs;
  } catch (error) {
    throw new CliFailure(
      `cannot read ${file}: ${readFailure(error)}. Check the path and that you may read it.`,
    );
  }
  const parsed = parsePipelineYaml(text, { file: shown });
  const found = parsed.pipeline
    ? validatePipeline(parsed.pipeline, {
        profile: 'studio',
        file: shown,
        text,
        loadImport: loadImportFromDisk,
        initialContextKeys,
      })
    : [];
  const findings = [...parsed.diagnostics, ...found];
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (parsed.pipeline === undefined || errors.length > 0) {
    output.err(
      formatText({
        file: shown,
        profile: 'studio',
        findings: sortByPosition(errors.length > 0 ? errors : findings),
        catalog: ruleCatalog(),
        explain: false,
      }),
    );
    throw new CliFailure(
      parsed.pipeline === undefined
        ? `cannot run ${file}: the YAML does not load (see the report above).`
        : `cannot run ${file}: it has validation errors (see the report above; flujo-studio validate ${file} shows every finding).`,
    );
  }
  return { pipeline: parsed.pipeline, file: path.resolve(shown), modifiedAt };
}

function sortByPosition(findings: readonly Diagnostic[]): Diagnostic[] {
  return [...findings].sort(
    (a, b) => (a.range?.start.offset ?? -1) - (b.range?.start.offset ?? -1),
  );
}
