/**
 * Keys a step produces that depend on its derived types (`updates_context` merges the properties
 * of an object output), and every key a subtree writes (for reads that may see a later step's
 * write: the next loop iteration, another map item, another state).
 */
import type { PortType, StepNode, StepTypes } from '../../model';
import { ANY_TYPE, builtinSignature, fromJsonSchema, stepChildren } from '../../model';
import { memoByStep } from '../stepMemo';
import { stepContextUse } from './contextKeysAnalysis';
import { stepRoleOf } from './stepRoles';

/** The keys an `updates_context` output merges: certain, on some outputs only, or unknowable. */
export interface MergedKeys {
  readonly certain: readonly string[];
  readonly some: readonly string[];
  readonly unknown: boolean;
}

const NONE: MergedKeys = { certain: [], some: [], unknown: false };
const UNKNOWN: MergedKeys = { certain: [], some: [], unknown: true };

function objectKeys(type: PortType): readonly string[] | undefined {
  if (type.kind !== 'object') return undefined;
  const names = Object.keys(type.properties);
  return names.length === 0 && type.additionalProperties !== false ? undefined : names;
}

const mergedByType = new WeakMap<PortType, MergedKeys>();

/** What merging an output of `type` into the context writes (DECISIONS 5: an object's properties). */
export function mergedKeys(type: PortType | undefined): MergedKeys {
  if (!type) return UNKNOWN;
  let merged = mergedByType.get(type);
  if (!merged) {
    merged = computeMergedKeys(type);
    mergedByType.set(type, merged);
  }
  return merged;
}

function computeMergedKeys(type: PortType): MergedKeys {
  if (type.kind === 'any') return UNKNOWN;
  if (type.kind === 'object') {
    const keys = objectKeys(type);
    return keys ? { certain: keys, some: [], unknown: false } : UNKNOWN;
  }
  if (type.kind !== 'anyOf') return NONE;
  const objects = type.members.filter((member) => member.kind === 'object');
  const keyLists = objects.map(objectKeys);
  if (keyLists.some((keys) => keys === undefined)) return UNKNOWN;
  const lists = keyLists.filter((keys): keys is readonly string[] => keys !== undefined);
  const all = [...new Set(lists.flat())];
  const certain =
    objects.length === type.members.length
      ? all.filter((key) => lists.every((keys) => keys.includes(key)))
      : [];
  return { certain, some: all.filter((key) => !certain.includes(key)), unknown: false };
}

/** The `updates_context` keys of a step (import steps write through their `outputs` instead). */
export function updatesContextKeys(step: StepNode, types: StepTypes | undefined): MergedKeys {
  if (!step.updates_context) return NONE;
  if (step.kind === 'step' && stepRoleOf(step).role === 'import') return NONE;
  return mergedKeys(types?.output);
}

/** A key written somewhere in a subtree, and the step that writes it. */
export interface WrittenKey {
  readonly key: string;
  readonly producer: string;
}

/** Every key written somewhere in a subtree; `unknown` when some writes cannot be known. */
export interface SubtreeWrites {
  readonly keys: readonly WrittenKey[];
  readonly unknown: boolean;
}

/**
 * The keys an `updates_context` step merges, from its own fields only: its output_schema, or a
 * built-in whose output does not depend on its input; anything else is unknown.
 */
function ownMergedKeys(step: StepNode): MergedKeys {
  if (!step.updates_context) return NONE;
  const role = step.kind === 'step' ? stepRoleOf(step) : undefined;
  if (role?.role === 'import') return NONE;
  if (step.output_schema) return mergedKeys(fromJsonSchema(step.output_schema));
  const signature = role?.role === 'builtin' ? builtinSignature(role.name) : undefined;
  return signature ? mergedKeys(signature.output(ANY_TYPE)) : UNKNOWN;
}

const NO_WRITES: SubtreeWrites = { keys: [], unknown: false };

function writesOf(step: StepNode): SubtreeWrites {
  const use = stepContextUse(step);
  const merged = ownMergedKeys(step);
  const producer = step.name;
  const keys: WrittenKey[] = [];
  for (const product of use.initProducts) keys.push({ key: product.key, producer });
  for (const product of use.stateProducts) keys.push({ key: product.key, producer });
  for (const product of use.products) keys.push({ key: product.key, producer });
  for (const key of merged.certain) keys.push({ key, producer });
  for (const key of merged.some) keys.push({ key, producer });
  if (step.kind === 'StateMachine') {
    keys.push(
      { key: 'current_state', producer: step.name },
      { key: 'next_state', producer: step.name },
    );
  }
  let unknown = use.unknownProducts || use.mergedImport !== undefined || merged.unknown;
  for (const child of stepChildren(step)) {
    const steps = child.kind === 'single' ? [child.step] : child.pipeline.steps;
    for (const inner of steps) {
      const writes = subtreeWrites(inner);
      for (const key of writes.keys) keys.push(key);
      unknown ||= writes.unknown;
    }
  }
  // Most steps write nothing: they share one result.
  return keys.length === 0 && !unknown ? NO_WRITES : { keys, unknown };
}

/**
 * What `step` and everything inside it write, from the nodes alone (cached by node identity, so
 * nested loops share their bodies' results): what a read may see from a later iteration or state.
 */
export const subtreeWrites: (step: StepNode) => SubtreeWrites = memoByStep(writesOf);
