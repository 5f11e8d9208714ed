import type { Diagnostic } from '../../model';
import type { ValidationProfile } from '../../validate';
import type { RuleCatalogEntry } from '../../validate/ruleCatalog';

/** What `flujo-studio validate` found, ready for a formatter. */
export interface ValidationReport {
  /** The validated file as given on the command line. */
  readonly file: string;
  readonly profile: ValidationProfile;
  /** Loader and validator findings, root file first in position order; each has a `file`. */
  readonly findings: readonly Diagnostic[];
  /** Rule metadata by code (SARIF rules, `--explain`). */
  readonly catalog: ReadonlyMap<string, RuleCatalogEntry>;
  /** Whether to add each rule's description to its findings. */
  readonly explain: boolean;
}

/** How many findings of a severity the report holds. */
export function countOf(report: ValidationReport, severity: Diagnostic['severity']): number {
  return report.findings.filter((finding) => finding.severity === severity).length;
}

/** `1 error`, `2 warnings`. */
export function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}
