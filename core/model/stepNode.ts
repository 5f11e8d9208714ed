import type { AgentRef } from './agentRef';
import type { Branch, ChildPipeline } from './childPipeline';
import type { ExtraKeys, YamlValue } from './jsonValue';
import type { NodeSource } from './sourceRange';
import type {
  JsonSchemaObject,
  PluginRef,
  ProcessingConfig,
  StepConfig,
  StepMeta,
  UsageLimits,
} from './stepConfig';

/** Every step kind of FLUJO-SPEC §3, plus `custom` for a kind Flujo does not register (kept, flagged). */
export type StepKind = StepNode['kind'];

/**
 * Fields every step mapping may carry (Flujo parses all steps with one model, FLUJO-SPEC §2). Field
 * names are the YAML keys, so a model node reads like the file. `extra` keeps unknown keys and known
 * keys whose value does not have the typed shape (those are reported as YAML-SCHEMA), verbatim.
 */
export interface StepBase {
  readonly name: string;
  /** Which key held the name: `name`, or its alias `step`. */
  readonly nameKey: 'name' | 'step';
  /** Whether the YAML wrote `kind:` (it defaults to `step`). */
  readonly explicitKind: boolean;
  readonly agent?: AgentRef;
  readonly uses?: string;
  readonly input?: YamlValue;
  readonly config?: StepConfig;
  readonly updates_context?: boolean;
  readonly validate_fields?: boolean;
  readonly sink_to?: string;
  readonly fallback?: StepNode;
  readonly usage_limits?: UsageLimits;
  readonly plugins?: readonly PluginRef[];
  readonly validators?: readonly string[];
  readonly processing?: ProcessingConfig;
  readonly input_schema?: JsonSchemaObject;
  readonly output_schema?: JsonSchemaObject;
  readonly meta?: StepMeta;
  readonly use_history?: boolean;
  /** Studio extension (DECISIONS 5): context keys this step reads. Flujo ignores it. */
  readonly input_keys?: readonly string[];
  /** Studio extension (DECISIONS 5): context keys this step produces. Flujo ignores it. */
  readonly output_keys?: readonly string[];
  readonly extra: ExtraKeys;
  readonly source?: NodeSource;
}

/** `kind: step`: a plain, built-in, declared-agent (`uses: agents.X`) or import (`uses: imports.X`) step. */
export interface PlainStep extends StepBase {
  readonly kind: 'step';
}

/** Parallel merge strategies (FLUJO-SPEC §3.3); Flujo compares them case-insensitively. */
export type MergeStrategy =
  'context_update' | 'overwrite' | 'no_merge' | 'error_on_conflict' | 'keep_first';

/** `reduce:` of a parallel step: a preset name or a reducer mapping (FLUJO-SPEC §8.8). */
export type ReduceSpec =
  | string
  | {
      readonly mode?: string;
      readonly callable?: string;
      readonly path?: string;
      readonly evaluator?: YamlValue;
      readonly extra: ExtraKeys;
    };

/** `kind: parallel` (FLUJO-SPEC §3.3). */
export interface ParallelStep extends StepBase {
  readonly kind: 'parallel';
  readonly branches: readonly Branch[];
  /** As written; see `MergeStrategy` for the values Flujo accepts (any letter case). */
  readonly merge_strategy?: string;
  readonly on_branch_failure?: 'propagate' | 'ignore';
  readonly context_include_keys?: readonly string[];
  readonly field_mapping?: Readonly<Record<string, readonly string[]>>;
  readonly ignore_branch_names?: boolean;
  readonly reduce?: ReduceSpec;
}

/** `kind: conditional` (FLUJO-SPEC §3.4). */
export interface ConditionalStep extends StepBase {
  readonly kind: 'conditional';
  readonly branches: readonly Branch[];
  readonly condition?: string;
  readonly condition_expression?: string;
  readonly default_branch?: ChildPipeline;
}

/** One `{ target, value }` operation of a loop's `state:` (FLUJO-SPEC §3.5). */
export interface StateOp {
  readonly target: string;
  readonly value: YamlValue;
  readonly extra: ExtraKeys;
}

/** A loop's `state:` mapping: ops applied between iterations. */
export interface LoopStateOps {
  readonly append?: readonly StateOp[];
  readonly set?: readonly StateOp[];
  readonly merge?: readonly StateOp[];
  readonly extra: ExtraKeys;
}

/** `history_management:` of a conversational loop. */
export interface HistoryManagement {
  readonly strategy?: 'truncate_tokens' | 'truncate_turns' | 'summarize';
  readonly max_tokens?: number;
  readonly max_turns?: number;
  readonly summarize_ratio?: number;
  readonly extra: ExtraKeys;
}

/**
 * The `loop:` mapping (FLUJO-SPEC §3.5). `init` and `propagation` keep their YAML form (they have
 * several); `output_template`, `output` and `stop_when` are documented by Flujo but not implemented.
 */
