import { isNone } from '../../expr';
import { SkillError, type BuiltinSkill } from './builtinSkill';
import { asDictList, asStringList, isPlainDict, type PlainDict } from './plainDict';

/**
 * Flujo's `select_fields`: projects a dict (or each dict of a list of dicts) to the keys in
 * `include`, renaming those listed in `rename`; with `rename` only, every key is kept and the
 * listed ones renamed in place. Other data is returned unchanged.
 */
export function selectFields(
  data: unknown,
  include?: readonly string[],
  rename: Readonly<Record<string, string>> = {},
): unknown {
  const project = (row: PlainDict): PlainDict => {
    const out: Record<string, unknown> = {};
    for (const key of include ?? Object.keys(row)) {
      if (Object.hasOwn(row, key))
        out[Object.hasOwn(rename, key) ? (rename[key] ?? key) : key] = row[key];
    }
    return out;
  };
  if (isPlainDict(data)) return project(data);
  return asDictList(data)?.map(project) ?? data;
}

function readInclude(value: unknown): readonly string[] | undefined {
  if (isNone(value)) return undefined;
  const list = asStringList(value);
  if (list === undefined) {
    throw new SkillError(
      `select_fields' 'include' must be a list of key names, e.g. include: [id, name].`,
    );
  }
  // An empty list means "no projection", as Python's `if include` treats it.
  return list.length === 0 ? undefined : list;
}

function readRename(value: unknown): Readonly<Record<string, string>> {
  if (isNone(value)) return {};
  if (!isPlainDict(value) || !Object.values(value).every((name) => typeof name === 'string')) {
    throw new SkillError(
      `select_fields' 'rename' must map old key names to new ones, e.g. rename: {old: new}.`,
    );
  }
  return value as Readonly<Record<string, string>>;
}

/** `flujo.builtins.select_fields`: `data` projected by `include` and renamed by `rename`. */
export const selectFieldsSkill: BuiltinSkill = {
  id: 'flujo.builtins.select_fields',
  parameters: ['data', 'include', 'rename'],
  required: ['data'],
  run: ({ args }) => selectFields(args.data, readInclude(args.include), readRename(args.rename)),
};
