/**
 * What runs a step, resolved: empty references (V-A1), references that resolve to nothing (V-A6),
 * Python callables the studio cannot run (PY-LOCAL, DECISIONS 9) and custom skills Flujo warns
 * about (V-EX1).
 */
import type { Pipeline, StepNode, StepVisit } from '../../model';
import { agentRefTarget, assertNever } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { memoByStep } from '../stepMemo';
import { stepRule } from '../stepRule';
import { BOTH_PROFILES, FLUJO_PROFILE } from '../ruleDefinition';
import type { CallableSite } from './agentRulesCatalog';
import {
  agentSite,
  BUILTIN_NAMES,
  classifyCallable,
  isIdentifier,
  otherCallableSites,
} from './agentRulesCatalog';
import { closestName } from './unknownKeysSimilarity';

function allSites(step: StepNode): CallableSite[] {
  const own = agentSite(step);
  return [...(own ? [own] : []), ...otherCallableSites(step)];
}

function didYouMean(word: string, candidates: Iterable<string>, prefix: string): string {
  const meant = closestName(word, candidates);
  return meant ? ` Did you mean \`${prefix}${meant}\`?` : '';
}

function declaredNames(record: Readonly<Record<string, unknown>> | undefined): string[] {
  return Object.keys(record ?? {});
}

function passthroughNote(site: CallableSite): string {
  return site.purpose === 'agent' && site.field !== 'uses'
    ? ' (Flujo would silently run the step as a passthrough)'
    : '';
}

/**
 * What can be known about a site from the step alone: a problem message, a declared agent or
 * import alias whose existence depends on the pipeline, or nothing to report.
 */
type SiteCheck =
  | { readonly site: CallableSite; readonly problem: string }
  | { readonly site: CallableSite; readonly agent: string }
  | { readonly site: CallableSite; readonly alias: string };

function siteCheck(site: CallableSite): SiteCheck | undefined {
  const target = classifyCallable(site.reference, site.registryId);
  const ref = `\`${site.reference}\``;
  switch (target.kind) {
    case 'builtin':
      if (target.known) return undefined;
      return {
        site,
        problem: `${ref} is not a Flujo built-in${passthroughNote(site)}.${didYouMean(target.name, BUILTIN_NAMES, 'flujo.builtins.')}`,
      };
    case 'declared-agent':
      if (!isIdentifier(target.name)) {
        return {
          site,
          problem: `${ref} is not a valid agent reference: the name after \`agents.\` must be an identifier (letters, digits, \`_\`).`,
        };
      }
      return { site, agent: target.name };
    case 'import':
      if (!isIdentifier(target.alias)) {
        return {
          site,
          problem: `${ref} is not a valid import reference: the alias after \`imports.\` must be an identifier.`,
        };
      }
      return { site, alias: target.alias };
    case 'invalid':
      return {
        site,
        problem: `${ref} is not a reference Flujo can load${passthroughNote(site)}: write \`agents.<name>\`, \`imports.<alias>\`, \`flujo.builtins.<skill>\` or a Python import path such as \`pkg.module:function\`.`,
      };
    case 'flujo-helper':
    case 'skill':
    case 'catalog-id':
    case 'python':
      return undefined;
    default:
      return assertNever(target);
  }
}

const NO_SITE_CHECKS: readonly SiteCheck[] = [];

/** The step's sites that resolve to nothing or depend on the pipeline, cached by step node. */
const siteChecks = memoByStep((step: StepNode): readonly SiteCheck[] => {
  const checks: SiteCheck[] = [];
  const own = agentSite(step);
  if (own) {
    const check = siteCheck(own);
    if (check) checks.push(check);
  }
  for (const site of otherCallableSites(step)) {
    const check = siteCheck(site);
    if (check) checks.push(check);
  }
  return checks.length === 0 ? NO_SITE_CHECKS : checks;
});

/** Why a site's reference resolves to nothing, or undefined when it resolves (or may). */
function unresolved(check: SiteCheck, pipeline: Pipeline): string | undefined {
  if ('problem' in check) return check.problem;
  const ref = `\`${check.site.reference}\``;
  if ('agent' in check) {
    const name = check.agent;
    if (Object.hasOwn(pipeline.agents ?? {}, name)) return undefined;
    const names = declaredNames(pipeline.agents);
    const known = names.length > 0 ? names.map((n) => `\`${n}\``).join(', ') : 'none';
    return `${ref} names no declared agent (declared under \`agents:\`: ${known})${passthroughNote(check.site)}.${didYouMean(name, names, 'agents.')} Declare \`${name}\` under \`agents:\` or fix the name.`;
  }
  const alias = check.alias;
  if (Object.hasOwn(pipeline.imports ?? {}, alias)) return undefined;
  const names = declaredNames(pipeline.imports);
  return `${ref} names no import alias declared under \`imports:\`.${didYouMean(alias, names, 'imports.')} Add \`imports: { ${alias}: path/to/child.yaml }\` or fix the alias.`;
}

