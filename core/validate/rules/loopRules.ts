/**
 * Loops that cannot end well: an exit expression that reads only context nothing in the body
 * writes (V-L1), and an exit that is constant false or missing with a huge cap (V-CF1).
 */
import { evaluate, isTruthy } from '../../expr';
import type { LoopStep, StepNode, StepVisit } from '../../model';
import { stepChildren } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { stepRule } from '../stepRule';
import { BOTH_PROFILES } from '../ruleDefinition';
import { stepTexts } from './templateRulesSources';
import { stepRoleOf } from './stepRoles';

/** A cap at or above this many iterations counts as unbounded. */
const HUGE_CAP = 1000;

/** Whether a step (or anything inside it) may change the context. */
function mayWriteContext(step: StepNode): boolean {
  if (step.updates_context || step.sink_to !== undefined || step.kind === 'hitl') return true;
  if (step.kind === 'loop' && (step.loop.state !== undefined || step.loop.conversation))
    return true;
  if (step.kind === 'step') {
    const role = stepRoleOf(step);
    if (role.role === 'python' || role.role === 'skill') return true;
    if (role.role === 'builtin' && (role.name === 'context_set' || role.name === 'context_merge')) {
      return true;
    }
  }
  if (step.kind === 'agentic_loop' || step.kind === 'tree_search' || step.kind === 'custom') {
    return true;
  }
  return stepChildren(step).some((child) =>
    child.kind === 'single'
      ? mayWriteContext(child.step)
      : child.pipeline.steps.some(mayWriteContext),
  );
}

function exitReferences(step: LoopStep) {
  return stepTexts(step).find((text) => text.field === 'loop.exit_expression');
}

function checkStuckExit(context: RuleContext, visit: StepVisit, step: LoopStep): void {
  const { loop } = step;
  if (loop.exit_condition !== undefined || loop.iteration_input_mapper !== undefined) return;
  if (loop.state !== undefined || loop.conversation || loop.propagation !== undefined) return;
  const exit = exitReferences(step);
  if (!exit || exit.analysis.errors.length > 0) return;
  const references = exit.analysis.references;
  if (references.length === 0 || references.some((r) => r.root !== 'context')) return;
  if (loop.body.steps.some(mayWriteContext)) return;
  const read = references.map((r) => `\`context.${r.path.join('.')}\``).join(', ');
  context.report({
    step: visit,
    range: exit.range,
    message: `Loop "${step.name}" exits on ${read}, but nothing in its body writes to the context (no \`updates_context\`, \`sink_to\`, context_set/context_merge or \`state\` ops), so the exit gives the same answer every iteration and the loop runs until \`max_loops\` (${String(loop.max_loops ?? 5)}). Let a body step write the key the exit reads, or exit on \`previous_step\`.`,
    suggestion: 'Write the key the exit expression reads inside the loop body.',
  });
}

/** Whether the exit expression never becomes true: it reads nothing and evaluates falsy. */
function constantFalse(step: LoopStep): boolean {
  const exit = exitReferences(step);
  if (!exit || exit.analysis.errors.length > 0 || exit.analysis.references.length > 0) return false;
  const result = evaluate(exit.text, {});
  return result.ok && !isTruthy(result.value);
}

function checkRunaway(context: RuleContext, visit: StepVisit, step: LoopStep): void {
  const { loop } = step;
  const cap = loop.max_loops ?? 5;
  const hasExit = loop.exit_condition !== undefined || loop.exit_expression !== undefined;
  if (loop.exit_condition === undefined && constantFalse(step)) {
    const huge = cap >= HUGE_CAP;
    context.report({
      step: visit,
      range: context.fieldRange(step, 'loop.exit_expression'),
      // A small cap may be a deliberate "run N times"; with a huge one it is a runaway loop.
      severity: huge ? 'error' : 'warning',
      message: `Loop "${step.name}" has \`exit_expression: ${loop.exit_expression ?? ''}\`, which is always false, so the loop never exits by its condition and always runs all ${String(cap)} iterations. Write an exit expression that reads \`previous_step\` or the context.`,
      suggestion: 'Make the exit expression depend on the loop body’s output.',
    });
    return;
  }
  if (cap < HUGE_CAP) return;
  if (hasExit && context.profile !== 'flujo') return;
  const why = hasExit
    ? 'Flujo flags any cap this large (V-CF1) as a potential infinite loop'
    : 'it has no `exit_expression` or `exit_condition`, so it always runs them all';
  context.report({
    step: visit,
    range: context.fieldRange(step, 'loop.max_loops'),
    message: `Loop "${step.name}" may run ${String(cap)} iterations: ${why}. Add an \`exit_expression\` and lower \`max_loops\` to the most iterations you expect.`,
    suggestion: 'Add an exit expression and a smaller `max_loops`.',
  });
}

/** Loop rules. */
export const loopRules: readonly RuleDefinition[] = [
  stepRule({
    id: 'V-L1',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: 'A loop exits on context keys that nothing in its body writes.',
    checkStep: (visit, context) => {
      if (visit.step.kind === 'loop') checkStuckExit(context, visit, visit.step);
    },
  }),
  stepRule({
    id: 'V-CF1',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description: 'A loop whose exit is always false, or missing with `max_loops` ≥ 1000.',
    checkStep: (visit, context) => {
      if (visit.step.kind === 'loop') checkRunaway(context, visit, visit.step);
    },
  }),
];
