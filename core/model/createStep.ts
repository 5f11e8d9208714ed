import type { Branch } from './childPipeline';
import type { StepBase, StepKind, StepNode } from './stepNode';
import { emptyChildPipeline } from './stepChildren';

/** The step node type of one kind, e.g. `StepOfKind<'loop'>` is `LoopStep`. */
export type StepOfKind<K extends StepKind> = Extract<StepNode, { readonly kind: K }>;

/** Key of the first branch of a new parallel, conditional or router step. */
export const FIRST_BRANCH_KEY = 'branch_1';

/** Name of the first state of a new StateMachine (also its `start_state`). */
export const FIRST_STATE_KEY = 'start';

function base(name: string): Pick<StepBase, 'name' | 'nameKey' | 'explicitKind' | 'extra'> {
  return { name, nameKey: 'name', explicitKind: true, extra: {} };
}

function firstBranch(key: string): readonly Branch[] {
  return [{ key, pipeline: emptyChildPipeline() }];
}

const factories: { readonly [K in StepKind]: (name: string) => StepOfKind<K> } = {
  step: (name) => ({ ...base(name), kind: 'step' }),
  parallel: (name) => ({
    ...base(name),
    kind: 'parallel',
    branches: firstBranch(FIRST_BRANCH_KEY),
  }),
  conditional: (name) => ({
    ...base(name),
    kind: 'conditional',
    branches: firstBranch(FIRST_BRANCH_KEY),
  }),
  loop: (name) => ({
    ...base(name),
    kind: 'loop',
    loop: { body: emptyChildPipeline(), extra: {} },
  }),
  map: (name) => ({
    ...base(name),
    kind: 'map',
    map: { iterable_input: 'items', body: emptyChildPipeline(), extra: {} },
  }),
  dynamic_router: (name) => ({
    ...base(name),
    kind: 'dynamic_router',
    router: { branches: firstBranch(FIRST_BRANCH_KEY), extra: {} },
  }),
  hitl: (name) => ({ ...base(name), kind: 'hitl' }),
  cache: (name) => ({ ...base(name), kind: 'cache' }),
  StateMachine: (name) => ({
    ...base(name),
    kind: 'StateMachine',
    start_state: FIRST_STATE_KEY,
    states: firstBranch(FIRST_STATE_KEY),
  }),
  agentic_loop: (name) => ({ ...base(name), kind: 'agentic_loop' }),
  tree_search: (name) => ({ ...base(name), kind: 'tree_search' }),
  custom: (name) => ({ ...base(name), kind: 'custom', customKind: 'custom' }),
};

/** Every step kind, in palette order. */
export const STEP_KINDS: readonly StepKind[] = Object.keys(factories) as StepKind[];

/**
 * A minimal new step of `kind` named `name`, as the palette drops it: `kind:` written, `name` key,
 * containers with one empty child pipeline in list form (a cache starts without its wrapped step;
 * set it with `replaceStep(…, '<cache path>.wrapped_step', step)`), a map over context `items`.
 */
export function createStep<K extends StepKind>(kind: K, name: string): StepOfKind<K> {
  const factory: (name: string) => StepOfKind<K> = factories[kind];
  return factory(name);
}
