import { isNone } from '../../expr';
import { SkillError, type BuiltinSkill } from './builtinSkill';
import { asDictList, dictHas, isPlainDict, type PlainDict } from './plainDict';

const AVERAGE_NAMES: ReadonlySet<string> = new Set(['avg', 'average', 'mean']);

/**
 * Flujo's `aggregate`: `count` is the number of rows with a non-null `field` (all rows without a
 * field); `sum` and `avg`/`average`/`mean` run over the numeric values of `field` (0 when there
 * are none; booleans are not numbers here); an unknown operation gives 0. `data` is a dict or a
 * list of dicts; anything else counts as no rows.
 */
export function aggregate(data: unknown, operation: string, field?: string): number {
  const rows = aggregateRows(data);
  const op = operation.trim().toLowerCase();
  if (op === 'count') {
    if (field === undefined || field === '') return rows.length;
    return rows.filter((row) => dictHas(row, field) && !isNone(row[field])).length;
  }
  if (op !== 'sum' && !AVERAGE_NAMES.has(op)) return 0;
  const numbers = field === undefined || field === '' ? [] : numericValues(rows, field);
  const total = numbers.reduce((sum, value) => sum + value, 0);
  if (op === 'sum' || numbers.length === 0) return total;
  return total / numbers.length;
}

function aggregateRows(data: unknown): readonly PlainDict[] {
  if (isPlainDict(data)) return [data];
  return asDictList(data) ?? [];
}

function numericValues(rows: readonly PlainDict[], field: string): number[] {
  const out: number[] = [];
  for (const row of rows) {
    const value = row[field];
    if (typeof value === 'number' && Number.isFinite(value)) out.push(value);
  }
  return out;
}

/** `flujo.builtins.aggregate`: sum/avg/count over `data`; `operation` is required. */
export const aggregateSkill: BuiltinSkill = {
  id: 'flujo.builtins.aggregate',
  parameters: ['data', 'operation', 'field'],
  required: ['data', 'operation'],
  run: ({ args }) => {
    const { data, operation, field } = args;
    if (typeof operation !== 'string') {
      throw new SkillError(
        `aggregate's 'operation' must be a string, not ${typeof operation}; pass one of sum, avg, count.`,
      );
    }
    if (!isNone(field) && typeof field !== 'string') {
      throw new SkillError(
        `aggregate's 'field' must be a key name (a string), not ${typeof field}.`,
      );
    }
    return aggregate(data, operation, isNone(field) ? undefined : field);
  },
};
