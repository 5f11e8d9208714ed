/**
 * Port types of every step of a pipeline (DECISIONS 4): what each step receives, what it declares
 * it accepts, and what it outputs. Untyped is `any`, so only two concrete types can mismatch.
 */
import type { Branch, ChildPipeline } from './childPipeline';
import type { Pipeline } from './pipeline';
import type { PortType } from './portType';
import type { ReduceSpec, StepNode } from './stepNode';
import type { ChildListRef, StepPath } from './stepPath';
import { assertNever } from './assertNever';
import { builtinSignature } from './builtinSignatures';
import { literalPortType } from './literalPortType';
import {
  ANY_TYPE,
  arrayType,
  NULL_TYPE,
  objectType,
  OPEN_OBJECT_TYPE,
  STRING_TYPE,
} from './portType';
import { fromJsonSchema } from './portTypeFromSchema';
import { unionType } from './portTypeUnion';
import { importOutputMappings, isBackgroundStep, isTemplateString } from './stepReaders';
import { classifyStep } from './stepRole';
import { childPath, formatPathKey } from './stepPath';

/** The port types of one step. */
export interface StepTypes {
  /** What the step receives: the previous step's output (the container's input for a first step,
   * `any` at the top level), or what its own `input:` renders to on a plain step. */
  readonly input: PortType;
  /** What the step declares it accepts (`input_schema`, a built-in's signature); `any` if nothing. */
  readonly accepts: PortType;
  /** What the step hands to the next step. */
  readonly output: PortType;
}

/** Extra knowledge the caller may have about a pipeline's surroundings. */
export interface StepTypeOptions {
  /** The output type of the child pipeline imported as `alias` (the caller loads child files). */
  readonly importOutput?: (alias: string) => PortType | undefined;
}

interface Derivation {
  readonly pipeline: Pipeline;
  readonly options: StepTypeOptions;
  readonly types: Map<StepPath, StepTypes>;
}

// Paths are built by appending `[index]` to the list's prefix (`steps`, `<owner>.loop.body`): the
// same strings `childPath`/`formatSegment` give, without a segment object per step.
function typeList(
  steps: readonly StepNode[],
  prefix: string,
  input: PortType,
  run: Derivation,
): PortType {
  let current = input;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index];
    if (step) current = typeStep(step, `${prefix}[${String(index)}]`, current, run).output;
  }
  return current;
}

function listPrefix(owner: StepPath, ref: ChildListRef): string {
  return 'key' in ref ? `${owner}.${ref.slot}${formatPathKey(ref.key)}` : `${owner}.${ref.slot}`;
}

function typeChild(
  pipeline: ChildPipeline,
  owner: StepPath,
  ref: ChildListRef,
  input: PortType,
  run: Derivation,
): PortType {
  return typeList(pipeline.steps, listPrefix(owner, ref), input, run);
}

function typeBranches(
  branches: readonly Branch[],
  owner: StepPath,
  slot: 'branches' | 'router.branches' | 'states',
  input: PortType,
  run: Derivation,
): readonly { readonly key: string; readonly output: PortType }[] {
  return branches.map((branch) => ({
    key: branch.key,
    output: typeChild(branch.pipeline, owner, { slot, key: branch.key }, input, run),
  }));
}

function mergedObjects(outputs: readonly PortType[]): PortType {
  const properties = new Map<string, PortType>();
  const required = new Set<string>();
  for (const output of outputs) {
    if (output.kind !== 'object') return OPEN_OBJECT_TYPE;
    for (const [name, type] of Object.entries(output.properties)) properties.set(name, type);
    for (const name of output.required) required.add(name);
  }
  return objectType(
    Object.fromEntries(properties),
    [...required].filter((name) => properties.has(name)),
  );
}

function concatenated(outputs: readonly PortType[]): PortType {
  const items = outputs.flatMap((output) => {
    if (output.kind === 'array') return [output.items];
    return output.kind === 'null' ? [] : [output];
  });
  return arrayType(items.length > 0 ? unionType(items) : ANY_TYPE);
}

function reducedOutput(
  reduce: ReduceSpec | undefined,
  branches: readonly { readonly key: string; readonly output: PortType }[],
): PortType {
  const outputs = branches.map((branch) => branch.output);
  const mode = typeof reduce === 'string' || reduce === undefined ? reduce : reduce.mode;
  if (typeof reduce === 'object' && (reduce.callable !== undefined || reduce.path !== undefined)) {
    return ANY_TYPE;
  }
  switch (mode?.trim().toLowerCase()) {
    case undefined:
      return objectType(Object.fromEntries(branches.map((branch) => [branch.key, branch.output])));
    case 'keys':
      return arrayType(STRING_TYPE);
    case 'values':
      return arrayType(unionType(outputs));
    case 'first':
    case 'last':
    case 'majority_vote':
    case 'code_consensus':
    case 'judge_selection':
      return unionType(outputs);
    case 'union':
      return mergedObjects(outputs);
    case 'concat':
      return concatenated(outputs);
    default:
      return ANY_TYPE;
  }
}

function receivedInput(step: StepNode, incoming: PortType): PortType {
  if (step.kind !== 'step' || step.input === undefined) return incoming;
  if (classifyStep(step).role === 'import') return incoming;
  return isTemplateString(step.input) ? STRING_TYPE : literalPortType(step.input);
}

