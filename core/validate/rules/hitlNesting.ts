import type { StepAncestor } from '../../model';
import type { RuleDefinition } from '../ruleDefinition';
import { BOTH_PROFILES } from '../ruleDefinition';
import { stepRule } from '../stepRule';

const BRANCHING_SLOTS = new Set(['branches', 'default_branch', 'router.branches']);
const ITERATING_SLOTS = new Set(['loop.body', 'map.body']);

/** The innermost branching container that sits inside a loop or map body, if any. */
function branchingInsideIteration(ancestors: readonly StepAncestor[]): StepAncestor | undefined {
  let insideIteration: StepAncestor | undefined;
  for (const ancestor of ancestors) {
    if (ITERATING_SLOTS.has(ancestor.via.slot)) insideIteration = ancestor;
    else if (insideIteration && BRANCHING_SLOTS.has(ancestor.via.slot)) return ancestor;
  }
  return undefined;
}

/**
 * HITL-NESTED-001 (DECISIONS 3): a `hitl` step inside a branching container (conditional, its
 * default branch, parallel, dynamic router) that is itself inside a loop or map body.
 */
export const hitlNestingRules: readonly RuleDefinition[] = [
  stepRule({
    id: 'HITL-NESTED-001',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description: 'Human-input step inside a branch that is inside a loop or map body.',
    checkStep(visit, context) {
      if (visit.step.kind !== 'hitl') return;
      const branching = branchingInsideIteration(visit.ancestors);
      if (!branching) return;
      const container = `${branching.step.kind} "${branching.step.name}"`;
      context.report({
        step: visit,
        message: `Human-input step "${visit.step.name}" sits in ${container} inside a loop or map body: a run cannot pause and resume there, so it is refused. Move the hitl step directly into the loop body (before or after ${container}), or out of the loop.`,
        suggestion: `Move "${visit.step.name}" out of ${container}.`,
      });
    },
  }),
];
