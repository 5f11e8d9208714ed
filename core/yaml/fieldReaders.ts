import type { YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';

import type { ExtraKeys, Severity, YamlValue } from '../model';
import type { ReadContext, Where } from './readContext';
import { report } from './readContext';
import type { MappingEntry } from './yamlNodeValues';
import { mappingEntries, scalarValue, setOwn, toYamlValue } from './yamlNodeValues';

const NUMERIC_STRING = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const BOOL_STRINGS = new Set([
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  't',
  'f',
  'y',
  'n',
  '1',
  '0',
]);

/** How a value looks, for messages: "a string", "a list", … */
export function describeNode(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (!isScalar(node)) return 'nothing';
  const value = scalarValue(node);
  if (value === null) return 'nothing';
  if (typeof value === 'string') {
    return `the string "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  }
  return `the ${typeof value} ${String(value)}`;
}

function isRecord(value: YamlValue): value is { readonly [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarOf(node: unknown): string | number | boolean | null | undefined {
  return isScalar(node) ? scalarValue(node) : undefined;
}

/**
 * Reads the keys of one YAML mapping into typed model fields. A getter that finds a value of the
 * wrong shape reports YAML-SCHEMA and leaves the key unread, so `extra()` keeps it verbatim.
 * Values Flujo's pydantic models coerce (`"120"` for a number) are kept in `extra` silently.
 */
export class FieldReader {
  private readonly byKey = new Map<string, MappingEntry>();
  private readonly consumed = new Set<string>();

  constructor(
    readonly ctx: ReadContext,
    readonly map: YAMLMap,
    public where: Where,
    private readonly prefix = '',
    keyOf?: (entry: MappingEntry) => string,
  ) {
    const { entries, duplicates } = mappingEntries(ctx.doc, map, ctx.budget);
    for (const entry of entries) {
      const key = keyOf ? keyOf(entry) : entry.key;
      if (!this.byKey.has(key)) this.byKey.set(key, { ...entry, key });
    }
    for (const pair of duplicates) {
      report(
        ctx,
        pair.key,
        `Duplicate key ${this.label(String(scalarOf(pair.key)))}: Flujo keeps only the last one; delete this one.`,
        where,
        'warning',
      );
    }
  }

  /** The key as shown in messages, with the mapping's prefix (`loop.max_loops`). */
  label(key: string): string {
    return `\`${this.prefix}${key}\``;
  }

  /** The mapping's keys in file order. */
  keys(): string[] {
    return [...this.byKey.keys()];
  }

  /** Whether the mapping has the key. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The value node of a key (aliases resolved), without reading it. */
  node(key: string): unknown {
    return this.byKey.get(key)?.value;
  }

  /** Marks a key as read and returns its entry. */
  take(key: string): MappingEntry | undefined {
    const entry = this.byKey.get(key);
    if (entry) this.consumed.add(key);
    return entry;
  }

  /** Reports a value of the wrong shape; the key stays in `extra`. */
  wrong(key: string, expected: string, example: string, severity: Severity = 'error'): undefined {
    const node = this.node(key);
    report(
      this.ctx,
      node,
      `${this.label(key)} must be ${expected}, not ${describeNode(node)}: write \`${example}\`.`,
      this.where,
      severity,
    );
    return undefined;
  }

  /** Reports a required key that is absent, at the mapping itself. */
  missing(key: string, example: string, what = 'is required'): void {
    report(this.ctx, this.map, `${this.label(key)} ${what}: add \`${example}\`.`, this.where);
  }

  /** A string field. */
  string(key: string, example = `${key}: text`): string | undefined {
    if (!this.has(key)) return undefined;
    const value = scalarOf(this.node(key));
    if (typeof value !== 'string') {
      this.wrong(key, 'a string', example);
      return;
    }
    this.take(key);
    return value;
  }

  /** A boolean field; strings and 0/1 that pydantic accepts are kept as written in `extra`. */
  bool(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const value = scalarOf(this.node(key));
    if (value === 0 || value === 1) return undefined;
    if (typeof value === 'string' && BOOL_STRINGS.has(value.trim().toLowerCase())) return undefined;
    if (typeof value !== 'boolean') {
      this.wrong(key, 'true or false', `${key}: true`);
      return;
    }
    this.take(key);
    return value;
  }

  /** A number field; numeric strings are kept as written in `extra`. */
  number(key: string, options: { integer?: boolean; min?: number } = {}): number | undefined {
    if (!this.has(key)) return undefined;
    const value = scalarOf(this.node(key));
    const example = `${key}: ${options.min !== undefined && options.min > 0 ? options.min : 1}`;
    if (typeof value === 'string' && NUMERIC_STRING.test(value)) return undefined;
    if (typeof value !== 'number' || Number.isNaN(value)) {
      this.wrong(key, options.integer ? 'an integer' : 'a number', example);
      return;
    }
    if (options.integer && !Number.isInteger(value)) {
      this.wrong(key, 'a whole number', example);
      return;
    }
    if (options.min !== undefined && value < options.min) {
      this.wrong(key, `at least ${options.min}`, example);
      return;
    }
    this.take(key);
    return value;
  }

  /** A string restricted to `values`; anything else is reported with the accepted values. */
  oneOf<T extends string>(
    key: string,
    values: readonly T[],
    options: { severity?: Severity; ignoreCase?: boolean } = {},
  ): T | undefined {
    if (!this.has(key)) return undefined;
    const value = scalarOf(this.node(key));
    const match = values.find((candidate) =>
      options.ignoreCase
        ? typeof value === 'string' && candidate.toLowerCase() === value.toLowerCase()
        : candidate === value,
    );
    if (match !== undefined && typeof value === 'string' && value === match) {
      this.take(key);
      return match;
    }
    const list = values.map((v) => `\`${v}\``).join(', ');
    this.wrong(key, `one of ${list}`, `${key}: ${values[0] ?? ''}`, options.severity);
  }

  /** A list of strings (a scalar is reported). */
  stringList(key: string): readonly string[] | undefined {
    if (!this.has(key)) return undefined;
    const node = this.node(key);
    if (isSeq(node)) {
      const values = node.items.map((item) => toYamlValue(this.ctx.doc, item, this.ctx.budget));
      if (values.every((item): item is string => typeof item === 'string')) {
        this.take(key);
        return values;
      }
    }
    this.wrong(key, 'a list of strings', `${key}: [first, second]`);
  }

  /** Any value, as loaded. */
  value(key: string): YamlValue | undefined {
    if (!this.has(key)) return undefined;
    this.take(key);
    return toYamlValue(this.ctx.doc, this.node(key), this.ctx.budget);
  }

  /** A mapping field's node, for a nested reader (not marked read: call `take` when used). */
  mapping(key: string, example = `${key}: { … }`): YAMLMap | undefined {
    if (!this.has(key)) return undefined;
    const node = this.node(key);
    if (isMap(node)) return node;
    this.wrong(key, 'a mapping', example);
  }

  /** A mapping field as a plain value record (JSON schemas, `model_settings`, `params`). */
  record(key: string, example = `${key}: { … }`): Readonly<Record<string, YamlValue>> | undefined {
    const node = this.mapping(key, example);
    if (!node) return undefined;
    this.take(key);
    const value = toYamlValue(this.ctx.doc, node, this.ctx.budget);
    return isRecord(value) ? value : {};
  }

  /** Every key not read into a typed field, verbatim and in file order. */
  extra(): ExtraKeys {
    const out: Record<string, YamlValue> = {};
    for (const [key, entry] of this.byKey) {
      if (this.consumed.has(key)) continue;
      setOwn(out, key, toYamlValue(this.ctx.doc, entry.value, this.ctx.budget));
    }
    return out;
  }
}
