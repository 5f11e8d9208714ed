import { isMap, isScalar } from 'yaml';

import type {
  AgenticLoopStep,
  Branch,
  CacheStep,
  ChildPipeline,
  ConditionalStep,
  DynamicRouterStep,
  HitlStep,
  LoopStep,
  MapStep,
  ParallelStep,
  StepBase,
  StepNode,
  TreeSearchStep,
} from '../model';
import { FieldReader } from './fieldReaders';
import type { StepReader } from './readChildPipeline';
import { readBranches, readChildPipeline } from './readChildPipeline';
import { markSynthesized, report } from './readContext';
import { readLoopSpec, readMapSpec, readRouterSpec } from './readContainerSpecs';
import { defined } from './readStepFields';
import { pathField } from './stepPathFormat';
import { setOwn } from './yamlNodeValues';

/** The fields a kind adds to `StepBase`. */
export type KindFields<S extends StepNode> = Omit<S, keyof StepBase | 'kind'>;

const STEP_EXAMPLE = '{ kind: step, name: … }';
const STEPS_EXAMPLE = `[${STEP_EXAMPLE}]`;
const MERGE_STRATEGIES = [
  'context_update',
  'overwrite',
  'no_merge',
  'error_on_conflict',
  'keep_first',
];

/** A field holding exactly one step mapping (`fallback`, `wrapped_step`); bad ones stay in `extra`. */
export function readSingleStep(
  r: FieldReader,
  key: string,
  path: string,
  readStep: StepReader,
): StepNode | undefined {
  if (!r.has(key)) return undefined;
  if (!isMap(r.node(key))) {
    r.wrong(key, 'one step mapping', `${key}: ${STEP_EXAMPLE}`);
    return;
  }
  const step = readStep(r.ctx, r.node(key), path);
  if (step) r.take(key);
  return step;
}

/** A required `branches:`/`states:` mapping; an invented empty list when missing or malformed. */
export function requiredBranches(
  r: FieldReader,
  key: string,
  path: string,
  readStep: StepReader,
): readonly Branch[] {
  if (!r.has(key)) r.missing(key, `${key}: { first: ${STEPS_EXAMPLE} }`);
  const branches = readBranches(r.ctx, r, key, pathField(path, key), readStep);
  return branches ?? markSynthesized(r.ctx, []);
}

/** `kind: parallel` (FLUJO-SPEC §3.3). */
export function readParallel(
  r: FieldReader,
  path: string,
  read: StepReader,
): KindFields<ParallelStep> {
  const branches = requiredBranches(r, 'branches', path, read);
  const mergeNode = r.node('merge_strategy');
  const mergeStrategy = r.string('merge_strategy', 'merge_strategy: context_update');
  if (mergeStrategy !== undefined && !MERGE_STRATEGIES.includes(mergeStrategy.toLowerCase())) {
    const message =
      mergeStrategy.toLowerCase() === 'merge_scratchpad'
        ? '`merge_strategy: merge_scratchpad` no longer exists in Flujo (the scratchpad was removed): write `merge_strategy: context_update` (the default) or `overwrite`.'
        : `\`merge_strategy\` must be one of ${MERGE_STRATEGIES.map((s) => `\`${s}\``).join(', ')}: write \`merge_strategy: context_update\`.`;
    report(r.ctx, mergeNode, message, r.where);
  }
  return defined<KindFields<ParallelStep>>({
    branches,
    merge_strategy: mergeStrategy,
    on_branch_failure: r.oneOf('on_branch_failure', ['propagate', 'ignore'] as const),
    context_include_keys: r.stringList('context_include_keys'),
    field_mapping: readFieldMapping(r),
    ignore_branch_names: r.bool('ignore_branch_names'),
    reduce: readReduce(r),
  });
}

function readFieldMapping(r: FieldReader): ParallelStep['field_mapping'] {
  const node = r.mapping('field_mapping', 'field_mapping: { branch: [field] }');
  if (!node) return undefined;
  const inner = new FieldReader(r.ctx, node, r.where, 'field_mapping.');
  const out: Record<string, readonly string[]> = {};
  for (const key of inner.keys()) {
    const list = inner.stringList(key);
    if (list === undefined) return undefined;
    setOwn(out, key, list);
  }
  r.take('field_mapping');
  return out;
}

