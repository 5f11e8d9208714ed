import type { StepNode } from '../model';
import type { ParsePipelineResult } from './parsePipelineYaml';
import type { PipelineDocument } from './pipelineDocument';

/**
 * Structural equality of two model values (plain objects, arrays and scalars), not comparing
 * `source` ranges: the caller has shown those equal from the text.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(right, key)) return false;
    if (key !== 'source' && !sameValue(left[key], right[key])) return false;
  }
  return true;
}

/** Where a step's text runs: from its start to the next top-level step's (or the text's end). */
function region(steps: readonly StepNode[], index: number, textLength: number) {
  const start = steps[index]?.source?.range.start;
  const end = steps[index + 1]?.source?.range.start.offset ?? textLength;
  return start && { offset: start.offset, line: start.line, column: start.column, end };
}

/** Carries the printer's marks (parsed steps, invented values) of a reused step's objects over. */
function adoptMarks(value: unknown, from: PipelineDocument, to: PipelineDocument): void {
  if (typeof value !== 'object' || value === null) return;
  if (from.parsedSteps.has(value)) to.parsedSteps.add(value);
  if (from.synthesized.values.has(value)) to.synthesized.values.add(value);
  const keys = from.synthesized.keys.get(value);
  if (keys) to.synthesized.keys.set(value, keys);
  if (Array.isArray(value)) {
    for (const child of value) adoptMarks(child, from, to);
    return;
  }
  // Source ranges hold no marks and are most of a step's objects.
  for (const [key, child] of Object.entries(value))
    if (key !== 'source') adoptMarks(child, from, to);
}

type Region = ReturnType<typeof region>;

/** The same text at the same place (offset, line, column): it reads to the same source ranges. */
function sameRegion(was: Region, is: Region, oldText: string, newText: string): boolean {
  if (!was || !is) return false;
  if (was.offset !== is.offset || was.line !== is.line || was.column !== is.column) return false;
  return (
    was.end === is.end && oldText.slice(was.offset, was.end) === newText.slice(is.offset, is.end)
  );
}

/**
 * Structural sharing across re-parses: every top-level step of a fresh parse read from the same
 * text at the same place as the step at its index in `previous`'s model, and equal to it, is
 * replaced by that previous object, so caches keyed by step identity (the validator's) keep
 * hitting after an edit elsewhere. Only the fresh parse's own, not yet shared, steps list changes.
 */
export function shareUnchangedSteps(
  previous: PipelineDocument,
  result: ParsePipelineResult,
): ParsePipelineResult {
  const before = previous.pipeline?.steps;
  const fresh = result.pipeline?.steps;
  if (!before || !fresh || result.document.hasErrors || before === fresh) return result;
  const steps = fresh as StepNode[];
  const oldText = previous.text;
  const newText = result.document.text;
  for (let i = 0; i < steps.length && i < before.length; i += 1) {
    const old = before[i];
    const step = steps[i];
    const sameText = sameRegion(
      region(before, i, oldText.length),
      region(steps, i, newText.length),
      oldText,
      newText,
    );
    if (old && sameText && sameValue(old, step)) {
      adoptMarks(old, previous, result.document);
      steps[i] = old;
    }
  }
  return result;
}
