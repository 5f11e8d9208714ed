import type { Pipeline, StepPath } from '../../../core/model';
import { walkSteps } from '../../../core/model';

/** The innermost step whose source range holds `offset` (a cursor in the YAML), if any. */
export function stepAtOffset(pipeline: Pipeline, offset: number): StepPath | undefined {
  let found: StepPath | undefined;
  walkSteps(pipeline, ({ step, path }) => {
    const range = step.source?.range;
    if (!range || offset < range.start.offset || offset > range.end.offset) return 'skip';
    found = path;
    return undefined;
  });
  return found;
}
