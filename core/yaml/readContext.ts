import type { Document } from 'yaml';

import type { Diagnostic, Severity } from '../model';
import type { SourceMapper } from './sourceRanges';
import { nodeOffset, nodeRange } from './sourceRanges';
import type { VisitBudget } from './yamlNodeValues';

/** Shared state of one load: the document, where findings go, what was skipped or invented. */
export interface ReadContext {
  readonly doc: Document;
  readonly mapper: SourceMapper;
  readonly diagnostics: Diagnostic[];
  readonly file: string | undefined;
  readonly budget: VisitBudget;
  readonly skipped: Set<number>;
  /** Every step object the load created (see `PipelineDocument.parsedSteps`). */
  readonly parsedSteps: WeakSet<object>;
  readonly synthesized: {
    readonly values: WeakSet<object>;
    readonly keys: WeakMap<object, Set<string>>;
  };
}

/** The step a finding is about, for the diagnostic's `path` and `stepName`. */
export interface Where {
  readonly path?: string;
  readonly stepName?: string;
}

/** Records a loader finding located at `node` (or nowhere when it has no range). */
export function report(
  ctx: ReadContext,
  node: unknown,
  message: string,
  where: Where = {},
  severity: Severity = 'error',
  code = 'YAML-SCHEMA',
): void {
  const range = nodeRange(ctx.mapper, node);
  ctx.diagnostics.push({
    code,
    severity,
    message,
    ...(where.stepName !== undefined ? { stepName: where.stepName } : {}),
    ...(where.path !== undefined ? { path: where.path } : {}),
    ...(range ? { range } : {}),
    ...(ctx.file !== undefined ? { file: ctx.file } : {}),
  });
}

/** Marks a model object or array as invented by the loader (see `SynthesizedFields`). */
export function markSynthesized<T extends object>(ctx: ReadContext, value: T): T {
  ctx.synthesized.values.add(value);
  return value;
}

/** Marks scalar fields of `owner` as invented by the loader. */
export function markSynthesizedKeys(
  ctx: ReadContext,
  owner: object,
  keys: readonly string[],
): void {
  if (keys.length > 0) ctx.synthesized.keys.set(owner, new Set(keys));
}

/** Remembers that a node is not in the model, so the printer keeps it in place. */
export function markSkipped(ctx: ReadContext, node: unknown): void {
  const offset = nodeOffset(node);
  if (offset !== undefined) ctx.skipped.add(offset);
}
