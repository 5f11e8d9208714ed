/**
 * Portability (`flujo` profile): step fields Flujo silently drops or reads differently from the
 * studio (FLUJO-SPEC §0, §2, §3.2, §3.9, §3.10, §7).
 */
import type { StepNode, StepVisit, YamlValue } from '../../model';
import { agentRefTarget } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { stepRule } from '../stepRule';
import { FLUJO_PROFILE } from '../ruleDefinition';
import { classifyCallable, otherCallableSites } from './agentRulesCatalog';
import { stepRoleOf } from './stepRoles';

/** Built-ins whose factories take their params (FLUJO-SPEC §0.5). */
const PARAM_BUILTINS = new Set([
  'context_set',
  'context_merge',
  'discover_skills',
  'analyze_project',
]);

/** Import options Flujo reads only under `config:` (FLUJO-SPEC §3.10). */
const IMPORT_OPTIONS = [
  'input_to',
  'input_scratchpad_key',
  'outputs',
  'inherit_context',
  'inherit_conversation',
  'propagate_hitl',
  'on_failure',
];

function flow(value: YamlValue): string {
  return JSON.stringify(value).replace(/"([A-Za-z_][\w]*)":/g, '$1: ');
}

function checkParams(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.kind !== 'step' || typeof step.agent !== 'object' || !('id' in step.agent)) return;
  const params = step.agent.params;
  if (!params || Object.keys(params).length === 0) return;
  const role = stepRoleOf(step);
  if (role.role !== 'builtin' || role.source !== 'agent' || PARAM_BUILTINS.has(role.name)) return;
  const received = step.input === undefined ? 'the previous step’s output' : 'the step’s `input:`';
  context.report({
    step: visit,
    range: context.fieldRange(step, 'agent.params'),
    message: `Step "${step.name}": Flujo drops \`agent.params\` for \`${role.id}\` (its factory ignores them), so the skill gets ${received} instead of ${flow(params)}. Pass them as a mapping input whose keys are the parameter names: \`input: ${flow(params)}\`.`,
    suggestion: `Move the params to \`input: ${flow(params)}\`.`,
  });
}

function checkIgnoredInput(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.input === undefined) return;
  const isImport = step.kind === 'step' && stepRoleOf(step).role === 'import';
  if (step.kind === 'step' && !isImport) return;
  if (step.kind === 'agentic_loop' || step.kind === 'tree_search' || step.kind === 'custom') return;
  const what = isImport ? 'an import step' : `a ${step.kind} step`;
  const instead = isImport
    ? 'the child gets the previous step’s output (see `config.input_to`)'
    : `"${step.name}" gets the previous step’s output`;
  context.report({
    step: visit,
    range: context.fieldRange(step, 'input'),
    message: `Step "${step.name}": Flujo ignores \`input:\` on ${what} (it applies \`input:\` only to plain agent steps), so ${instead}. Put a plain step with this \`input:\` just before "${step.name}".`,
    suggestion: 'Move `input:` to a plain step placed before this one.',
  });
}

function checkImportOptions(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.kind !== 'step' || stepRoleOf(step).role !== 'import') return;
  for (const key of IMPORT_OPTIONS) {
    if (!Object.hasOwn(step.extra, key)) continue;
    context.report({
      step: visit,
      range: step.source?.keys[key] ?? step.source?.range,
      message: `Import step "${step.name}": Flujo reads \`${key}\` only under \`config:\`; at step level it does nothing. Move it to \`config: { ${key}: … }\`.`,
      suggestion: `Move \`${key}\` under \`config:\`.`,
    });
  }
}

type CommonField = keyof Pick<
  StepNode,
  | 'fallback'
  | 'plugins'
  | 'validators'
  | 'processing'
  | 'validate_fields'
  | 'meta'
  | 'use_history'
  | 'input_schema'
  | 'output_schema'
  | 'sink_to'
  | 'updates_context'
>;

const FIELD_EFFECT: Readonly<Record<CommonField, string>> = {
  fallback: 'no fallback runs when it fails; put the work in a plain step that has the fallback',
  plugins: 'its plugins never run',
  validators: 'its validators never run',
  processing: 'its processing settings do nothing',
  validate_fields: 'the flag does nothing',
  meta: 'its `meta` (including `suppress_rules`) does nothing',
  use_history: 'the flag does nothing',
  input_schema: 'it is untyped there (strict validation still reports V-A2-STRICT)',
  output_schema: 'it is untyped there (strict validation still reports V-A2-STRICT)',
  sink_to: 'its output is not stored; add a plain step after it with `sink_to`',
  updates_context:
    'its output is not merged into the context; add a plain step after it with `updates_context: true`',
};

function fieldHonoured(step: StepNode, field: CommonField): boolean {
  if (step.kind === 'step') return true;
  if (field === 'input_schema' || field === 'sink_to') return step.kind === 'hitl';
  return false;
}

function checkIgnoredFields(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.kind === 'agentic_loop' || step.kind === 'tree_search' || step.kind === 'custom') return;
  for (const field of Object.keys(FIELD_EFFECT) as CommonField[]) {
    const value = step[field];
    if (value === undefined || value === false || fieldHonoured(step, field)) continue;
    context.report({
      step: visit,
      range: step.source?.keys[field] ?? step.source?.range,
      message: `Step "${step.name}": Flujo ignores \`${field}\` on a ${step.kind} step, so ${FIELD_EFFECT[field]}.`,
      suggestion: `Remove \`${field}\` or move it to a plain step.`,
    });
  }
}

