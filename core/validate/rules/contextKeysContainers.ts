/**
 * How each container kind runs its children, for the context-key pass: which frame each child
 * sees and how the children's products fold back (FLUJO-SPEC §8.5–8.8, DECISIONS 5, 11).
 * Children run in `stepChildren` order, the order of the engine's visit list.
 */
import type {
  Branch,
  LoopStep,
  MapStep,
  ParallelStep,
  StateMachineStep,
  StepNode,
  StepVisit,
} from '../../model';
import { assertNever, mergeStrategyOf } from '../../model';
import type { ContextRead, ReadPhase, StepContextUse } from './contextKeysAnalysis';
import type { KeyEntry } from './contextKeysAvailability';
import {
  foldAlternatives,
  foldFrame,
  keyEntry,
  KeyFrame,
  someEntry,
} from './contextKeysAvailability';
import { subtreeWrites } from './contextKeysProducts';
import {
  branchReason,
  ignoredFailureReason,
  laterInBodyReason,
  mapBodyReason,
  parallelDropReason,
  routerReason,
  stateMachineReason,
  stateOpsReason,
} from './contextKeysReasons';

/** What the container handlers need from the pass. */
export interface ContainerFlow {
  /** Runs `steps` in order over `frame`. */
  list(steps: readonly StepNode[], frame: KeyFrame): void;
  /** Runs one step over `frame`. */
  step(step: StepNode, frame: KeyFrame): void;
  /** Records a product in `frame`. */
  add(frame: KeyFrame, key: string, producer: string, reason?: string): void;
  /** Checks the reads of `phase` against `frame`. */
  check(
    visit: StepVisit | undefined,
    reads: readonly ContextRead[],
    phase: ReadPhase,
    frame: KeyFrame,
  ): void;
}

/** The step being run: its visit (for findings) and its own context use. */
export interface RunningStep {
  readonly visit: StepVisit | undefined;
  readonly use: StepContextUse;
}

interface BranchFrame {
  readonly key: string;
  readonly label: string;
  readonly frame: KeyFrame;
}

function runBranches(
  flow: ContainerFlow,
  branches: readonly Branch[],
  parent: KeyFrame,
  filter?: { readonly roots: ReadonlySet<string>; readonly by: string },
): BranchFrame[] {
  const frames: BranchFrame[] = [];
  for (const branch of branches) {
    const frame = new KeyFrame(parent, filter?.roots, false, filter?.by);
    flow.list(branch.pipeline.steps, frame);
    frames.push({ key: branch.key, label: `branch "${branch.key}"`, frame });
  }
  return frames;
}

/** A frame over `parent` holding, as some-paths keys, everything `steps` write. */
function seededFrame(
  steps: readonly StepNode[],
  parent: KeyFrame,
  reason: (producer: string) => string,
): KeyFrame {
  const seeds = new KeyFrame(parent);
  for (const step of steps) {
    const writes = subtreeWrites(step);
    for (const { key, producer } of writes.keys) {
      seeds.add(keyEntry(key, producer, reason(producer)));
    }
    if (writes.unknown) seeds.unknown = true;
  }
  return seeds;
}

function parallel(flow: ContainerFlow, step: ParallelStep, frame: KeyFrame): void {
  const include = step.context_include_keys && new Set(step.context_include_keys);
  const strategy = mergeStrategyOf(step);
  const mapping = step.field_mapping;
  const filter = include && { roots: include, by: `parallel "${step.name}"` };
  for (const branch of runBranches(flow, step.branches, frame, filter)) {
    const mapped = mapping && Object.hasOwn(mapping, branch.key) ? mapping[branch.key] : undefined;
    const reasonFor = (entry: KeyEntry): string | undefined => {
      if (strategy === 'no_merge') {
        return parallelDropReason(entry.producer, step.name, 'merge_strategy no_merge');
      }
      if (include && !include.has(entry.root)) {
        return parallelDropReason(entry.producer, step.name, 'context_include_keys');
      }
      if (mapped && !mapped.includes(entry.root)) {
        return parallelDropReason(entry.producer, step.name, 'field_mapping');
      }
      if (step.on_branch_failure !== 'ignore') return undefined;
      return ignoredFailureReason(entry.producer, step.name, branch.key);
    };
    const fold = (entry: KeyEntry) => {
      const reason = reasonFor(entry);
      return reason === undefined ? entry : someEntry(entry, reason);
    };
    foldFrame(frame, branch.frame, fold, strategy !== 'no_merge');
  }
}

