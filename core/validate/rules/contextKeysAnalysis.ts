/**
 * What one step reads from and writes to the context by itself (DECISIONS 5), from its own fields
 * only, so it is cached by node identity: an edit replaces only the nodes on its path, and every
 * other step's analysis is reused on the next keystroke.
 */
import type { AgentSpec, SourceRange, StepNode, Transition, YamlValue } from '../../model';
import {
  assertNever,
  hasImportOutputs,
  importOutputMappings,
  isYamlList,
  isYamlMapping,
} from '../../model';
import { memoByStep } from '../stepMemo';
import type { ContextOp } from './contextKeysOps';
import { initOps, stateOps } from './contextKeysOps';
import { expressionContextReads, templateContextReads } from './contextKeysReads';
import { stepRoleOf } from './stepRoles';

/** When a read happens: before the step's children run, or after its body / states ran. */
export type ReadPhase = 'before' | 'after';

/** One context path a step reads, and where. */
export interface ContextRead {
  readonly key: string;
  /** Words for where it is read, e.g. "`input`" or "the `when` of transition a → b". */
  readonly where: string;
  readonly range: SourceRange | undefined;
  readonly phase: ReadPhase;
}

/** How a step produces a key. */
export type ProductOrigin =
  | 'sink_to'
  | 'output_keys'
  | 'updates_context'
  | 'context_set'
  | 'import outputs'
  | 'init'
  | 'state';

/** One context path a step writes. */
export interface ContextProduct {
  readonly key: string;
  readonly origin: ProductOrigin;
  readonly range: SourceRange | undefined;
}

/** A step's own context use (children are analysed separately). */
export interface StepContextUse {
  readonly reads: readonly ContextRead[];
  /** Written when the step completes. */
  readonly products: readonly ContextProduct[];
  /** Written by a loop's or map's `init` before the first iteration. */
  readonly initProducts: readonly ContextProduct[];
  /** Written by a loop's `state` ops between iterations. */
  readonly stateProducts: readonly ContextProduct[];
  /** Writes keys that cannot be known statically (a computed `context_set`/`context_merge` path). */
  readonly unknownProducts: boolean;
  /** The import alias whose whole child context is merged (`updates_context` without `outputs`). */
  readonly mergedImport: string | undefined;
}

class Collector {
  readonly reads: ContextRead[] = [];
  readonly products: ContextProduct[] = [];
  readonly initProducts: ContextProduct[] = [];
  readonly stateProducts: ContextProduct[] = [];
  unknownProducts = false;
  mergedImport: string | undefined;

  constructor(private readonly step: StepNode) {}

  range(field: string): SourceRange | undefined {
    return this.step.source?.fields[field] ?? this.step.source?.range;
  }

  templates(value: YamlValue | undefined, field: string, phase: ReadPhase): void {
    if (typeof value === 'string') {
      for (const key of templateContextReads(value)) {
        this.reads.push({ key, where: `\`${field}\``, range: this.range(field), phase });
      }
    } else if (isYamlList(value)) {
      value.forEach((item, index) => {
        this.templates(item, `${field}.${String(index)}`, phase);
      });
    } else if (isYamlMapping(value)) {
      for (const [key, item] of Object.entries(value))
        this.templates(item, `${field}.${key}`, phase);
    }
  }

  expression(text: string | undefined, field: string, phase: ReadPhase): void {
    if (text === undefined) return;
    for (const key of expressionContextReads(text)) {
      this.reads.push({ key, where: `\`${field}\``, range: this.range(field), phase });
    }
  }

  product(
    into: ContextProduct[],
    key: string | undefined,
    origin: ProductOrigin,
    field: string,
  ): void {
    const trimmed = key?.trim();
    if (trimmed) into.push({ key: trimmed, origin, range: this.range(field) });
  }

  ops(ops: readonly ContextOp[], into: ContextProduct[], origin: ProductOrigin, phase: ReadPhase) {
    for (const op of ops) {
      this.templates(op.value, op.valueField, phase);
      this.product(into, op.target, origin, op.targetField);
    }
  }
}

function transitionReads(collector: Collector, transitions: readonly Transition[]): void {
  for (const transition of transitions) {
    if (transition.when === undefined) continue;
    const where = `the \`when\` of transition ${transition.from} → ${transition.to}`;
    const range = transition.source?.fields.when ?? collector.range('transitions');
    for (const key of expressionContextReads(transition.when)) {
      collector.reads.push({ key, where, range, phase: 'after' });
    }
  }
}

