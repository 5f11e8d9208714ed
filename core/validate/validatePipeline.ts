import type { Pipeline, SourceRange, StepNode, StepPath, StepVisit } from '../model';
import { deriveStepTypes, walkSteps } from '../model';
import type { RuleDefinition } from './ruleDefinition';
import type { Finding, RuleContext } from './ruleContext';
import { allRules } from './rules';
import type { ValidateOptions, ValidationDiagnostic } from './validationTypes';

function collectSteps(pipeline: Pipeline): StepVisit[] {
  const visits: StepVisit[] = [];
  walkSteps(pipeline, (visit) => {
    visits.push(visit);
  });
  return visits;
}

function fieldRange(step: StepNode, field: string): SourceRange | undefined {
  return step.source?.fields[field] ?? step.source?.range;
}

function toDiagnostic(
  rule: RuleDefinition,
  finding: Finding,
  options: ValidateOptions,
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
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(finding.fixes?.length ? { fixes: finding.fixes } : {}),
  };
}

function byPosition(a: ValidationDiagnostic, b: ValidationDiagnostic): number {
  const offsetA = a.range?.start.offset ?? -1;
  const offsetB = b.range?.start.offset ?? -1;
  return offsetA - offsetB || a.code.localeCompare(b.code);
}

/**
 * Validates a pipeline with every registered rule of the chosen profile (default `studio`) and
 * returns the findings in file order, de-duplicated by (rule, step, message). Never throws: a rule
 * that fails reports itself as an `internal` finding instead of hiding the others.
 */
export function validatePipeline(
  pipeline: Pipeline,
  options: ValidateOptions = {},
  rules: readonly RuleDefinition[] = allRules,
): ValidationDiagnostic[] {
  const profile = options.profile ?? 'studio';
  const steps = collectSteps(pipeline);
  const byPath = new Map<StepPath, StepVisit>(steps.map((visit) => [visit.path, visit]));
  const types = deriveStepTypes(pipeline);
  const found: ValidationDiagnostic[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!rule.profiles.includes(profile)) continue;
    const context: RuleContext = {
      pipeline,
      profile,
      options,
      steps,
      stepAt: (path) => byPath.get(path),
      types,
      fieldRange,
      report: (finding) => {
        const diagnostic = toDiagnostic(rule, finding, options);
        const key = `${diagnostic.code}\u0000${diagnostic.path ?? ''}\u0000${diagnostic.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        found.push(diagnostic);
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      found.push({
        code: 'VALIDATOR-INTERNAL',
        severity: 'warning',
        message: `Rule ${rule.id} failed on this file (${reason}); its findings are missing. Please report this.`,
      });
    }
  }
  return found.sort(byPosition);
}
