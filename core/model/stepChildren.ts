/**
 * The one place that knows which step kinds hold which children. Traversal, edits, type
 * derivation and the canvas go through these functions instead of switching on kinds themselves.
 */
import type { Branch, ChildPipeline } from './childPipeline';
import type { StepNode } from './stepNode';
import type { ChildListRef, ChildStepRef } from './stepPath';
import { assertNever } from './assertNever';

/** One child slot of a step that is present in the model: a child pipeline or a single step. */
export type StepChild =
  | { readonly kind: 'list'; readonly ref: ChildListRef; readonly pipeline: ChildPipeline }
  | { readonly kind: 'single'; readonly ref: ChildStepRef; readonly step: StepNode };

function branchChildren(
  slot: 'branches' | 'router.branches' | 'states',
  branches: readonly Branch[],
): StepChild[] {
  return branches.map((branch) => ({
    kind: 'list',
    ref: { slot, key: branch.key },
    pipeline: branch.pipeline,
  }));
}

function containerChildren(step: StepNode): StepChild[] {
  switch (step.kind) {
    case 'parallel':
      return branchChildren('branches', step.branches);
    case 'conditional': {
      const branches = branchChildren('branches', step.branches);
      if (!step.default_branch) return branches;
      const defaultBranch: StepChild = {
        kind: 'list',
        ref: { slot: 'default_branch' },
        pipeline: step.default_branch,
      };
      return [...branches, defaultBranch];
    }
    case 'loop':
      return [{ kind: 'list', ref: { slot: 'loop.body' }, pipeline: step.loop.body }];
    case 'map':
      return [{ kind: 'list', ref: { slot: 'map.body' }, pipeline: step.map.body }];
    case 'dynamic_router':
      return branchChildren('router.branches', step.router.branches);
    case 'StateMachine':
      return branchChildren('states', step.states);
    case 'cache':
      return step.wrapped_step
        ? [{ kind: 'single', ref: { slot: 'wrapped_step' }, step: step.wrapped_step }]
        : [];
    case 'step':
    case 'hitl':
    case 'agentic_loop':
    case 'tree_search':
    case 'custom':
      return [];
    default:
      return assertNever(step);
  }
}

/**
 * The children present on `step`, in document order: its container children (branches in file
 * order, then `default_branch`), then its `fallback`. Absent optional slots are not listed.
 */
export function stepChildren(step: StepNode): readonly StepChild[] {
  const children = containerChildren(step);
  if (!step.fallback) return children;
  return [...children, { kind: 'single', ref: { slot: 'fallback' }, step: step.fallback }];
}

/** Whether the kind holds child steps of its own (a fallback does not make a step a container). */
export function isContainer(step: StepNode): boolean {
  switch (step.kind) {
    case 'parallel':
    case 'conditional':
    case 'loop':
    case 'map':
    case 'dynamic_router':
    case 'StateMachine':
    case 'cache':
      return true;
    case 'step':
    case 'hitl':
    case 'agentic_loop':
    case 'tree_search':
    case 'custom':
      return false;
    default:
      return assertNever(step);
  }
}

/** An empty child pipeline in list form, as new containers and new default branches get. */
export function emptyChildPipeline(): ChildPipeline {
  return { steps: [], form: 'list' };
}

function findBranch(branches: readonly Branch[], key: string): Branch | undefined {
  return branches.find((branch) => branch.key === key);
}

/**
 * The steps of the child list `ref` of `step`: undefined when the kind has no such slot or the
 * branch key does not exist; `[]` for a conditional without a `default_branch` (it can gain one).
 */
export function childStepsAt(step: StepNode, ref: ChildListRef): readonly StepNode[] | undefined {
  switch (ref.slot) {
    case 'loop.body':
      return step.kind === 'loop' ? step.loop.body.steps : undefined;
    case 'map.body':
      return step.kind === 'map' ? step.map.body.steps : undefined;
    case 'default_branch':
      return step.kind === 'conditional' ? (step.default_branch?.steps ?? []) : undefined;
    case 'branches':
      return step.kind === 'parallel' || step.kind === 'conditional'
        ? findBranch(step.branches, ref.key)?.pipeline.steps
        : undefined;
    case 'router.branches':
      return step.kind === 'dynamic_router'
        ? findBranch(step.router.branches, ref.key)?.pipeline.steps
        : undefined;
    case 'states':
      return step.kind === 'StateMachine'
        ? findBranch(step.states, ref.key)?.pipeline.steps
        : undefined;
    default:
      return assertNever(ref);
  }
}