function checkUnresolved(context: RuleContext, visit: StepVisit): void {
  for (const check of siteChecks(visit.step)) {
    const problem = unresolved(check, context.pipeline);
    if (problem === undefined) continue;
    context.report({
      step: visit,
      range: check.site.range,
      message: `Step "${visit.step.name}": the ${check.site.purpose} ${problem}`,
      suggestion: 'Point the reference at something that exists.',
    });
  }
}

const BARE_ALTERNATIVES: Readonly<Record<string, string>> = {
  condition: ', or write the test as a `condition_expression`',
  'exit condition': ', or write the test as an `exit_expression`',
};

interface PythonSite {
  readonly site: CallableSite;
  readonly target: { readonly kind: 'python' | 'catalog-id' };
}

const NO_PYTHON_SITES: readonly PythonSite[] = [];

/** The step's sites that name Python (or a skills-catalog id), cached by step node. */
const pythonSites = memoByStep((step: StepNode): readonly PythonSite[] => {
  let found: PythonSite[] | undefined;
  for (const site of allSites(step)) {
    const target = classifyCallable(site.reference, site.registryId);
    if (target.kind === 'python' || target.kind === 'catalog-id') {
      (found ??= []).push({ site, target });
    }
  }
  return found ?? NO_PYTHON_SITES;
});

function checkPython(context: RuleContext, visit: StepVisit): void {
  for (const { site, target } of pythonSites(visit.step)) {
    const what =
      target.kind === 'catalog-id'
        ? `\`${site.reference}\` is not a Flujo built-in: Flujo resolves it from a skills catalog (skills.yaml) of Python factories`
        : `\`${site.reference}\` is a Python callable`;
    const alternative = BARE_ALTERNATIVES[site.purpose] ?? '';
    context.report({
      step: visit,
      range: site.range,
      message: `Step "${visit.step.name}": the ${site.purpose} ${what}, and Python cannot run in the studio, so a run refuses this step. Mock "${visit.step.name}" in the studio or add a JS skill of the same name under \`skills/\`${alternative}.`,
      suggestion: `Mock "${visit.step.name}" or add a JS skill under \`skills/\`.`,
    });
  }
}

function isEmptyReference(visit: StepVisit): 'uses' | 'agent' | undefined {
  const { step } = visit;
  if (step.uses?.trim() === '') return 'uses';
  if (step.agent !== undefined && agentRefTarget(step.agent).trim() === '') return 'agent';
  return undefined;
}

function checkEmpty(context: RuleContext, visit: StepVisit): void {
  const field = isEmptyReference(visit);
  if (!field || visit.step.kind !== 'step') return;
  context.report({
    step: visit,
    range: context.fieldRange(visit.step, field),
    message: `Step "${visit.step.name}" has an empty \`${field}\`, so nothing runs it and it only passes its input on. Name what runs it (\`uses: agents.<name>\`, \`agent: { id: flujo.builtins.<skill> }\`), or delete \`${field}\` if a pass-through step is meant.`,
    suggestion: `Fill in \`${field}\` or delete it.`,
  });
}

function checkCustomSkill(context: RuleContext, visit: StepVisit): void {
  if (visit.step.kind !== 'step') return;
  const site = agentSite(visit.step);
  if (!site) return;
  const target = classifyCallable(site.reference, site.registryId);
  if (target.kind !== 'python' && target.kind !== 'skill') return;
  const module = site.reference.split(/[.:]/)[0] ?? site.reference;
  context.report({
    step: visit,
    range: site.range,
    message: `Step "${visit.step.name}" uses the custom skill \`${site.reference}\`: Flujo imports it only when \`blueprint_allowed_imports\` in flujo.toml lists \`${module}\`, and the skill must re-raise Flujo's control-flow exceptions (PausedException, PipelineAbortSignal, InfiniteRedirectError) instead of catching them.`,
    suggestion: `Add \`${module}\` to \`blueprint_allowed_imports\` and re-raise control-flow exceptions in the skill.`,
  });
}

/** Agent resolution rules. */
export const agentReferenceRules: readonly RuleDefinition[] = [
  stepRule({
    id: 'V-A1',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: 'A step with an empty `agent`/`uses` (nothing runs it).',
    checkStep: (visit, context) => {
      checkEmpty(context, visit);
    },
  }),
  stepRule({
    id: 'V-A6',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description: 'A built-in, declared agent, import alias or reference that does not exist.',
    reads: ['agents', 'imports'],
    checkStep: (visit, context) => {
      checkUnresolved(context, visit);
    },
  }),
  stepRule({
    id: 'PY-LOCAL',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: 'A Python callable (agent, condition, mapper, plugin, …) the studio cannot run.',
    checkStep: (visit, context) => {
      checkPython(context, visit);
    },
  }),
  stepRule({
    id: 'V-EX1',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'A step runs a custom (non-Flujo) skill: allow-list and control-flow exceptions.',
    checkStep: (visit, context) => {
      checkCustomSkill(context, visit);
    },
  }),
];
