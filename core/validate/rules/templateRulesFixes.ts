import type { StepVisit } from '../../model';
import { editFailure, resolveStep, updateStep } from '../../model';
import type { QuickFix } from '../validationTypes';
import type { StepText } from './templateRulesSources';

/**
 * A quick fix that rewrites one template or expression field of a step with `transform`; it
 * refuses (instead of guessing) when the field changed since the validation that offered it.
 * Undefined when the field cannot be edited by a fix.
 */
export function textFix(
  visit: StepVisit,
  source: StepText,
  title: string,
  transform: (text: string) => string,
): QuickFix | undefined {
  const { rewrite, read } = source;
  if (!rewrite || !read) return undefined;
  const { path } = visit;
  return {
    title,
    apply(pipeline) {
      const step = resolveStep(pipeline, path);
      if (!step) return editFailure(`Step "${visit.step.name}" is no longer at ${path}.`);
      if (read(step) !== source.text) {
        return editFailure(
          `\`${source.field}\` of step "${step.name}" changed since it was checked; validate again.`,
        );
      }
      const updated = rewrite(step, transform(source.text));
      if (!updated) return editFailure(`\`${source.field}\` of step "${step.name}" is gone.`);
      return updateStep(pipeline, path, () => updated);
    },
  };
}

/** `text` with `[start, end)` replaced by `replacement`. */
export function spliceText(text: string, start: number, end: number, replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(end);
}
