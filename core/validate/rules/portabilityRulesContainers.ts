/**
 * Portability (`flujo` profile): container settings Flujo reads differently from its docs and the
 * studio (FLUJO-SPEC §3.4–§3.7, §3.12): default branches, map iterables, loop keys it never
 * implemented, loops without an exit, `agents.X` where Flujo needs an import path.
 */
import type { SourceRange, StepNode, StepVisit, YamlValue } from '../../model';
import { agentRefTarget, isYamlList, isYamlMapping } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { stepRule } from '../stepRule';
import { FLUJO_PROFILE } from '../ruleDefinition';

function keyRange(step: StepNode, key: string): SourceRange | undefined {
  return step.source?.keys[key] ?? step.source?.fields[key] ?? step.source?.range;
}

function checkDefaultBranch(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.kind !== 'conditional' || !step.default_branch) return;
  if (step.condition !== undefined || step.condition_expression !== undefined) return;
  const first = step.branches[0]?.key;
  context.report({
    step: visit,
    range: keyRange(step, 'default_branch'),
    message: `Conditional "${step.name}" has a \`default_branch\` but no \`condition_expression\`: Flujo then uses the input itself as the branch key when it is one, and otherwise runs the first branch${first === undefined ? '' : ` ("${first}")`}, so the default branch never runs. Add a \`condition_expression\` that returns the branch key.`,
    suggestion: 'Add a `condition_expression`.',
  });
}

function checkIterable(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.kind !== 'map' || !step.map.iterable_input.includes('.')) return;
  const path = step.map.iterable_input;
  const bare = path.replace(/^context\./, '');
  const instead = bare.includes('.')
    ? `copy the list to a top-level context field first (e.g. a \`context_set\` step with \`path: ${bare.split('.').pop() ?? 'items'}\`) and name that field`
    : `write \`iterable_input: ${bare}\``;
  context.report({
    step: visit,
    range: context.fieldRange(step, 'map.iterable_input'),
    message: `Map "${step.name}": Flujo reads \`iterable_input\` as the name of one top-level context field, so \`${path}\` fails at run time with "Context missing required field". ${instead[0]?.toUpperCase() ?? ''}${instead.slice(1)}.`,
    suggestion: bare.includes('.') ? 'Use a top-level context field.' : `Write \`${bare}\`.`,
  });
}

const INIT_OPS = new Set(['set', 'append', 'merge']);

/** Keys of an `init:` value Flujo does not run (it knows only set/append/merge ops). */
function ignoredInitKeys(init: YamlValue | undefined): string[] {
  if (isYamlMapping(init)) return Object.keys(init).filter((key) => !INIT_OPS.has(key));
  if (!isYamlList(init)) return [];
  return init.flatMap((entry) => {
    if (!isYamlMapping(entry)) return ['(entry)'];
    return Object.keys(entry).some((key) => INIT_OPS.has(key)) ? [] : Object.keys(entry);
  });
}

function reportInit(
  context: RuleContext,
  visit: StepVisit,
  init: YamlValue | undefined,
  at: string,
): void {
  for (const key of ignoredInitKeys(init)) {
    context.report({
      step: visit,
      range: keyRange(visit.step, `${at}.${key}`),
      message: `${visit.step.kind === 'map' ? 'Map' : 'Loop'} "${visit.step.name}": Flujo runs only \`set\`, \`append\` and \`merge\` ops in \`${at}\` and silently ignores \`${key}\`. Write it as ops, e.g. \`${at}: [{ set: context.notes, value: "{{ previous_step }}" }]\`.`,
      suggestion: `Rewrite \`${at}.${key}\` as set/append/merge ops.`,
    });
  }
}

const UNIMPLEMENTED: Readonly<
  Record<'output_template' | 'output' | 'stop_when', { effect: string; instead: string }>
> = {
  output_template: {
    effect: "the loop's output stays the last body output",
    instead: 'add a plain step after the loop with `input:` set to the template',
  },
  output: {
    effect: "the loop's output stays the last body output",
    instead: 'add a plain step after the loop with a mapping `input:`',
  },
  stop_when: {
    effect: 'the loop does not stop on it',
    instead: 'write the stop test as `exit_expression`',
  },
};

