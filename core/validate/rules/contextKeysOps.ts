/**
 * Loop and map context operations (FLUJO-SPEC §3.5): `init` in its dict form
 * (`{set: [{target, value}], …}`) or list form (`[{set: "context.x", value}, {append: {target,
 * value}}]`), and a loop's typed `state` ops, flattened to target + value with their key paths.
 */
import type { LoopStateOps, YamlValue } from '../../model';
import { isYamlList, isYamlMapping } from '../../model';

/** One operation: the context path it writes and the template it renders, with their key paths. */
export interface ContextOp {
  /** The written context path without its `context.` prefix. */
  readonly target: string | undefined;
  readonly targetField: string;
  readonly value: YamlValue | undefined;
  readonly valueField: string;
}

const OP_KINDS = ['set', 'append', 'merge'] as const;

/** `context.a.b` → `a.b`; a target that is not a literal string gives undefined. */
function contextTarget(target: YamlValue | undefined): string | undefined {
  if (typeof target !== 'string' || target.includes('{{')) return undefined;
  const trimmed = target.trim();
  const path = trimmed.startsWith('context.') ? trimmed.slice('context.'.length) : trimmed;
  return path === '' ? undefined : path;
}

function targetValueOp(entry: YamlValue | undefined, field: string): ContextOp[] {
  if (!isYamlMapping(entry)) return [];
  return [
    {
      target: contextTarget(entry.target),
      targetField: `${field}.target`,
      value: entry.value,
      valueField: `${field}.value`,
    },
  ];
}

function dictFormOps(init: Readonly<Record<string, YamlValue>>, field: string): ContextOp[] {
  return OP_KINDS.flatMap((kind) => {
    const list = init[kind];
    if (!isYamlList(list)) return targetValueOp(list, `${field}.${kind}`);
    return list.flatMap((entry, index) => targetValueOp(entry, `${field}.${kind}.${index}`));
  });
}

function listFormOp(entry: YamlValue, field: string): ContextOp[] {
  if (!isYamlMapping(entry)) return [];
  for (const kind of OP_KINDS) {
    const spec = entry[kind];
    if (spec === undefined) continue;
    if (isYamlMapping(spec)) return targetValueOp(spec, `${field}.${kind}`);
    return [
      {
        target: contextTarget(spec),
        targetField: `${field}.${kind}`,
        value: entry.value,
        valueField: `${field}.value`,
      },
    ];
  }
  return [];
}

/** The operations of an `init:` value at key path `field` (other shapes give none, as in Flujo). */
export function initOps(init: YamlValue | undefined, field: string): readonly ContextOp[] {
  if (isYamlList(init))
    return init.flatMap((entry, index) => listFormOp(entry, `${field}.${index}`));
  return isYamlMapping(init) ? dictFormOps(init, field) : [];
}

/** The operations of a loop's `state:` at key path `field`. */
export function stateOps(state: LoopStateOps | undefined, field: string): readonly ContextOp[] {
  if (!state) return [];
  return OP_KINDS.flatMap((kind) =>
    (state[kind] ?? []).map((op, index) => ({
      target: contextTarget(op.target),
      targetField: `${field}.${kind}.${index}.target`,
      value: op.value,
      valueField: `${field}.${kind}.${index}.value`,
    })),
  );
}
