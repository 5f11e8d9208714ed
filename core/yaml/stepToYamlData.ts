import type {
  AgentRef,
  Branch,
  ChildPipeline,
  LoopSpec,
  LoopStateOps,
  MapSpec,
  PluginRef,
  ReduceSpec,
  RouterSpec,
  StateOp,
  StepBase,
  StepNode,
  Transition,
  YamlValue,
} from '../model';
import type { MapData, YamlData } from './yamlData';
import { scalarData } from './yamlData';
import type { DataContext } from './yamlDataBuilder';
import { MapDataBuilder, originOf } from './yamlDataBuilder';

type Keyed = { readonly extra: Readonly<Record<string, YamlValue>> } & object;

/** A typed sub-mapping (`config`, `meta`, …): its typed keys as plain values, then `extra`. */
function keyedData(ctx: DataContext, value: Keyed): YamlData {
  const b = new MapDataBuilder(ctx, value);
  for (const [key, field] of Object.entries(value)) {
    if (key === 'extra' || key === 'source') continue;
    b.value(key, field);
  }
  return b.extra(value.extra).build();
}

function agentRefData(ctx: DataContext, ref: AgentRef): YamlData {
  return typeof ref === 'string' ? scalarData(ref) : keyedData(ctx, ref);
}

function pluginData(ctx: DataContext, plugin: PluginRef): YamlData {
  return typeof plugin === 'string' ? scalarData(plugin) : keyedData(ctx, plugin);
}

function reduceData(ctx: DataContext, reduce: ReduceSpec): YamlData {
  return typeof reduce === 'string' ? scalarData(reduce) : keyedData(ctx, reduce);
}

/** A sub-pipeline in the form it was written; a `single` one with more or fewer steps becomes a list. */
function childPipelineData(ctx: DataContext, pipeline: ChildPipeline): YamlData {
  const origin = originOf(pipeline.source);
  const [only] = pipeline.steps;
  if (pipeline.form === 'single' && only !== undefined && pipeline.steps.length === 1) {
    return stepData(ctx, only);
  }
  const items = pipeline.steps.map((step) => stepData(ctx, step));
  if (pipeline.form === 'steps') {
    return new MapDataBuilder(ctx)
      .data('steps', { type: 'seq', items })
      .extra(pipeline.extra)
      .build({ origin });
  }
  return {
    type: 'seq',
    items,
    ...(origin !== undefined && pipeline.form === 'list' ? { origin } : {}),
  };
}

function branchesData(ctx: DataContext, branches: readonly Branch[]): YamlData {
  const b = new MapDataBuilder(ctx);
  for (const branch of branches) b.data(branch.key, childPipelineData(ctx, branch.pipeline));
  return b.build();
}

function stateOpsData(ctx: DataContext, ops: readonly StateOp[]): YamlData {
  return { type: 'seq', items: ops.map((op) => keyedData(ctx, op)) };
}

function loopStateData(ctx: DataContext, state: LoopStateOps): YamlData {
  return new MapDataBuilder(ctx, state)
    .model('append', state.append, (ops) => stateOpsData(ctx, ops))
    .model('set', state.set, (ops) => stateOpsData(ctx, ops))
    .model('merge', state.merge, (ops) => stateOpsData(ctx, ops))
    .extra(state.extra)
    .build();
}

function loopData(ctx: DataContext, loop: LoopSpec): YamlData {
  return new MapDataBuilder(ctx, loop)
    .value('max_loops', loop.max_loops)
    .value('exit_condition', loop.exit_condition)
    .value('exit_expression', loop.exit_expression)
    .value('initial_input_mapper', loop.initial_input_mapper)
    .value('iteration_input_mapper', loop.iteration_input_mapper)
    .value('loop_output_mapper', loop.loop_output_mapper)
    .model('state', loop.state, (state) => loopStateData(ctx, state))
    .value('init', loop.init)
    .value(loop.propagationKey ?? 'propagation', loop.propagation)
    .value('conversation', loop.conversation)
    .value('ai_turn_source', loop.ai_turn_source)
    .value('named_steps', loop.named_steps)
    .value('user_turn_sources', loop.user_turn_sources)
    .model('history_management', loop.history_management, (h) => keyedData(ctx, h))
    .value('history_template', loop.history_template)
    .model('body', loop.body, (body) => childPipelineData(ctx, body))
    .value('output_template', loop.output_template)
    .value('output', loop.output)
    .value('stop_when', loop.stop_when)
    .extra(loop.extra)
    .build();
}

function mapData(ctx: DataContext, map: MapSpec): YamlData {
  return new MapDataBuilder(ctx, map)
    .value('iterable_input', map.iterable_input)
    .value('init', map.init)
    .model('body', map.body, (body) => childPipelineData(ctx, body))
    .model('finalize', map.finalize, (finalize) => keyedData(ctx, finalize))
    .extra(map.extra)
    .build();
}

function routerData(ctx: DataContext, router: RouterSpec): YamlData {
  return new MapDataBuilder(ctx, router)
    .model('router_agent', router.router_agent, (ref) => agentRefData(ctx, ref))
    .model('branches', router.branches, (branches) => branchesData(ctx, branches))
    .extra(router.extra)
    .build();
}