function checkLoopKeys(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.kind === 'map') reportInit(context, visit, step.map.init, 'map.init');
  if (step.kind !== 'loop') return;
  const { loop } = step;
  for (const key of Object.keys(UNIMPLEMENTED) as (keyof typeof UNIMPLEMENTED)[]) {
    if (loop[key] === undefined) continue;
    context.report({
      step: visit,
      range: keyRange(step, `loop.${key}`),
      message: `Loop "${step.name}": Flujo has not implemented \`loop.${key}\` and ignores it, so ${UNIMPLEMENTED[key].effect}. For Flujo, ${UNIMPLEMENTED[key].instead}.`,
      suggestion: `Replace \`loop.${key}\`: ${UNIMPLEMENTED[key].instead}.`,
    });
  }
  if (typeof loop.propagation === 'string') {
    const key = loop.propagationKey ?? 'propagation';
    context.report({
      step: visit,
      range: keyRange(step, `loop.${key}`),
      message: `Loop "${step.name}": Flujo reads \`${key}: ${loop.propagation}\` as \`{ field: ${loop.propagation} }\` and only stores each iteration's output on the context as \`loop_1\`, \`loop_2\`, …; the next iteration still gets the previous output. Remove it (passing the output on is the default), or write \`${key}: { next_input: context }\`.`,
      suggestion: `Remove \`${key}\` or write \`{ next_input: context }\`.`,
    });
  }
  reportInit(context, visit, loop.init, 'loop.init');
}

function checkLoopExit(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.kind !== 'loop') return;
  const { loop } = step;
  if (loop.exit_condition !== undefined || loop.exit_expression !== undefined) return;
  if (loop.max_loops === 1) return;
  const message =
    loop.max_loops === undefined
      ? `Loop "${step.name}" has no exit condition and no \`max_loops\`: Flujo then runs the body exactly once. Add an \`exit_expression\` and a \`max_loops\`.`
      : `Loop "${step.name}" has no exit condition: Flujo runs all ${String(loop.max_loops)} iterations and then marks the loop failed ("reached max_loops"), which halts the pipeline. Add an \`exit_expression\`.`;
  context.report({
    step: visit,
    range: keyRange(step, loop.max_loops === undefined ? 'loop' : 'loop.max_loops'),
    message,
    suggestion: 'Add an `exit_expression`.',
  });
}

function checkAgentsReference(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  const sites: { field: string; value: YamlValue | undefined; purpose: string }[] = [];
  if (step.kind === 'dynamic_router' && step.router.router_agent !== undefined) {
    sites.push({
      field: 'router.router_agent',
      value: agentRefTarget(step.router.router_agent),
      purpose: '`router_agent`',
    });
  }
  if (step.kind === 'agentic_loop')
    sites.push({ field: 'planner', value: step.planner, purpose: '`planner`' });
  for (const site of sites) {
    const target = isYamlMapping(site.value) ? (site.value.id ?? site.value.path) : site.value;
    if (typeof target !== 'string' || !target.startsWith('agents.')) continue;
    context.report({
      step: visit,
      range: context.fieldRange(step, site.field),
      message: `Step "${step.name}": Flujo needs a Python import path for ${site.purpose}; it reads \`${target}\` as module \`agents\` and fails to load the file. For Flujo, point it at a function (\`pkg.module:choose\`), or route with a conditional step whose branches call the agent.`,
      suggestion: `Replace \`${target}\` with an import path.`,
    });
  }
}

/** Portability rules about containers. */
export const portabilityContainerRules: readonly RuleDefinition[] = [
  stepRule({
    id: 'PORT-DEFAULT-BRANCH',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'A `default_branch` without a condition, which Flujo never runs.',
    checkStep: (visit, context) => {
      checkDefaultBranch(context, visit);
    },
  }),
  stepRule({
    id: 'PORT-ITERABLE-PATH',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'A dotted `map.iterable_input`, which Flujo cannot read.',
    checkStep: (visit, context) => {
      checkIterable(context, visit);
    },
  }),
  stepRule({
    id: 'PORT-LOOP-IGNORED',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description:
      'Loop/map keys Flujo never implemented (output_template, stop_when, init.history, …).',
    checkStep: (visit, context) => {
      checkLoopKeys(context, visit);
    },
  }),
  stepRule({
    id: 'PORT-LOOP-NO-EXIT',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'A loop without an exit: Flujo runs it once, or runs all iterations and fails.',
    checkStep: (visit, context) => {
      checkLoopExit(context, visit);
    },
  }),
  stepRule({
    id: 'PORT-AGENTS-PATH',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: '`router_agent`/`planner: agents.X`, where Flujo accepts only import paths.',
    checkStep: (visit, context) => {
      checkAgentsReference(context, visit);
    },
  }),
];
