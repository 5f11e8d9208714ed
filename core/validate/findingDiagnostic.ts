import type { StepNode, SourceRange } from '../model';
import type { Finding } from './ruleContext';
import type { RuleDefinition } from './ruleDefinition';
import type { ValidationDiagnostic } from './validationTypes';

/** A finding as a diagnostic, and the key that de-duplicates it (rule, step path, message). */
export interface FindingDiagnostic {
  readonly diagnostic: ValidationDiagnostic;
  readonly key: string;
}

interface Cached extends FindingDiagnostic {
  readonly rule: RuleDefinition;
  readonly file: string | undefined;
}

// Rules keep their findings of unchanged steps across revalidations, so their diagnostics are too.
const cache = new WeakMap<Finding, Cached>();

function toDiagnostic(
  rule: RuleDefinition,
  finding: Finding,
  file: string | undefined,
): ValidationDiagnostic {
  const step = finding.step;
  const range = finding.range ?? step?.step.source?.range;
  return {
    code: rule.id,
    severity: finding.severity ?? rule.severity,
    message: finding.message,
    ...(finding.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
    ...(step ? { stepName: step.step.name, path: step.path } : {}),
    ...(range ? { range } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(finding.fixes?.length ? { fixes: finding.fixes } : {}),
  };
}

/** The diagnostic of a rule's finding in `file` (before severity overrides), cached by finding. */
export function findingDiagnostic(
  rule: RuleDefinition,
  finding: Finding,
  file: string | undefined,
): FindingDiagnostic {
  const cached = cache.get(finding);
  if (cached?.rule === rule && cached.file === file) return cached;
  const diagnostic = toDiagnostic(rule, finding, file);
  const key = `${diagnostic.code}\u0000${diagnostic.path ?? ''}\u0000${diagnostic.message}`;
  cache.set(finding, { rule, file, diagnostic, key });
  return { diagnostic, key };
}

/** The range of a field of a step (`config.max_retries`), else of the step. */
export function fieldRange(step: StepNode, field: string): SourceRange | undefined {
  return step.source?.fields[field] ?? step.source?.range;
}