function acceptedInput(step: StepNode): PortType {
  if (step.kind === 'hitl') return ANY_TYPE;
  if (step.input_schema) return fromJsonSchema(step.input_schema);
  const role = step.kind === 'step' ? classifyStep(step) : undefined;
  return role?.role === 'builtin' ? (builtinSignature(role.name)?.accepts ?? ANY_TYPE) : ANY_TYPE;
}

function plainStepOutput(step: StepNode, input: PortType, run: Derivation): PortType {
  if (step.output_schema) return fromJsonSchema(step.output_schema);
  const role = classifyStep(step);
  switch (role.role) {
    case 'passthrough':
      return input;
    case 'builtin':
      return builtinSignature(role.name)?.output(input) ?? ANY_TYPE;
    case 'declared-agent': {
      const agents = run.pipeline.agents ?? {};
      const agent = Object.hasOwn(agents, role.agentName) ? agents[role.agentName] : undefined;
      return fromJsonSchema(agent?.output_schema);
    }
    case 'import':
      if (step.updates_context) {
        return importOutputMappings(step.config).length > 0
          ? objectType({ import_artifacts: OPEN_OBJECT_TYPE })
          : ANY_TYPE;
      }
      return run.options.importOutput?.(role.alias) ?? ANY_TYPE;
    case 'skill':
    case 'python':
      return ANY_TYPE;
    default:
      return assertNever(role);
  }
}

function finalizedMapOutput(step: Extract<StepNode, { kind: 'map' }>, body: PortType): PortType {
  const finalize = step.map.finalize;
  if (finalize?.output_template !== undefined) return STRING_TYPE;
  if (finalize?.output !== undefined) {
    return objectType(
      Object.fromEntries(
        Object.entries(finalize.output).map(([key, value]) => [
          key,
          isTemplateString(value) ? STRING_TYPE : literalPortType(value),
        ]),
      ),
    );
  }
  return arrayType(body);
}

function kindOutput(step: StepNode, path: StepPath, input: PortType, run: Derivation): PortType {
  switch (step.kind) {
    case 'step':
      return plainStepOutput(step, input, run);
    case 'parallel':
      return reducedOutput(step.reduce, typeBranches(step.branches, path, 'branches', input, run));
    case 'conditional': {
      const branches = typeBranches(step.branches, path, 'branches', input, run);
      const fallback = step.default_branch
        ? [typeChild(step.default_branch, path, { slot: 'default_branch' }, input, run)]
        : [];
      return unionType([...branches.map((branch) => branch.output), ...fallback]);
    }
    case 'loop': {
      const loop = step.loop;
      const bodyInput = loop.initial_input_mapper === undefined ? input : ANY_TYPE;
      const body = typeChild(loop.body, path, { slot: 'loop.body' }, bodyInput, run);
      return loop.loop_output_mapper === undefined ? body : ANY_TYPE;
    }
    case 'map':
      return finalizedMapOutput(
        step,
        typeChild(step.map.body, path, { slot: 'map.body' }, ANY_TYPE, run),
      );
    case 'dynamic_router': {
      const branches = typeBranches(step.router.branches, path, 'router.branches', input, run);
      return objectType(
        Object.fromEntries(branches.map((branch) => [branch.key, branch.output])),
        [],
      );
    }
    case 'hitl':
      return step.input_schema ? fromJsonSchema(step.input_schema) : STRING_TYPE;
    case 'cache':
      return step.wrapped_step
        ? typeStep(step.wrapped_step, childPath(path, { slot: 'wrapped_step' }), input, run).output
        : input;
    case 'StateMachine':
      typeBranches(step.states, path, 'states', input, run);
      return NULL_TYPE;
    case 'agentic_loop':
    case 'tree_search':
    case 'custom':
      return step.output_schema ? fromJsonSchema(step.output_schema) : ANY_TYPE;
    default:
      return assertNever(step);
  }
}

function typeStep(step: StepNode, path: StepPath, incoming: PortType, run: Derivation): StepTypes {
  const input = receivedInput(step, incoming);
  const accepts = acceptedInput(step);
  // Entered before the children so the map lists parents first; `output` is filled in below.
  const types: { input: PortType; accepts: PortType; output: PortType } = {
    input,
    accepts,
    output: ANY_TYPE,
  };
  run.types.set(path, types);
  const structural = kindOutput(step, path, input, run);
  types.output = isBackgroundStep(step) ? incoming : structural;
  if (step.fallback) typeStep(step.fallback, childPath(path, { slot: 'fallback' }), incoming, run);
  return types;
}

/**
 * The port types of every step, keyed by step path, in document order. A step receives the
 * previous sibling's output (a container's first child gets the container's input; the first
 * top-level step gets `any`); a fallback gets the same input as its step; a map body gets `any`
 * (its items come from the context); loops type their body for the first iteration.
 */
export function deriveStepTypes(
  pipeline: Pipeline,
  options: StepTypeOptions = {},
): ReadonlyMap<StepPath, StepTypes> {
  const run: Derivation = { pipeline, options, types: new Map() };
  typeList(pipeline.steps, 'steps', ANY_TYPE, run);
  return run.types;
}
