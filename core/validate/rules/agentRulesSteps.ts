/**
 * Steps in relation to each other: one name used by two steps that can both run (V-A3), and an
 * output nothing uses (V-A5).
 */
import type { StepNode, StepVisit } from '../../model';
import { assertNever, isBackgroundStep, isTemplateString } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { BOTH_PROFILES } from '../ruleDefinition';
import { memoByStep } from '../stepMemo';
import { stepRoleOf } from './stepRoles';
import { visitsOfSharedNames } from './subtreeNames';
import { previousSiblingPath } from './templateRulesScope';
import { stepTexts } from './templateRulesSources';

/**
 * Whether two steps never both run: they sit in different branches of one conditional, or one is
 * the other's fallback or cached step (which share its name).
 */
function exclusive(a: StepVisit, b: StepVisit): boolean {
  const chain = (v: StepVisit) => [
    ...v.ancestors.map((x) => ({ path: x.path, via: x.via })),
    { path: v.path, via: undefined },
  ];
  const left = chain(a);
  const right = chain(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const l = left[i];
    const r = right[i];
    if (l?.path !== r?.path || !l || !r) return false;
    const lv = l.via;
    const rv = r.via;
    if (!lv || !rv) {
      const via = lv ?? rv;
      return via?.slot === 'fallback' || via?.slot === 'wrapped_step';
    }
    const sameSlot =
      lv.slot === rv.slot && ('key' in lv ? lv.key : '') === ('key' in rv ? rv.key : '');
    if (sameSlot) continue;
    const owner = a.ancestors[i]?.step;
    const branchSlot = (slot: string) => slot === 'branches' || slot === 'default_branch';
    return owner?.kind === 'conditional' && branchSlot(lv.slot) && branchSlot(rv.slot);
  }
  return false;
}

function checkDuplicateNames(context: RuleContext): void {
  const byName = new Map<string, StepVisit[]>();
  for (const visit of visitsOfSharedNames(context)) {
    const seen = byName.get(visit.step.name);
    const clash = seen?.find((other) => !exclusive(other, visit));
    if (clash) {
      context.report({
        step: visit,
        range: context.fieldRange(visit.step, visit.step.nameKey),
        message: `Step name "${visit.step.name}" is also used by the step at ${clash.path}, and both can run: \`steps.${visit.step.name}\` then reads whichever ran last, and run history cannot tell them apart. Rename one of them.`,
        suggestion: `Rename this step (e.g. "${visit.step.name}_2").`,
      });
    }
    if (seen) seen.push(visit);
    else byName.set(visit.step.name, [visit]);
  }
}

const SIDE_EFFECT_BUILTINS = new Set([
  'context_set',
  'context_merge',
  'fs_write_file',
  'write_pipeline_yaml',
  'http_get',
  'web_search',
  'ask_user',
  'code_interpreter',
  'run_pipeline_in_memory',
]);

/** Whether a step's output is its only effect (so losing it loses the step's work). */
const outputIsItsWork = memoByStep((step: StepNode): boolean => {
  if (step.updates_context || step.sink_to !== undefined || isBackgroundStep(step)) return false;
  if (step.kind === 'hitl') return true;
  if (step.kind !== 'step' || step.plugins?.length || step.validators?.length) return false;
  const role = stepRoleOf(step);
  switch (role.role) {
    case 'declared-agent':
      return true;
    case 'builtin':
      return !SIDE_EFFECT_BUILTINS.has(role.name);
    case 'passthrough':
      return step.input !== undefined;
    case 'import':
    case 'skill':
    case 'python':
      return false;
    default:
      return assertNever(role);
  }
});

/** Names read anywhere as `steps.<name>`, and whether HITL answers are read from the context. */
function pipelineReads(context: RuleContext): { steps: Set<string>; hitlAnswers: boolean } {
  const steps = new Set<string>();
  let hitlAnswers = false;
  for (const visit of context.steps) {
    for (const text of stepTexts(visit.step)) {
      for (const reference of text.analysis.references) {
        const [first] = reference.path;
        if (reference.root === 'steps' && first !== undefined) steps.add(first);
        if (reference.root === 'resume_input' || first === 'hitl_history') hitlAnswers = true;
      }
    }
  }
  return { steps, hitlAnswers };
}

function insideConversation(visit: StepVisit): boolean {
  return visit.ancestors.some(
    (ancestor) => ancestor.step.kind === 'loop' && ancestor.step.loop.conversation === true,
  );
}

/**
 * Whether a step replaces what it receives: a plain step whose templated `input` does not read
 * `previous_step` (cached by step node).
 */
const replacesPrevious = memoByStep((step: StepNode): boolean => {
  if (step.kind !== 'step' || !isTemplateString(step.input)) return false;
  if (stepRoleOf(step).role === 'import') return false;
  const input = stepTexts(step).find((text) => text.role === 'input');
  return input !== undefined && !input.analysis.references.some((r) => r.root === 'previous_step');
});

/** The visit of the step just before `visits[at]` in its list, found by scanning back. */
function previousSibling(context: RuleContext, at: number): StepVisit | undefined {
  const visit = context.steps[at];
  const path = visit && previousSiblingPath(visit);
  if (!visit || path === undefined) return undefined;
  for (let i = at - 1; i >= 0; i--) {
    const other = context.steps[i];
    if (!other || other.depth < visit.depth) break;
    if (other.depth === visit.depth) return other.path === path ? other : context.stepAt(path);
  }
  return context.stepAt(path);
}

function checkUnusedOutput(context: RuleContext): void {
  let reads: ReturnType<typeof pipelineReads> | undefined;
  for (let at = 0; at < context.steps.length; at++) {
    const visit = context.steps[at];
    if (!visit || !replacesPrevious(visit.step)) continue;
    const { step } = visit;
    const previous = previousSibling(context, at);
    if (!previous || !outputIsItsWork(previous.step) || insideConversation(visit)) continue;
    reads ??= pipelineReads(context);
    if (reads.steps.has(previous.step.name)) continue;
    if (previous.step.kind === 'hitl' && reads.hitlAnswers) continue;
    const what = previous.step.kind === 'hitl' ? "the human's answer" : 'its output';
    context.report({
      step: previous,
      message: `The output of step "${previous.step.name}" is never used: the next step "${step.name}" replaces ${what} with its own templated \`input\`, which does not read \`previous_step\`, and no step reads \`steps.${previous.step.name}\`. Read it in "${step.name}" (\`{{ previous_step }}\`), keep it with \`sink_to\`/\`updates_context\`, or remove "${previous.step.name}".`,
      suggestion: `Use \`{{ previous_step }}\` in "${step.name}", or store the output with \`sink_to\`.`,
    });
  }
}

/** Rules about steps in relation to each other. */
export const agentStepRules: readonly RuleDefinition[] = [
  {
    id: 'V-A3',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: 'Two steps that can both run share one name (`steps.<name>` becomes ambiguous).',
    check: checkDuplicateNames,
  },
  {
    id: 'V-A5',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description:
      "A step's output that the next step replaces with its own input and nothing reads.",
    check: checkUnusedOutput,
  },
];