function transitionData(ctx: DataContext, transition: Transition): YamlData {
  return new MapDataBuilder(ctx, transition)
    .value('from', transition.from)
    .data('on', scalarData(transition.on), { boolKey: true })
    .value('to', transition.to)
    .value('when', transition.when)
    .extra(transition.extra)
    .build({ origin: originOf(transition.source), modelNode: true });
}

function commonFields(ctx: DataContext, b: MapDataBuilder, step: StepBase): void {
  b.model('agent', step.agent, (ref) => agentRefData(ctx, ref))
    .value('uses', step.uses)
    .value('input', step.input)
    .value('input_schema', step.input_schema)
    .value('output_schema', step.output_schema)
    .value('updates_context', step.updates_context)
    .value('validate_fields', step.validate_fields)
    .value('sink_to', step.sink_to)
    .model('config', step.config, (config) => keyedData(ctx, config))
    .model('usage_limits', step.usage_limits, (limits) => keyedData(ctx, limits))
    .model('plugins', step.plugins, (plugins) => ({
      type: 'seq',
      items: plugins.map((plugin) => pluginData(ctx, plugin)),
    }))
    .value('validators', step.validators)
    .model('processing', step.processing, (processing) => keyedData(ctx, processing))
    .model('meta', step.meta, (meta) => keyedData(ctx, meta))
    .value('use_history', step.use_history)
    .value('input_keys', step.input_keys)
    .value('output_keys', step.output_keys);
}

function kindFields(ctx: DataContext, b: MapDataBuilder, step: StepNode): void {
  switch (step.kind) {
    case 'step':
    case 'custom':
      return;
    case 'parallel':
      b.model('branches', step.branches, (branches) => branchesData(ctx, branches))
        .value('merge_strategy', step.merge_strategy)
        .value('on_branch_failure', step.on_branch_failure)
        .value('context_include_keys', step.context_include_keys)
        .value('field_mapping', step.field_mapping)
        .value('ignore_branch_names', step.ignore_branch_names)
        .model('reduce', step.reduce, (reduce) => reduceData(ctx, reduce));
      return;
    case 'conditional':
      b.value('condition', step.condition)
        .value('condition_expression', step.condition_expression)
        .model('branches', step.branches, (branches) => branchesData(ctx, branches))
        .model('default_branch', step.default_branch, (p) => childPipelineData(ctx, p));
      return;
    case 'loop':
      b.model('loop', step.loop, (loop) => loopData(ctx, loop));
      return;
    case 'map':
      b.model('map', step.map, (map) => mapData(ctx, map));
      return;
    case 'dynamic_router':
      b.model('router', step.router, (router) => routerData(ctx, router));
      return;
    case 'hitl':
      b.value('message', step.message);
      return;
    case 'cache':
      b.model('wrapped_step', step.wrapped_step, (wrapped) => stepData(ctx, wrapped));
      return;
    case 'StateMachine':
      b.value('start_state', step.start_state)
        .value('end_states', step.end_states)
        .model('states', step.states, (states) => branchesData(ctx, states))
        .model('transitions', step.transitions, (transitions) => ({
          type: 'seq',
          items: transitions.map((transition) => transitionData(ctx, transition)),
        }));
      return;
    case 'agentic_loop':
      b.value('planner', step.planner)
        .value('registry', step.registry)
        .value('output_template', step.output_template);
      return;
    case 'tree_search':
      for (const key of [
        'proposer',
        'evaluator',
        'discovery_agent',
        'cost_function',
        'candidate_validator',
        'static_invariants',
        'branching_factor',
        'beam_width',
        'max_depth',
        'max_iterations',
        'path_max_tokens',
        'goal_score_threshold',
        'require_goal',
      ] as const) {
        b.value(key, step[key]);
      }
      return;
    default: {
      const unreachable: never = step;
      return unreachable;
    }
  }
}

/** One step as YAML data, inverse of `readStep` (honours `nameKey`, `explicitKind`, `extra`). */
export function stepData(ctx: DataContext, step: StepNode): MapData {
  const origin = originOf(step.source);
  if (origin !== undefined && ctx.parsedSteps?.has(step)) {
    // Unchanged since parsing: the printer keeps its node as is, so build the entries lazily.
    let entries: MapData['entries'] | undefined;
    return {
      type: 'map',
      origin,
      modelNode: true,
      pristine: true,
      get entries() {
        entries ??= fullStepData(ctx, step).entries;
        return entries;
      },
    };
  }
  return fullStepData(ctx, step);
}

function fullStepData(ctx: DataContext, step: StepNode): MapData {
  const b = new MapDataBuilder(ctx, step);
  if (step.explicitKind || step.kind !== 'step') {
    b.value('kind', step.kind === 'custom' ? step.customKind : step.kind);
  }
  b.value(step.nameKey, step.name);
  commonFields(ctx, b, step);
  kindFields(ctx, b, step);
  b.model('fallback', step.fallback, (fallback) => stepData(ctx, fallback));
  return b.extra(step.extra).build({ origin: originOf(step.source), modelNode: true });
}