/** `pipeline` holding `steps`; a `single`-form pipeline that no longer has one step becomes a `list`. */
export function withPipelineSteps(
  pipeline: ChildPipeline,
  steps: readonly StepNode[],
): ChildPipeline {
  if (steps === pipeline.steps) return pipeline;
  const form = pipeline.form === 'single' && steps.length !== 1 ? 'list' : pipeline.form;
  return { ...pipeline, steps, form };
}

function withBranchSteps(
  branches: readonly Branch[],
  key: string,
  steps: readonly StepNode[],
): readonly Branch[] | undefined {
  const index = branches.findIndex((branch) => branch.key === key);
  const branch = branches[index];
  if (!branch) return undefined;
  const updated: Branch = { ...branch, pipeline: withPipelineSteps(branch.pipeline, steps) };
  return branches.map((other, i) => (i === index ? updated : other));
}

/**
 * `step` with the child list `ref` replaced by `steps` (everything else shared); undefined when the
 * kind has no such slot or the branch key does not exist. A missing `default_branch` is created.
 */
export function withChildSteps(
  step: StepNode,
  ref: ChildListRef,
  steps: readonly StepNode[],
): StepNode | undefined {
  switch (ref.slot) {
    case 'loop.body':
      if (step.kind !== 'loop') return undefined;
      return { ...step, loop: { ...step.loop, body: withPipelineSteps(step.loop.body, steps) } };
    case 'map.body':
      if (step.kind !== 'map') return undefined;
      return { ...step, map: { ...step.map, body: withPipelineSteps(step.map.body, steps) } };
    case 'default_branch': {
      if (step.kind !== 'conditional') return undefined;
      const current = step.default_branch ?? emptyChildPipeline();
      return { ...step, default_branch: withPipelineSteps(current, steps) };
    }
    case 'branches': {
      if (step.kind !== 'parallel' && step.kind !== 'conditional') return undefined;
      const branches = withBranchSteps(step.branches, ref.key, steps);
      return branches && { ...step, branches };
    }
    case 'router.branches': {
      if (step.kind !== 'dynamic_router') return undefined;
      const branches = withBranchSteps(step.router.branches, ref.key, steps);
      return branches && { ...step, router: { ...step.router, branches } };
    }
    case 'states': {
      if (step.kind !== 'StateMachine') return undefined;
      const states = withBranchSteps(step.states, ref.key, steps);
      return states && { ...step, states };
    }
    default:
      return assertNever(ref);
  }
}

/** The single child step in slot `ref` (`wrapped_step` of a cache, or any step's `fallback`). */
export function childStepAt(step: StepNode, ref: ChildStepRef): StepNode | undefined {
  if (ref.slot === 'fallback') return step.fallback;
  return step.kind === 'cache' ? step.wrapped_step : undefined;
}

/** Whether the kind has the single-step slot `ref` (every kind has a fallback; only cache wraps). */
export function hasChildStepSlot(step: StepNode, ref: ChildStepRef): boolean {
  return ref.slot === 'fallback' || step.kind === 'cache';
}

/**
 * `step` with the single child in `ref` set to `child`, or removed when `child` is undefined;
 * undefined when the kind has no such slot.
 */
export function withChildStep(
  step: StepNode,
  ref: ChildStepRef,
  child: StepNode | undefined,
): StepNode | undefined {
  if (ref.slot === 'fallback') {
    if (child) return { ...step, fallback: child };
    const { fallback, ...rest } = step;
    return fallback ? rest : step;
  }
  if (step.kind !== 'cache') return undefined;
  if (child) return { ...step, wrapped_step: child };
  const { wrapped_step, ...rest } = step;
  return wrapped_step ? rest : step;
}
