import type { Diagnostic, Severity } from '../../model';
import type { ValidationReport } from './validationReport';

/** One finding in Flujo's `flujo validate --format json` shape (absent values are null). */
interface JsonFinding {
  readonly rule_id: string;
  readonly severity: Severity;
  readonly message: string;
  readonly step_name: string | null;
  readonly suggestion: string | null;
  readonly location_path: string | null;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly explain?: string;
}

function toJsonFinding(finding: Diagnostic, report: ValidationReport): JsonFinding {
  const description = report.explain ? report.catalog.get(finding.code)?.description : undefined;
  return {
    rule_id: finding.code,
    severity: finding.severity,
    message: finding.message,
    step_name: finding.stepName ?? null,
    suggestion: finding.suggestion ?? null,
    location_path: finding.path ?? null,
    file: finding.file ?? report.file,
    line: finding.range?.start.line ?? null,
    column: finding.range?.start.column ?? null,
    ...(description !== undefined ? { explain: description } : {}),
  };
}

function countsBy(findings: readonly JsonFinding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.rule_id] = (counts[finding.rule_id] ?? 0) + 1;
  return counts;
}

/**
 * The JSON report, in Flujo's payload shape: `{ is_valid, path, profile, errors, warnings, infos,
 * counts }` where counts maps each severity to `{ rule_id: n }`.
 */
export function formatJson(report: ValidationReport): string {
  const all = report.findings.map((finding) => toJsonFinding(finding, report));
  const errors = all.filter((finding) => finding.severity === 'error');
  const warnings = all.filter((finding) => finding.severity === 'warning');
  const infos = all.filter((finding) => finding.severity === 'info');
  const payload = {
    is_valid: errors.length === 0,
    path: report.file,
    profile: report.profile,
    errors,
    warnings,
    infos,
    counts: { error: countsBy(errors), warning: countsBy(warnings), info: countsBy(infos) },
  };
  return `${JSON.stringify(payload, null, 2)}\n`;
}
