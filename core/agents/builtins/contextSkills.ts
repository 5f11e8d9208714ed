import { isNone } from '../../expr';
import { SkillError, type BuiltinSkill } from './builtinSkill';
import { isPlainDict } from './plainDict';
import { pythonRepr } from './pythonRepr';

function readPath(skill: string, path: unknown): string {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new SkillError(
      `${skill}'s 'path' must be a dotted context path such as "counter" or "import_artifacts.extras", not ${pythonRepr(path)}.`,
    );
  }
  return path;
}

/** The value at a dotted path of the context, walking dicts only; `fallback` when absent. */
export function contextPathValue(
  context: Readonly<Record<string, unknown>>,
  path: string,
  fallback: unknown,
): unknown {
  let target: unknown = context;
  for (const segment of path.split('.')) {
    if (!isPlainDict(target) || !Object.hasOwn(target, segment)) return fallback;
    target = target[segment];
  }
  return target;
}

/**
 * `flujo.builtins.context_set`: sets a dotted context path → `{path, value, success}`. A path
 * whose parent does not exist is not an exception but `success: false`, as in Flujo, plus an
 * `error` saying why.
 */
export const contextSetSkill: BuiltinSkill = {
  id: 'flujo.builtins.context_set',
  parameters: ['path', 'value'],
  required: ['path', 'value'],
  run: ({ args, context }) => {
    const path = readPath('context_set', args.path);
    const value = args.value;
    const result = context.setPath(path, value);
    return result.ok
      ? { path, value, success: true }
      : { path, value, success: false, error: result.reason };
  },
};

/**
 * `flujo.builtins.context_merge`: merges a dict into the dict at a dotted context path (created
 * as `{}` when missing) → `{path, merged_keys, success}`; success means at least one key merged.
 */
export const contextMergeSkill: BuiltinSkill = {
  id: 'flujo.builtins.context_merge',
  parameters: ['path', 'value'],
  required: ['path', 'value'],
  run: ({ args, context }) => {
    const path = readPath('context_merge', args.path);
    const value = args.value;
    if (!isPlainDict(value)) {
      throw new SkillError(
        `context_merge's 'value' must be a dict of keys to merge into '${path}'; to store a single value use flujo.builtins.context_set.`,
      );
    }
    const result = context.mergePath(path, value);
    return result.ok
      ? { path, merged_keys: [...result.mergedKeys], success: result.mergedKeys.length > 0 }
      : { path, merged_keys: [], success: false, error: result.reason };
  },
};

/** `flujo.builtins.context_get`: the value at a dotted context path, else `default` (None). */
export const contextGetSkill: BuiltinSkill = {
  id: 'flujo.builtins.context_get',
  parameters: ['path', 'default'],
  required: ['path'],
  run: ({ args, context }) => {
    const path = readPath('context_get', args.path);
    return contextPathValue(context.read(), path, isNone(args.default) ? null : args.default);
  },
};
