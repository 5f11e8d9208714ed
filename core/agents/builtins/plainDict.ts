/** A JSON-like object (a Python dict): not null, not an array, not a Map/Date/class instance. */
export type PlainDict = Readonly<Record<string, unknown>>;

/** True for a plain object, the only value Flujo's built-ins treat as a Python dict. */
export function isPlainDict(value: unknown): value is PlainDict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `dict.get(key)`: the own property `key` of a dict, undefined when absent or not a dict. */
export function dictGet(value: unknown, key: string): unknown {
  return isPlainDict(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** `key in dict`: whether a dict has its own property `key`. */
export function dictHas(value: unknown, key: string): boolean {
  return isPlainDict(value) && Object.hasOwn(value, key);
}

/** `value` as a list when it is one (a Python list or tuple), else undefined. */
export function asList(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? (value as readonly unknown[]) : undefined;
}

/** `value` when it is a list whose items are all dicts, else undefined. */
export function asDictList(value: unknown): readonly PlainDict[] | undefined {
  const list = asList(value);
  return list?.every(isPlainDict) ? list : undefined;
}

/** `value` when it is a list whose items are all strings, else undefined. */
export function asStringList(value: unknown): readonly string[] | undefined {
  const list = asList(value);
  return list?.every((item): item is string => typeof item === 'string') ? list : undefined;
}

/** The elements of a list that are dicts, in order; [] when `value` is not a list. */
export function dictItems(value: unknown): readonly PlainDict[] {
  return asList(value)?.filter(isPlainDict) ?? [];
}