export interface LoopSpec {
  readonly body: ChildPipeline;
  readonly max_loops?: number;
  readonly exit_condition?: string;
  readonly exit_expression?: string;
  readonly initial_input_mapper?: string;
  readonly iteration_input_mapper?: string;
  readonly loop_output_mapper?: string;
  readonly state?: LoopStateOps;
  readonly init?: YamlValue;
  readonly propagation?: YamlValue;
  /** Which key held `propagation`: itself or its alias `propagate`. */
  readonly propagationKey?: 'propagation' | 'propagate';
  readonly conversation?: boolean;
  readonly history_management?: HistoryManagement;
  readonly history_template?: string;
  readonly ai_turn_source?: 'last' | 'all_agents' | 'named_steps';
  readonly user_turn_sources?: readonly string[];
  readonly named_steps?: readonly string[];
  readonly output_template?: YamlValue;
  readonly output?: YamlValue;
  readonly stop_when?: YamlValue;
  readonly extra: ExtraKeys;
  readonly source?: NodeSource;
}

/** `kind: loop`. */
export interface LoopStep extends StepBase {
  readonly kind: 'loop';
  readonly loop: LoopSpec;
}

/** `finalize:` of a map (FLUJO-SPEC §3.6). */
export interface MapFinalize {
  readonly output_template?: string;
  readonly output?: Readonly<Record<string, YamlValue>>;
  readonly extra: ExtraKeys;
}

/** The `map:` mapping (FLUJO-SPEC §3.6). `init` keeps its YAML form like the loop's. */
export interface MapSpec {
  readonly iterable_input: string;
  readonly body: ChildPipeline;
  readonly init?: YamlValue;
  readonly finalize?: MapFinalize;
  readonly extra: ExtraKeys;
  readonly source?: NodeSource;
}

/** `kind: map`. */
export interface MapStep extends StepBase {
  readonly kind: 'map';
  readonly map: MapSpec;
}

/** The `router:` mapping of a dynamic router (FLUJO-SPEC §3.7). */
export interface RouterSpec {
  readonly router_agent?: AgentRef;
  readonly branches: readonly Branch[];
  readonly extra: ExtraKeys;
  readonly source?: NodeSource;
}

/** `kind: dynamic_router`. */
export interface DynamicRouterStep extends StepBase {
  readonly kind: 'dynamic_router';
  readonly router: RouterSpec;
}

/** `kind: hitl`: pause for a human (FLUJO-SPEC §3.8); `input_schema` validates the reply. */
export interface HitlStep extends StepBase {
  readonly kind: 'hitl';
  readonly message?: string;
}

/** `kind: cache`: wraps one step (FLUJO-SPEC §3.9). */
export interface CacheStep extends StepBase {
  readonly kind: 'cache';
  readonly wrapped_step?: StepNode;
}

/** Events a state machine transition reacts to. */
export type TransitionEvent = 'success' | 'failure' | 'pause';

/** One entry of a StateMachine's `transitions:` (FLUJO-SPEC §3.11). */
export interface Transition {
  readonly from: string;
  readonly on: TransitionEvent;
  readonly to: string;
  readonly when?: string;
  readonly extra: ExtraKeys;
  readonly source?: NodeSource;
}

/** `kind: StateMachine` (FLUJO-SPEC §3.11, §8.6). `states` are kept in file order. */
export interface StateMachineStep extends StepBase {
  readonly kind: 'StateMachine';
  readonly start_state?: string;
  readonly states: readonly Branch[];
  /** As written: a list, or a scalar Flujo coerces to a list. */
  readonly end_states?: string | readonly string[];
  readonly transitions?: readonly Transition[];
}

/** `kind: agentic_loop` (FLUJO-SPEC §3.12): kept and round-tripped, not executed locally. */
export interface AgenticLoopStep extends StepBase {
  readonly kind: 'agentic_loop';
  readonly planner?: YamlValue;
  readonly registry?: YamlValue;
  readonly output_template?: string;
}

/** `kind: tree_search` (FLUJO-SPEC §3.13): kept and round-tripped, not executed locally. */
export interface TreeSearchStep extends StepBase {
  readonly kind: 'tree_search';
  readonly proposer?: YamlValue;
  readonly evaluator?: YamlValue;
  readonly discovery_agent?: YamlValue;
  readonly cost_function?: YamlValue;
  readonly candidate_validator?: YamlValue;
  readonly static_invariants?: YamlValue;
  readonly branching_factor?: number;
  readonly beam_width?: number;
  readonly max_depth?: number;
  readonly max_iterations?: number;
  readonly path_max_tokens?: number;
  readonly goal_score_threshold?: number;
  readonly require_goal?: boolean;
}

/** A `kind:` Flujo does not register by default; everything else it holds stays in `extra`. */
export interface CustomKindStep extends StepBase {
  readonly kind: 'custom';
  /** The kind string as written. */
  readonly customKind: string;
}

/** A step of a pipeline, discriminated on `kind` (STYLE 4). */
export type StepNode =
  | PlainStep
  | ParallelStep
  | ConditionalStep
  | LoopStep
  | MapStep
  | DynamicRouterStep
  | HitlStep
  | CacheStep
  | StateMachineStep
  | AgenticLoopStep
  | TreeSearchStep
  | CustomKindStep;
