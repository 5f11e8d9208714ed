/**
 * How Flujo's static validation types a step (FLUJO-SPEC §2, §7): only `kind: step` honours
 * `input_schema`/`output_schema`; an object schema becomes a model, `string`/`integer`/`number`/
 * `boolean` a Python scalar, anything else (`array`, enums, untyped) `object`. Every other kind,
 * passthrough, declared agent input, import and most built-ins are `object`/`Any` ("generic").
 */
import type { JsonSchemaObject, Pipeline, PortType, StepNode } from '../../model';
import { memoByStep } from '../stepMemo';
import {
  assertNever,
  builtinSignature,
  describePortType,
  fromJsonSchema,
  isAssignable,
  isYamlList,
  isYamlMapping,
} from '../../model';
import { stepRoleOf } from './stepRoles';

/** A type as Flujo's static checks see it. */
export type FlujoStaticType =
  /** A class Flujo can compare: a generated model or a Python scalar. */
  | { readonly kind: 'concrete'; readonly type: PortType }
  /** `dict`/`dict[...]` (built-ins returning a mapping): merges into the context, fits nothing typed. */
  | { readonly kind: 'dict' }
  /** `object`/`Any`: what most YAML steps have. */
  | { readonly kind: 'generic' }
  /** Decided by Python or skill code the studio cannot see: no finding either way. */
  | { readonly kind: 'unknown' };

const GENERIC: FlujoStaticType = { kind: 'generic' };
const UNKNOWN: FlujoStaticType = { kind: 'unknown' };
const SCALAR_SCHEMA_TYPES = new Set(['string', 'integer', 'number', 'boolean']);

/** Flujo's type for a JSON schema given as `input_schema`/`output_schema` (or an agent's). */
export function flujoSchemaType(schema: JsonSchemaObject | undefined): FlujoStaticType {
  if (!isYamlMapping(schema) || isYamlList(schema.enum) || 'const' in schema) return GENERIC;
  const type = schema.type;
  const isObject = type === 'object' || (type === undefined && isYamlMapping(schema.properties));
  if (isObject) return { kind: 'concrete', type: fromJsonSchema(schema) };
  if (typeof type === 'string' && SCALAR_SCHEMA_TYPES.has(type)) {
    return { kind: 'concrete', type: fromJsonSchema({ type }) };
  }
  return GENERIC;
}

function declaredInputType(step: StepNode): FlujoStaticType {
  if (step.kind !== 'step') return GENERIC;
  if (step.input_schema !== undefined) return flujoSchemaType(step.input_schema);
  const role = stepRoleOf(step);
  return role.role === 'python' || role.role === 'skill' ? UNKNOWN : GENERIC;
}

/** The input type Flujo declares for a step (what V-A2-STRICT, V-A2-TYPE and V-F1 look at). */
export const flujoInputType: (step: StepNode) => FlujoStaticType = memoByStep(declaredInputType);

function builtinOutputType(name: string): FlujoStaticType {
  const output = builtinSignature(name)?.output({ kind: 'any' });
  if (!output) return GENERIC;
  if (output.kind === 'object') return { kind: 'dict' };
  if (SCALAR_SCHEMA_TYPES.has(output.kind)) return { kind: 'concrete', type: output };
  const strings = output.kind === 'enum' && output.values.every((v) => typeof v === 'string');
  return strings ? { kind: 'concrete', type: { kind: 'string' } } : GENERIC;
}

/** The output type Flujo declares for a step (what V-A2-TYPE and V-C1 look at). */
export function flujoOutputType(step: StepNode, pipeline: Pipeline): FlujoStaticType {
  if (step.kind !== 'step') return GENERIC;
  if (step.output_schema !== undefined) return flujoSchemaType(step.output_schema);
  const role = stepRoleOf(step);
  switch (role.role) {
    case 'declared-agent': {
      const agents = pipeline.agents ?? {};
      const agent = Object.hasOwn(agents, role.agentName) ? agents[role.agentName] : undefined;
      return flujoSchemaType(agent?.output_schema);
    }
    case 'builtin':
      return builtinOutputType(role.name);
    case 'python':
    case 'skill':
      return UNKNOWN;
    case 'passthrough':
    case 'import':
      return GENERIC;
    default:
      return assertNever(role);
  }
}

/** Whether Flujo accepts a value of `from` where `to` is declared (scalars by class, models by shape). */
export function flujoTypeFits(from: PortType, to: PortType): boolean {
  if (from.kind === 'object' || to.kind === 'object') {
    return from.kind === 'object' && to.kind === 'object' && isAssignable(from, to);
  }
  return from.kind === to.kind;
}

/** Words for a Flujo static type in messages. */
export function describeFlujoType(type: FlujoStaticType): string {
  switch (type.kind) {
    case 'concrete':
      return describePortType(type.type);
    case 'dict':
      return 'dict';
    case 'generic':
      return 'object/Any';
    case 'unknown':
      return 'unknown';
    default:
      return assertNever(type);
  }
}

/** Whether the step is an adapter Flujo exempts (`meta.is_adapter` with `adapter_id` and `adapter_allow`). */
export function isFlujoAdapter(step: StepNode): boolean {
  const meta = step.kind === 'step' ? step.meta : undefined;
  return meta?.is_adapter === true && !!meta.adapter_id && !!meta.adapter_allow;
}
