import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../model';
import { assertNever } from '../../model';
import type { RuleSetting, ValidationProfile } from '../../validate';
import { validatePipeline } from '../../validate';
import { ruleCatalog } from '../../validate/ruleCatalog';
import { applyRuleSetting } from '../../validate/ruleSettings';
import { parsePipelineYaml } from '../../yaml';
import type { CliOutput } from './cliOutput';
import { displayPath, loadImportFromDisk, readFailure } from './fileImportLoader';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { readRulesFile } from './readRulesFile';
import type { ValidationReport } from './validationReport';

/** Report formats of `validate --format`. */
export type ReportFormat = 'text' | 'json' | 'sarif';

/** Options of `flujo-studio validate`. */
export interface ValidateCommandOptions {
  readonly profile: ValidationProfile;
  readonly format: ReportFormat;
  readonly failOnWarn: boolean;
  readonly rules?: string;
  readonly imports: boolean;
  readonly explain: boolean;
}

/** Exit codes: valid, unreadable input (or unusable options), findings that fail the run. */
export const EXIT_VALID = 0;
/** The input could not be read or parsed, or an option file is unusable. */
export const EXIT_UNREADABLE = 1;
/** Errors were found (or warnings with `--fail-on-warn`). */
export const EXIT_FINDINGS = 4;

function format(report: ValidationReport, as: ReportFormat): string {
  switch (as) {
    case 'text':
      return formatText(report);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    default:
      return assertNever(as);
  }
}

function firstError(diagnostics: readonly Diagnostic[]): string {
  const error = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (!error) return 'it is not a pipeline file';
  const line = error.range ? `line ${String(error.range.start.line)}: ` : '';
  return `${line}${error.message.replace(/\.\s*$/, '')}`;
}

/**
 * `flujo-studio validate <file>`: loads the file, validates it (imports through the file system),
 * writes the report to stdout and returns the exit code: 0 valid, 4 errors (or warnings with
 * `--fail-on-warn`), 1 when the file or the rules file cannot be read or the YAML does not load.
 */
export function runValidateCommand(
  file: string,
  options: ValidateCommandOptions,
  output: CliOutput,
): number {
  let settings: Readonly<Record<string, RuleSetting>> | undefined;
  if (options.rules !== undefined) {
    const read = readRulesFile(options.rules);
    if (!read.ok) {
      output.err(`flujo-studio: ${read.message}\n`);
      return EXIT_UNREADABLE;
    }
    settings = read.settings;
  }
  const shown = displayPath(file);
  let text: string;
  try {
    text = readFileSync(shown, 'utf8');
  } catch (error) {
    output.err(
      `flujo-studio: cannot read ${file}: ${readFailure(error)}. Check the path and that you may read it.\n`,
    );
    return EXIT_UNREADABLE;
  }
  const { pipeline, diagnostics } = parsePipelineYaml(text, { file: shown });
  const found = pipeline
    ? validatePipeline(pipeline, {
        profile: options.profile,
        file: shown,
        text,
        ...(options.imports ? { loadImport: loadImportFromDisk } : {}),
        ...(settings ? { rules: settings } : {}),
      })
    : [];
  // The loader's findings join the root file's, in position order; children's follow.
  const loader = diagnostics.flatMap((diagnostic) => applyRuleSetting(diagnostic, settings) ?? []);
  const inRoot = (d: Diagnostic) => d.file === undefined || d.file === shown;
  const rootFirst = [...loader, ...found.filter(inRoot)].sort(
    (a, b) => (a.range?.start.offset ?? -1) - (b.range?.start.offset ?? -1),
  );
  const findings = [...rootFirst, ...found.filter((d) => !inRoot(d))];
  const report: ValidationReport = {
    file: shown,
    profile: options.profile,
    findings,
    catalog: ruleCatalog(),
    explain: options.explain,
  };
  output.out(format(report, options.format));
  if (!pipeline) {
    output.err(
      `flujo-studio: cannot validate ${file}: the YAML does not load (${firstError(diagnostics)}).\n`,
    );
    return EXIT_UNREADABLE;
  }
  const errors = findings.some((finding) => finding.severity === 'error');
  const warnings = findings.some((finding) => finding.severity === 'warning');
  return errors || (options.failOnWarn && warnings) ? EXIT_FINDINGS : EXIT_VALID;
}
