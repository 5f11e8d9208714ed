import type { Pipeline, PortType, StepPath, StepTypes, StepVisit } from '../model';
import { fieldRange, findingDiagnostic } from './findingDiagnostic';
import type { ImportedChild } from './importedChild';
import type { ImportRun, ValidateChild } from './importedChildren';
import { loadImportedChildren } from './importedChildren';
import { normalizePath } from './importPath';
import type { RuleDefinition } from './ruleDefinition';
import type { Finding, RuleContext } from './ruleContext';
import { applyRuleSetting } from './ruleSettings';
import { allRules } from './rules';
import type { StepRuleOutcome } from './stepRuleCache';
import { subtreeOutcomes } from './stepRuleCache';
import type { StepRuleDefinition } from './stepRule';
import { isStepRule } from './stepRule';
import type { SubtreeVisits } from './stepVisits';
import { collectStepVisits } from './stepVisits';
import { cachedStepTypes } from './stepTypeCache';
import { readSuppressions } from './suppressions';
import type { ValidateOptions, ValidationDiagnostic } from './validationTypes';

function byPosition(a: ValidationDiagnostic, b: ValidationDiagnostic): number {
  const offsetA = a.range?.start.offset ?? -1;
  const offsetB = b.range?.start.offset ?? -1;
  return offsetA - offsetB || a.code.localeCompare(b.code);
}

/** A child's findings as the parent shows them: prefixed with the alias, without quick fixes
 * (those edit the child's model, not the parent's). */
function copiedChildFindings(child: ImportedChild): ValidationDiagnostic[] {
  if (child.status !== 'loaded') return [];
  return child.findings.map((finding) => ({
    code: finding.code,
    severity: finding.severity,
    message: `[import:${child.alias}] ${finding.message}`,
    ...(finding.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
    ...(finding.stepName !== undefined ? { stepName: finding.stepName } : {}),
    ...(finding.path !== undefined ? { path: finding.path } : {}),
    ...(finding.range ? { range: finding.range } : {}),
    file: finding.file ?? child.file,
  }));
}

interface Validation {
  readonly diagnostics: readonly ValidationDiagnostic[];
  readonly types: () => ReadonlyMap<StepPath, StepTypes>;
}

function internalFailure(rule: RuleDefinition, error: unknown): ValidationDiagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'VALIDATOR-INTERNAL',
    severity: 'warning',
    message: `Rule ${rule.id} failed on this file (${reason}); its findings are missing. Please report this.`,
  };
}

function ruleVariant(profile: string, options: ValidateOptions): string {
  return `${profile}\u0000${(options.initialContextKeys ?? []).join('\u0000')}`;
}