function readReduce(r: FieldReader): ParallelStep['reduce'] {
  if (!r.has('reduce')) return undefined;
  const node = r.node('reduce');
  if (isScalar(node) && typeof node.value === 'string') return r.string('reduce');
  if (!isMap(node)) {
    r.wrong('reduce', 'a preset name or a mapping', 'reduce: { mode: keys }');
    return;
  }
  const inner = new FieldReader(r.ctx, node, r.where, 'reduce.');
  const mode = inner.string('mode');
  const callable = inner.string('callable');
  const path = inner.string('path');
  const evaluator = inner.value('evaluator');
  const bad =
    (inner.has('mode') && mode === undefined) ||
    (inner.has('callable') && callable === undefined) ||
    (inner.has('path') && path === undefined);
  if (bad) return undefined;
  r.take('reduce');
  return defined({ mode, callable, path, evaluator, extra: inner.extra() });
}

/** `kind: conditional` (FLUJO-SPEC §3.4). */
export function readConditional(
  r: FieldReader,
  path: string,
  read: StepReader,
): KindFields<ConditionalStep> {
  const branches = requiredBranches(r, 'branches', path, read);
  if (r.has('branches') && branches.length === 0 && isMap(r.node('branches'))) {
    report(r.ctx, r.node('branches'), '`branches` needs at least one branch.', r.where);
  }
  return defined<KindFields<ConditionalStep>>({
    branches,
    condition: r.string('condition', 'condition: pkg.module:function'),
    condition_expression: r.string(
      'condition_expression',
      "condition_expression: previous_step == 'yes'",
    ),
    default_branch: readDefaultBranch(r, path, read),
  });
}

function readDefaultBranch(
  r: FieldReader,
  path: string,
  read: StepReader,
): ChildPipeline | undefined {
  if (!r.has('default_branch')) return undefined;
  const node = r.node('default_branch');
  if (isScalar(node)) {
    report(
      r.ctx,
      node,
      `\`default_branch\` must be a list of steps, not a branch key: write \`default_branch: ${STEPS_EXAMPLE}\`.`,
      r.where,
    );
    return undefined;
  }
  const where = pathField(path, 'default_branch');
  const pipeline = readChildPipeline(r.ctx, node, where, 'default_branch', read, r.where);
  if (pipeline) r.take('default_branch');
  return pipeline;
}

/** `kind: loop` (FLUJO-SPEC §3.5). */
export function readLoop(r: FieldReader, path: string, read: StepReader): KindFields<LoopStep> {
  return { loop: readLoopSpec(r, path, read) };
}

/** `kind: map` (FLUJO-SPEC §3.6). */
export function readMap(r: FieldReader, path: string, read: StepReader): KindFields<MapStep> {
  return { map: readMapSpec(r, path, read) };
}

/** `kind: dynamic_router` (FLUJO-SPEC §3.7). */
export function readRouter(
  r: FieldReader,
  path: string,
  read: StepReader,
): KindFields<DynamicRouterStep> {
  return { router: readRouterSpec(r, path, read) };
}

/** `kind: hitl` (FLUJO-SPEC §3.8). */
export function readHitl(r: FieldReader): KindFields<HitlStep> {
  return defined<KindFields<HitlStep>>({ message: r.string('message', 'message: Approve?') });
}

/** `kind: cache` (FLUJO-SPEC §3.9). */
export function readCache(r: FieldReader, path: string, read: StepReader): KindFields<CacheStep> {
  if (!r.has('wrapped_step')) r.missing('wrapped_step', `wrapped_step: ${STEP_EXAMPLE}`);
  const wrapped = readSingleStep(r, 'wrapped_step', pathField(path, 'wrapped_step'), read);
  return defined<KindFields<CacheStep>>({ wrapped_step: wrapped });
}

/** `kind: agentic_loop` (FLUJO-SPEC §3.12): kept as written. */
export function readAgenticLoop(r: FieldReader): KindFields<AgenticLoopStep> {
  return defined<KindFields<AgenticLoopStep>>({
    planner: r.value('planner'),
    registry: r.value('registry'),
    output_template: r.string('output_template'),
  });
}

/** `kind: tree_search` (FLUJO-SPEC §3.13): kept as written. */
export function readTreeSearch(r: FieldReader): KindFields<TreeSearchStep> {
  const int = (key: string): number | undefined => r.number(key, { integer: true });
  return defined<KindFields<TreeSearchStep>>({
    proposer: r.value('proposer'),
    evaluator: r.value('evaluator'),
    discovery_agent: r.value('discovery_agent'),
    cost_function: r.value('cost_function'),
    candidate_validator: r.value('candidate_validator'),
    static_invariants: r.value('static_invariants'),
    branching_factor: int('branching_factor'),
    beam_width: int('beam_width'),
    max_depth: int('max_depth'),
    max_iterations: int('max_iterations'),
    path_max_tokens: int('path_max_tokens'),
    goal_score_threshold: r.number('goal_score_threshold'),
    require_goal: r.bool('require_goal'),
  });
}
