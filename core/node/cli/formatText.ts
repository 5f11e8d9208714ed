import type { Diagnostic } from '../../model';
import type { ValidationReport } from './validationReport';
import { countOf, plural } from './validationReport';

function location(finding: Diagnostic, fallbackFile: string): string {
  const file = finding.file ?? fallbackFile;
  const start = finding.range?.start;
  return start ? `${file}:${String(start.line)}:${String(start.column)}` : file;
}

function findingLine(finding: Diagnostic, report: ValidationReport): string {
  const step = finding.stepName !== undefined ? `${finding.stepName}: ` : '';
  const line = `${location(finding, report.file)} ${finding.severity} ${finding.code} ${step}${finding.message}`;
  if (!report.explain) return line;
  const description = report.catalog.get(finding.code)?.description;
  const extra = [
    ...(description ? [`    ${finding.code}: ${description}`] : []),
    ...(finding.suggestion ? [`    suggestion: ${finding.suggestion}`] : []),
  ];
  return [line, ...extra].join('\n');
}

/**
 * The text report: one line per finding, `file:line:col severity CODE step: message`, then a
 * summary line.
 */
export function formatText(report: ValidationReport): string {
  const errors = countOf(report, 'error');
  const warnings = countOf(report, 'warning');
  const infos = countOf(report, 'info');
  const verdict = errors > 0 ? 'not valid' : 'valid';
  const summary = `${report.file}: ${verdict} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}; profile ${report.profile})`;
  return (
    [...report.findings.map((finding) => findingLine(finding, report)), summary].join('\n') + '\n'
  );
}