function checkUsageLimits(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.usage_limits === undefined) return;
  context.report({
    step: visit,
    range: step.source?.keys.usage_limits ?? step.source?.range,
    message: `Step "${step.name}": Flujo parses step-level \`usage_limits\` but never enforces them (the studio does), so under Flujo this step can spend past them. For Flujo, set run budgets in flujo.toml \`[budgets]\`.`,
    suggestion: 'Also set a run budget in flujo.toml `[budgets]`.',
  });
}

function checkAgentField(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.kind !== 'step' || step.uses?.trim() || step.agent === undefined) return;
  const target = agentRefTarget(step.agent).trim();
  if (!/^(agents|imports)\./.test(target)) return;
  context.report({
    step: visit,
    range: context.fieldRange(step, 'agent'),
    message: `Step "${step.name}": Flujo resolves \`agent: ${target}\` as a Python import path, which fails, and then silently runs the step as a pass-through. Declared agents and imports are referenced with \`uses:\`: write \`uses: ${target}\`.`,
    suggestion: `Write \`uses: ${target}\` instead of \`agent:\`.`,
  });
}

function checkCacheName(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.kind !== 'cache' || !step.wrapped_step || step.wrapped_step.name === step.name) return;
  context.report({
    step: visit,
    severity: 'info',
    range: context.fieldRange(step, step.nameKey),
    message: `Cache step "${step.name}": Flujo names a cache step after the step it wraps, so its results (and \`steps.\`) use "${step.wrapped_step.name}", not "${step.name}". Give both the same name to avoid surprises.`,
    suggestion: `Rename the cache step to "${step.wrapped_step.name}".`,
  });
}

function checkAllowList(context: RuleContext, visit: StepVisit): void {
  for (const site of otherCallableSites(visit.step)) {
    const target = classifyCallable(site.reference, site.registryId);
    if (site.reference.startsWith('flujo.validators.')) {
      context.report({
        step: visit,
        range: site.range,
        message: `Step "${visit.step.name}": the validator \`${site.reference}\` does not exist in Flujo, which silently drops it, so nothing is validated. Use a validator of your own (\`pkg.module:validator\`).`,
        suggestion: 'Remove it or point it at an existing validator.',
      });
      continue;
    }
    if (target.kind !== 'python' && target.kind !== 'skill') continue;
    const module = site.reference.split(/[.:]/)[0] ?? site.reference;
    const otherwise =
      site.purpose === 'plugin' || site.purpose === 'validator'
        ? 'otherwise it silently drops it'
        : 'otherwise the file fails to load';
    context.report({
      step: visit,
      range: site.range,
      message: `Step "${visit.step.name}": Flujo imports the ${site.purpose} \`${site.reference}\` only when \`blueprint_allowed_imports\` in flujo.toml lists \`${module}\`; ${otherwise}. Add \`${module}\` to that list.`,
      suggestion: `Add \`${module}\` to \`blueprint_allowed_imports\`.`,
    });
  }
}

/** Portability rules about step fields. */
export const portabilityStepRules: readonly RuleDefinition[] = [
  stepRule({
    id: 'PORT-PARAMS',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'Flujo drops `agent.params` for most built-ins (pass them as a mapping `input:`).',
    checkStep: (visit, context) => {
      checkParams(context, visit);
    },
  }),
  stepRule({
    id: 'PORT-INPUT-IGNORED',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'Flujo ignores `input:` on every kind but plain agent steps.',
    checkStep: (visit, context) => {
      checkIgnoredInput(context, visit);
    },
  }),
  stepRule({
    id: 'PORT-IMPORT-OPTIONS',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'Import options written at step level instead of under `config:`.',
    checkStep: (visit, context) => {
      checkImportOptions(context, visit);
    },
  }),
  stepRule({
    id: 'PORT-FIELD-IGNORED',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'A step field (fallback, sink_to, meta, schemas, …) Flujo ignores on this kind.',
    checkStep: (visit, context) => {
      checkIgnoredFields(context, visit);
    },
  }),
  stepRule({
    id: 'PORT-USAGE-LIMITS',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'Step-level `usage_limits`, which Flujo does not enforce.',
    checkStep: (visit, context) => {
      checkUsageLimits(context, visit);
    },
  }),
  stepRule({
    id: 'PORT-AGENT-REF',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: '`agent: agents.X`/`imports.X`, which Flujo turns into a silent pass-through.',
    checkStep: (visit, context) => {
      checkAgentField(context, visit);
    },
  }),
  stepRule({
    id: 'PORT-CACHE-NAME',
    profiles: FLUJO_PROFILE,
    severity: 'info',
    description:
      'A cache step named differently from its wrapped step (Flujo uses the wrapped name).',
    checkStep: (visit, context) => {
      checkCacheName(context, visit);
    },
  }),
  stepRule({
    id: 'PORT-ALLOWLIST',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description:
      'A Python condition, mapper, plugin or validator Flujo imports only when allow-listed.',
    checkStep: (visit, context) => {
      checkAllowList(context, visit);
    },
  }),
];
