/**
 * Which step runs right before another in the same sequence, and which steps Flujo's own checks
 * look at (FLUJO-SPEC §9.1): its step validations only recurse into conditional and parallel
 * branches; its linters also into loop bodies, states and router branches, never into map bodies,
 * cached steps or fallbacks.
 */
import type { StepNode, StepPath, StepVisit } from '../../model';
import { childPath, childStepsAt, formatSegment } from '../../model';
import type { RuleContext } from '../ruleContext';

/** The path of the sibling right before `visit` in its list, if it is not the first. */
export function previousSiblingPath(visit: StepVisit): StepPath | undefined {
  const segment = visit.segment;
  if (!('index' in segment) || segment.index === 0) return undefined;
  const previous = { ...segment, index: segment.index - 1 };
  if (previous.slot === 'steps') return formatSegment(previous);
  return visit.parentPath === undefined ? undefined : childPath(visit.parentPath, previous);
}

/**
 * The step node that runs right before `visit` in its sequence, found through its parent's child
 * list (no path lookups; a cached step shares its cache's).
 */
export function previousStepNode(context: RuleContext, visit: StepVisit): StepNode | undefined {
  const { segment, ancestors } = visit;
  const parent = ancestors[ancestors.length - 1];
  if (segment.slot === 'wrapped_step') {
    const cache = parent && context.stepAt(parent.path);
    return cache && previousStepNode(context, cache);
  }
  if (!('index' in segment) || segment.index === 0) return undefined;
  if (segment.slot === 'steps') return context.pipeline.steps[segment.index - 1];
  return parent && childStepsAt(parent.step, segment)?.[segment.index - 1];
}

/** The step that runs right before `visit` in its sequence (a cached step shares its cache's). */
export function previousStep(context: RuleContext, visit: StepVisit): StepVisit | undefined {
  if (visit.segment.slot === 'wrapped_step') {
    const cache = visit.parentPath === undefined ? undefined : context.stepAt(visit.parentPath);
    return cache && previousStep(context, cache);
  }
  const path = previousSiblingPath(visit);
  return path === undefined ? undefined : context.stepAt(path);
}

const STEP_VALIDATION_SLOTS = new Set(['branches', 'default_branch']);
const LINTER_SLOTS = new Set([
  'branches',
  'default_branch',
  'loop.body',
  'states',
  'router.branches',
]);

function inSequence(visit: StepVisit, slots: ReadonlySet<string>): boolean {
  if (!('index' in visit.segment)) return false;
  return visit.ancestors.every((ancestor) => slots.has(ancestor.via.slot));
}

/** Whether Flujo's step validations (V-A2*, V-F1, CTX-OUTPUT-KEYS) see this step. */
export function inFlujoStepValidation(visit: StepVisit): boolean {
  return inSequence(visit, STEP_VALIDATION_SLOTS);
}

/** Whether Flujo's linters (V-C1, …) see this step. */
export function inFlujoLinters(visit: StepVisit): boolean {
  return inSequence(visit, LINTER_SLOTS);
}