function contextHelperPath(step: StepNode, collector: Collector): void {
  const role = step.kind === 'step' ? stepRoleOf(step) : undefined;
  if (role?.role !== 'builtin' || (role.name !== 'context_set' && role.name !== 'context_merge')) {
    return;
  }
  const params =
    typeof step.agent === 'object' && 'id' in step.agent ? step.agent.params : undefined;
  const fromInput = isYamlMapping(step.input) ? step.input.path : undefined;
  const path = fromInput ?? params?.path;
  const field = fromInput !== undefined ? 'input.path' : 'agent.params.path';
  if (typeof path === 'string' && !path.includes('{{') && path.trim() !== '') {
    collector.product(collector.products, path, 'context_set', field);
  } else {
    collector.unknownProducts = true;
  }
}

function importProducts(step: StepNode, collector: Collector): void {
  const role = step.kind === 'step' && step.updates_context ? stepRoleOf(step) : undefined;
  if (role?.role !== 'import') return;
  if (!hasImportOutputs(step.config)) {
    collector.mergedImport = role.alias;
    return;
  }
  for (const { parent } of importOutputMappings(step.config)) {
    const path = parent.startsWith('import_artifacts.') ? parent : `import_artifacts.${parent}`;
    collector.product(collector.products, path, 'import outputs', 'config.outputs');
  }
}

function kindUse(step: StepNode, collector: Collector): void {
  switch (step.kind) {
    case 'hitl':
      collector.templates(step.message, 'message', 'before');
      return;
    case 'conditional':
      collector.expression(step.condition_expression, 'condition_expression', 'before');
      return;
    case 'loop':
      collector.ops(initOps(step.loop.init, 'loop.init'), collector.initProducts, 'init', 'before');
      collector.ops(
        stateOps(step.loop.state, 'loop.state'),
        collector.stateProducts,
        'state',
        'after',
      );
      collector.expression(step.loop.exit_expression, 'loop.exit_expression', 'after');
      return;
    case 'map': {
      // Flujo reads the iterable as a top-level context attribute (FLUJO-SPEC §3.6).
      const iterable = step.map.iterable_input.trim().replace(/^context\./, '');
      if (iterable !== '' && !iterable.includes('{{')) {
        const field = 'map.iterable_input';
        collector.reads.push({
          key: iterable,
          where: `\`${field}\``,
          range: collector.range(field),
          phase: 'before',
        });
      }
      collector.ops(initOps(step.map.init, 'map.init'), collector.initProducts, 'init', 'before');
      collector.templates(
        step.map.finalize?.output_template,
        'map.finalize.output_template',
        'after',
      );
      collector.templates(step.map.finalize?.output, 'map.finalize.output', 'after');
      return;
    }
    case 'StateMachine':
      transitionReads(collector, step.transitions ?? []);
      return;
    case 'step':
      contextHelperPath(step, collector);
      importProducts(step, collector);
      return;
    case 'parallel':
    case 'dynamic_router':
    case 'cache':
    case 'agentic_loop':
    case 'tree_search':
    case 'custom':
      return;
    default:
      return assertNever(step);
  }
}

const NONE: readonly never[] = [];

function orNone<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? NONE : list;
}

function analyze(step: StepNode): StepContextUse {
  const collector = new Collector(step);
  collector.templates(step.input, 'input', 'before');
  (step.input_keys ?? []).forEach((key, index) => {
    collector.reads.push({
      key,
      where: '`input_keys`',
      range: collector.range(`input_keys.${String(index)}`),
      phase: 'before',
    });
  });
  kindUse(step, collector);
  collector.product(collector.products, step.sink_to, 'sink_to', 'sink_to');
  (step.output_keys ?? []).forEach((key, index) => {
    collector.product(collector.products, key, 'output_keys', `output_keys.${String(index)}`);
  });
  const { reads, products, initProducts, stateProducts, unknownProducts, mergedImport } = collector;
  // Most lists are empty: one shared empty list keeps the cached analyses small.
  return {
    reads: orNone(reads),
    products: orNone(products),
    initProducts: orNone(initProducts),
    stateProducts: orNone(stateProducts),
    unknownProducts,
    mergedImport,
  };
}

/** The step's own context reads and products, cached by node identity. */
export const stepContextUse: (step: StepNode) => StepContextUse = memoByStep(analyze);

const variablesByAgent = new WeakMap<AgentSpec, readonly string[]>();

/** Context paths a declared agent's prompt `variables` read, cached by agent node identity. */
export function agentVariableReads(agent: AgentSpec): readonly string[] {
  let reads = variablesByAgent.get(agent);
  if (!reads) {
    const prompt = agent.system_prompt;
    const variables = typeof prompt === 'object' ? (prompt.variables ?? {}) : {};
    reads = [
      ...new Set(
        Object.values(variables).flatMap((value) =>
          typeof value === 'string' ? templateContextReads(value) : [],
        ),
      ),
    ];
    variablesByAgent.set(agent, reads);
  }
  return reads;
}
