import type { YamlValue } from './jsonValue';

/** A YAML mapping value. */
export type YamlMapping = { readonly [key: string]: YamlValue };

/** Whether a loaded YAML value is a mapping (not a list, not a scalar). */
export function isYamlMapping(value: YamlValue | undefined): value is YamlMapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a loaded YAML value is a list. */
export function isYamlList(value: YamlValue | undefined): value is readonly YamlValue[] {
  return Array.isArray(value);
}
