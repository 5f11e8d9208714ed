import type { YamlValue } from '../../model';
import { render } from '../../expr';
import { isDict } from '../context/contextPath';
import type { ContextTx } from '../context/contextTx';
import { stepScope } from '../stepScope';

/** One loop/map `init` or loop `state` operation, normalised from its YAML forms. */
export interface ContextOp {
  readonly op: 'set' | 'append' | 'merge';
  readonly target: string;
  readonly value: YamlValue;
}

/**
 * Reads the dict form `{append|set|merge: [{target, value}]}` and the list form
 * `[{set: "context.x", value}, {append: {target, value}}, {merge: "context.m", value}]` (FLUJO-SPEC §3.5).
 * Other shapes are ignored, as in Flujo.
 */
export function readContextOps(spec: YamlValue | undefined): readonly ContextOp[] {
  if (Array.isArray(spec))
    return (spec as readonly YamlValue[]).flatMap((entry) => listFormOp(entry));
  if (!isDict(spec)) return [];
  const ops: ContextOp[] = [];
  for (const op of ['append', 'set', 'merge'] as const) {
    const entries = spec[op];
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (isDict(entry) && typeof entry.target === 'string')
        ops.push({ op, target: entry.target, value: (entry.value ?? null) as YamlValue });
    }
  }
  return ops;
}

function listFormOp(entry: YamlValue): readonly ContextOp[] {
  if (!isDict(entry)) return [];
  for (const op of ['set', 'append', 'merge'] as const) {
    const body = entry[op];
    if (typeof body === 'string') return [{ op, target: body, value: entry.value ?? null }];
    if (isDict(body) && typeof body.target === 'string')
      return [{ op, target: body.target, value: body.value ?? null }];
  }
  return [];
}

/**
 * Applies ops to `ctx`: values that are strings are rendered templates (always strings; `merge` parses
 * the rendering as a JSON object); targets must start with `context.`; missing segments are created.
 * Returns what went wrong, or undefined.
 */
export function applyContextOps(
  ops: readonly ContextOp[],
  ctx: ContextTx,
  input: unknown,
): string | undefined {
  for (const { op, target, value } of ops) {
    if (!target.startsWith('context.'))
      return `The ${op} target '${target}' must start with 'context.'.`;
    let resolved: unknown = value;
    if (typeof value === 'string') {
      const rendered = render(value, stepScope(input, ctx.value));
      if (!rendered.ok)
        return `The ${op} value of '${target}' could not be rendered: ${rendered.error.message}`;
      resolved = rendered.text;
    }
    const result = applyOne(op, target, resolved, ctx);
    if (result !== undefined) return result;
  }
  return undefined;
}

function applyOne(
  op: ContextOp['op'],
  target: string,
  value: unknown,
  ctx: ContextTx,
): string | undefined {
  if (op === 'append') {
    const appended = ctx.appendPath(target, value);
    return appended.ok ? undefined : appended.reason;
  }
  if (op === 'set') {
    const set = ctx.setPath(target, value, true);
    return set.ok ? undefined : set.reason;
  }
  let patch: unknown = value;
  if (typeof value === 'string') {
    try {
      patch = JSON.parse(value) as unknown;
    } catch {
      return `The merge value for '${target}' must render to a JSON object, not ${JSON.stringify(value)}.`;
    }
  }
  if (!isDict(patch)) return `The merge value for '${target}' must be a JSON object.`;
  const merged = ctx.mergeAt(target, patch, 'replace');
  return merged.ok ? undefined : merged.reason;
}
