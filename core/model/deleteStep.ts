import type { EditResult } from './editResult';
import type { Pipeline } from './pipeline';
import type { StepPath } from './stepPath';
import { editFailure } from './editResult';
import { parseStepPath } from './stepPath';
import { removeAtSegments } from './stepTreeUpdate';

/** Removes the step at `path` (a list entry, a fallback or a cache's wrapped step). */
export function deleteStep(pipeline: Pipeline, path: StepPath): EditResult {
  const segments = parseStepPath(path);
  if (!segments) return editFailure(`"${path}" is not a step path.`);
  const removed = removeAtSegments(pipeline, segments);
  return removed.ok ? { ok: true, pipeline: removed.value.pipeline } : removed;
}
