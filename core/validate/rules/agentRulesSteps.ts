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
import { memoBySubtree } from '../subtreeMemo';
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

interface Reads {
  readonly steps: ReadonlySet<string>;
  readonly hitlAnswers: boolean;
}

/** Names a subtree reads as `steps.<name>`, and whether it reads HITL answers from the context. */
const subtreeReads = memoBySubtree((subtree): Reads => {
  const steps = new Set<string>();
  let hitlAnswers = false;
  for (const visit of subtree.visits) {
    for (const text of stepTexts(visit.step)) {
      for (const reference of text.analysis.references) {
        const [first] = reference.path;
        if (reference.root === 'steps' && first !== undefined) steps.add(first);
        if (reference.root === 'resume_input' || first === 'hitl_history') hitlAnswers = true;
      }
    }
  }
  return { steps, hitlAnswers };
});

// The reads of the last pipeline, rebuilt only when one of its subtrees' reads changed.
let lastReads: { readonly parts: readonly Reads[]; readonly reads: Reads } | undefined;

/** Names read anywhere as `steps.<name>`, and whether HITL answers are read from the context. */
function pipelineReads(context: RuleContext): Reads {
  const parts = context.subtrees.map(subtreeReads);
  const last = lastReads;
  if (last?.parts.length === parts.length && last.parts.every((part, i) => part === parts[i])) {
    return last.reads;
  }
  const steps = new Set<string>();
  let hitlAnswers = false;
  for (const part of parts) {
    for (const name of part.steps) steps.add(name);
    hitlAnswers ||= part.hitlAnswers;
  }
  const reads = { steps, hitlAnswers };
  lastReads = { parts, reads };
  return reads;
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
function previousSibling(visits: readonly StepVisit[], at: number): StepVisit | undefined {
  const visit = visits[at];
  const path = visit && previousSiblingPath(visit);
  if (!visit || path === undefined) return undefined;
  for (let i = at - 1; i >= 0; i--) {
    const other = visits[i];
    if (!other || other.depth < visit.depth) break;
    if (other.depth === visit.depth && other.path === path) return other;
    if (other.depth === visit.depth) break;
  }
  return visits.find((other) => other.path === path);
}

interface Replacement {
  /** The step that replaces its input. */
  readonly visit: StepVisit;
  /** The step before it in its list, when that is in the same subtree and its output is its work;
   * undefined for a top-level step (its previous step heads the previous subtree). */
  readonly previous: StepVisit | undefined;
}

/**
 * The steps of a subtree (outside conversation loops) that replace their input, with the previous
 * step whose output is lost when that is inside the subtree.
 */
const subtreeReplacements = memoBySubtree((subtree): readonly Replacement[] => {
  const found: Replacement[] = [];
  const { visits } = subtree;
  for (let at = 0; at < visits.length; at++) {
    const visit = visits[at];
    if (!visit || !replacesPrevious(visit.step)) continue;
    if (visit.depth === 0) {
      found.push({ visit, previous: undefined });
      continue;
    }
    const previous = previousSibling(visits, at);
    if (!previous || !outputIsItsWork(previous.step) || insideConversation(visit)) continue;
    found.push({ visit, previous });
  }
  return found;
});

function checkUnusedOutput(context: RuleContext): void {
  let reads: Reads | undefined;
  context.subtrees.forEach((subtree, index) => {
    for (const replacement of subtreeReplacements(subtree)) {
      const { visit } = replacement;
      const { step } = visit;
      const previous =
        visit.depth === 0 ? context.subtrees[index - 1]?.visits[0] : replacement.previous;
      if (!previous || !outputIsItsWork(previous.step)) continue;
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
  });
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
