import { bindSkillArguments } from '../bindSkillArguments';
import type { SkillContext } from '../builtinSkill';
import { findBuiltinSkill } from '../registry';

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A SkillContext over a plain object, with the engine's path rules, for tests. */
export function fakeSkillContext(initial: Dict = {}): SkillContext & { readonly data: Dict } {
  const data: Dict = structuredClone(initial);
  return {
    data,
    read: () => data,
    setPath(path, value) {
      const segments = path.split('.');
      const last = segments.pop() ?? '';
      let target: unknown = data;
      for (const segment of segments) {
        target = isDict(target) ? target[segment] : undefined;
        if (!isDict(target)) return { ok: false, reason: `'${segment}' of '${path}' does not exist` };
      }
      (target as Dict)[last] = value;
      return { ok: true };
    },
    mergePath(path, value) {
      let target: Dict = data;
      for (const segment of path.split('.')) {
        const next = target[segment];
        if (next === undefined) target[segment] = {};
        else if (!isDict(next)) return { ok: false, reason: `'${path}' is not a dict` };
        target = target[segment] as Dict;
      }
      Object.assign(target, value);
      return { ok: true, mergedKeys: Object.keys(value) };
    },
  };
}

/** Binds `input`/`params` to built-in `name` (short name) and runs it, as the engine would. */
export async function runBuiltin(
  name: string,
  input: unknown,
  options: { readonly params?: Dict; readonly context?: SkillContext } = {},
): Promise<unknown> {
  const skill = findBuiltinSkill(`flujo.builtins.${name}`);
  if (skill === undefined) throw new Error(`no built-in ${name}`);
  const bound = bindSkillArguments(skill, input, options.params);
  if (!bound.ok) throw new Error(bound.message);
  const context = options.context ?? fakeSkillContext();
  return await Promise.resolve(skill.run({ args: bound.args, context }));
}