function runValidation(
  pipeline: Pipeline,
  options: ValidateOptions,
  rules: readonly RuleDefinition[],
  run: ImportRun,
): Validation {
  const profile = options.profile ?? 'studio';
  const { visits, subtrees, hasMetaSuppressions } = collectStepVisits(pipeline);
  const validateChild: ValidateChild = (child, childOptions, childRun) =>
    runValidation(child, childOptions, rules, childRun);
  const imports = loadImportedChildren(pipeline, options, run, validateChild);
  const importOutputs = new Map<string, PortType>();
  for (const [alias, child] of imports) {
    if (child.status === 'loaded') importOutputs.set(alias, child.output);
  }
  let types: ReadonlyMap<StepPath, StepTypes> | undefined;
  const typesOf = () => (types ??= cachedStepTypes(pipeline, importOutputs));
  let byPath: Map<StepPath, StepVisit> | undefined;
  const suppressions = readSuppressions(visits, hasMetaSuppressions, options.text);
  const found: ValidationDiagnostic[] = [];
  const seen = new Set<string>();
  const accept = (rule: RuleDefinition, finding: Finding): void => {
    if (suppressions.isSuppressed(rule.id, finding.step)) return;
    const converted = findingDiagnostic(rule, finding, options.file);
    const diagnostic = applyRuleSetting(converted.diagnostic, options.rules);
    if (!diagnostic) return;
    const key = converted.key;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(diagnostic);
  };
  let emit: (finding: Finding) => void = () => undefined;
  const context: RuleContext = {
    pipeline,
    profile,
    options,
    steps: visits,
    subtrees,
    stepAt: (path) => (byPath ??= new Map(visits.map((visit) => [visit.path, visit]))).get(path),
    get types() {
      return typesOf();
    },
    imports,
    fieldRange,
    report: (finding) => {
      emit(finding);
    },
  };
  const active = rules.filter((rule) => rule.profiles.includes(profile));
  const stepRules = active.filter(isStepRule);
  const localRules = stepRules.filter((rule) => (rule.reads?.length ?? 0) === 0);
  const readingRules = stepRules.filter((rule) => (rule.reads?.length ?? 0) > 0);
  const variant = ruleVariant(profile, options);
  const readingVariant = `${variant}\u0000reads`;
  const stamp =
    readingRules.length === 0
      ? []
      : [
          pipeline.agents,
          pipeline.imports,
          readingRules.some((rule) => rule.reads?.includes('types')) ? typesOf() : undefined,
        ];
  // Visit-major: every rule checks a step before the next step, so the rules' per-step memos hit
  // the same node in a row (see stepMemo.ts). Outcomes are kept per rule and concatenated in rule
  // order, as a rule-by-rule pass would list them; a rule that throws skips the rest of the subtree.
  const checkSubtree = (group: readonly StepRuleDefinition[], subtree: SubtreeVisits) => () => {
    const byRule: (StepRuleOutcome[] | undefined)[] = [];
    const failed: boolean[] = [];
    let current = 0;
    emit = (finding) => {
      const rule = group[current];
      if (rule) (byRule[current] ??= []).push({ rule, finding });
    };
    for (const visit of subtree.visits) {
      for (current = 0; current < group.length; current++) {
        const rule = group[current];
        if (!rule || failed[current]) continue;
        try {
          rule.checkStep(visit, context);
        } catch (error) {
          failed[current] = true;
          (byRule[current] ??= []).push({ failure: internalFailure(rule, error) });
        }
      }
    }
    const collected: StepRuleOutcome[] = [];
    for (const outcomes of byRule) if (outcomes) collected.push(...outcomes);
    return collected;
  };
  for (const subtree of subtrees) {
    const local = subtreeOutcomes(rules, variant, subtree, checkSubtree(localRules, subtree));
    const reading =
      readingRules.length === 0
        ? []
        : subtreeOutcomes(
            rules,
            readingVariant,
            subtree,
            checkSubtree(readingRules, subtree),
            stamp,
          );
    for (const outcomes of [local, reading]) {
      for (const outcome of outcomes) {
        if ('failure' in outcome) found.push(outcome.failure);
        else accept(outcome.rule, outcome.finding);
      }
    }
  }
  for (const rule of active) {
    if (isStepRule(rule)) continue;
    emit = (finding) => {
      accept(rule, finding);
    };
    try {
      rule.check(context);
    } catch (error) {
      found.push(internalFailure(rule, error));
    }
  }
  emit = () => undefined;
  found.sort(byPosition);
  for (const child of imports.values()) found.push(...copiedChildFindings(child));
  return { diagnostics: found, types: typesOf };
}

/**
 * Validates a pipeline with every registered rule of the chosen profile (default `studio`) and
 * returns the findings in file order, de-duplicated by (rule, step, message), then the findings of
 * imported children (through `options.loadImport`) prefixed `[import:<alias>]`. Suppressions
 * (`meta.suppress_rules`, `# flujo: ignore` comments in `options.text`) and the `options.rules`
 * severity overrides are applied. Never throws: a rule that fails reports itself as a
 * `VALIDATOR-INTERNAL` finding instead of hiding the others.
 */
export function validatePipeline(
  pipeline: Pipeline,
  options: ValidateOptions = {},
  rules: readonly RuleDefinition[] = allRules,
): ValidationDiagnostic[] {
  const stack = options.file === undefined ? [] : [normalizePath(options.file)];
  return [...runValidation(pipeline, options, rules, { stack, cache: new Map() }).diagnostics];
}