function loop(flow: ContainerFlow, step: LoopStep, at: RunningStep, frame: KeyFrame): void {
  const body = step.loop.body.steps;
  const seeds = seededFrame(body, frame, laterInBodyReason);
  const stateReason = stateOpsReason(step.name);
  for (const product of at.use.stateProducts) {
    seeds.add(keyEntry(product.key, step.name, stateReason));
  }
  for (const product of at.use.initProducts) flow.add(seeds, product.key, step.name);
  const bodyFrame = new KeyFrame(seeds);
  flow.list(body, bodyFrame);
  flow.check(at.visit, at.use.reads, 'after', bodyFrame);
  for (const product of at.use.initProducts) frame.add(keyEntry(product.key, step.name));
  foldFrame(frame, bodyFrame, (entry) => entry);
  for (const product of at.use.stateProducts) flow.add(frame, product.key, step.name, stateReason);
}

function map(flow: ContainerFlow, step: MapStep, at: RunningStep, frame: KeyFrame): void {
  const body = step.map.body.steps;
  const seeds = seededFrame(body, frame, laterInBodyReason);
  for (const product of at.use.initProducts) flow.add(seeds, product.key, step.name);
  const bodyFrame = new KeyFrame(seeds);
  flow.list(body, bodyFrame);
  for (const product of at.use.initProducts) frame.add(keyEntry(product.key, step.name));
  foldFrame(frame, bodyFrame, (entry) =>
    someEntry(entry, mapBodyReason(entry.producer, step.name)),
  );
  flow.check(at.visit, at.use.reads, 'after', frame);
}

function stateMachine(
  flow: ContainerFlow,
  step: StateMachineStep,
  at: RunningStep,
  frame: KeyFrame,
): void {
  const reason = (producer: string) => stateMachineReason(producer, step.name);
  const seeds = seededFrame(
    step.states.flatMap((state) => state.pipeline.steps),
    frame,
    reason,
  );
  flow.add(seeds, 'current_state', step.name);
  flow.add(seeds, 'next_state', step.name);
  for (const state of runBranches(flow, step.states, seeds)) {
    foldFrame(frame, state.frame, (entry) => someEntry(entry, reason(entry.producer)));
  }
  flow.check(at.visit, at.use.reads, 'after', seeds);
  frame.add(keyEntry('current_state', step.name));
  frame.add(keyEntry('next_state', step.name));
}

/** Runs the children of `step` over `frame` and folds what they produce into it. */
export function flowChildren(
  flow: ContainerFlow,
  step: StepNode,
  at: RunningStep,
  frame: KeyFrame,
): void {
  switch (step.kind) {
    case 'parallel':
      parallel(flow, step, frame);
      return;
    case 'conditional': {
      const alternatives = runBranches(flow, step.branches, frame);
      if (step.default_branch) {
        const defaultFrame = new KeyFrame(frame);
        flow.list(step.default_branch.steps, defaultFrame);
        alternatives.push({ key: '', label: 'the default branch', frame: defaultFrame });
      }
      foldAlternatives(frame, alternatives, (producer, labels) =>
        branchReason(producer, step.name, labels),
      );
      return;
    }
    case 'loop':
      loop(flow, step, at, frame);
      return;
    case 'map':
      map(flow, step, at, frame);
      return;
    case 'dynamic_router':
      for (const branch of runBranches(flow, step.router.branches, frame)) {
        foldFrame(frame, branch.frame, (entry) =>
          someEntry(entry, routerReason(entry.producer, step.name, branch.key)),
        );
      }
      return;
    case 'StateMachine':
      stateMachine(flow, step, at, frame);
      return;
    case 'cache':
      if (step.wrapped_step) flow.step(step.wrapped_step, frame);
      return;
    case 'step':
    case 'hitl':
    case 'agentic_loop':
    case 'tree_search':
    case 'custom':
      return;
    default:
      assertNever(step);
  }
}
