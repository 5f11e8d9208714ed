import { isNone, pythonLength, pythonStr } from './pythonValues';
import { toPythonJson } from './pythonJson';

/** Names of the template filters (Flujo's default `enabled_template_filters`). */
export type FilterName = 'upper' | 'lower' | 'length' | 'tojson' | 'join' | 'default';

/** A filter argument as written in the template: a quoted string, a number, True/False or None. */
export type FilterArgument = string | number | boolean | null;

/** What a filter needs and does. */
export interface FilterSpec {
  /** Whether the filter is written `name(arg)` (true) or bare `name` (false). */
  readonly takesArgument: boolean;
  /** How to write it, for error messages. */
  readonly usage: string;
  /** Applies the filter; `argument` is `null` for filters without one. */
  readonly apply: (value: unknown, argument: FilterArgument) => unknown;
}

/** The filter registry; filters run on missing values too (Flujo: `upper` of None is `NONE`). */
export const FILTERS: Readonly<Record<FilterName, FilterSpec>> = {
  upper: { takesArgument: false, usage: 'upper', apply: (value) => pythonStr(value).toUpperCase() },
  lower: { takesArgument: false, usage: 'lower', apply: (value) => pythonStr(value).toLowerCase() },
  length: { takesArgument: false, usage: 'length', apply: (value) => pythonLength(value) },
  tojson: { takesArgument: false, usage: 'tojson', apply: (value) => toPythonJson(value) },
  join: { takesArgument: true, usage: "join(', ')", apply: joinFilter },
  default: { takesArgument: true, usage: "default('fallback')", apply: defaultFilter },
};

/** All filter usages, for "available filters" hints. */
export const FILTER_USAGES: string = Object.values(FILTERS)
  .map((filter) => filter.usage)
  .join(', ');

/** True when `name` is a known filter. */
export function isFilterName(name: string): name is FilterName {
  return Object.hasOwn(FILTERS, name);
}

function joinFilter(value: unknown, delimiter: FilterArgument): string {
  if (!Array.isArray(value)) return pythonStr(value);
  const separator = pythonStr(delimiter);
  let text = '';
  for (let i = 0; i < value.length; i++) {
    if (i > 0) text += separator;
    text += pythonStr(value[i]);
  }
  return text;
}

function defaultFilter(value: unknown, fallback: FilterArgument): unknown {
  if (isNone(value) || value === '') return fallback;
  if (Array.isArray(value) && value.length === 0) return fallback;
  return value;
}
