import { isNone } from '../../expr';
import type { BuiltinSkill } from './builtinSkill';
import { asList, asStringList, isPlainDict, type PlainDict } from './plainDict';
import { pythonStringify } from './pythonRepr';

const LINE_END = '\r\n';

/**
 * CSV text the way Flujo's `to_csv` writes it with Python's `csv.DictWriter`: rows are a dict, a
 * list of dicts, or scalars wrapped as `{value}`; columns are `headers` (a list of strings) or the
 * sorted union of keys; extra keys are dropped and missing ones written empty; a header row when
 * there are columns; `\r\n` after every row.
 */
export function toCsv(rows: unknown, headers?: unknown): string {
  const records = normalizeRows(rows);
  const named = asStringList(headers);
  const columns = named !== undefined && named.length > 0 ? named : sortedKeys(records);
  let text = columns.length > 0 ? csvLine(columns) : '';
  for (const record of records) {
    text += csvLine(columns.map((column) => cellText(record[column])));
  }
  return text;
}

function normalizeRows(rows: unknown): readonly PlainDict[] {
  const list = asList(rows);
  if (list === undefined) return [isPlainDict(rows) ? rows : { value: rows }];
  return list.map((row) => (isPlainDict(row) ? row : { value: row }));
}

function sortedKeys(records: readonly PlainDict[]): readonly string[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) keys.add(key);
  return [...keys].sort(compareCodePoints);
}

/** Python's string order (by code point), not JavaScript's UTF-16 order. */
function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

function cellText(value: unknown): string {
  return isNone(value) ? '' : pythonStringify(value);
}

/** One row under `csv.QUOTE_MINIMAL`; a lone empty field is quoted so the row is not blank. */
function csvLine(fields: readonly string[]): string {
  if (fields.length === 1 && fields[0] === '') return '""' + LINE_END;
  return fields.map(quoteField).join(',') + LINE_END;
}

function quoteField(field: string): string {
  return /[,"\r\n]/.test(field) ? '"' + field.replaceAll('"', '""') + '"' : field;
}

/** `flujo.builtins.to_csv`: `rows` (and optional `headers`) as CSV text with `\r\n` line ends. */
export const toCsvSkill: BuiltinSkill = {
  id: 'flujo.builtins.to_csv',
  parameters: ['rows', 'headers'],
  required: ['rows'],
  run: ({ args }) => toCsv(args.rows, args.headers),
};
