import type { Diagnostic, Pipeline, StepPath, StepTypes } from '../../core/model';
import { deriveStepTypes, walkSteps } from '../../core/model';
import type { DiagnosticCounts } from './graphTypes';

/** Counts of a step without diagnostics (shared, so clean steps compare equal cheaply). */
export const NO_DIAGNOSTICS: DiagnosticCounts = { error: 0, warning: 0, info: 0 };

/** Diagnostics counted by severity per step path (a diagnostic with only a step name is matched by name). */
export function countDiagnostics(
  pipeline: Pipeline,
  diagnostics: readonly Diagnostic[],
): Map<string, DiagnosticCounts> {
  const counts = new Map<string, DiagnosticCounts>();
  let byName: Map<string, string> | undefined;
  for (const diagnostic of diagnostics) {
    let path = diagnostic.path;
    if (path === undefined && diagnostic.stepName !== undefined) {
      if (!byName) {
        const names = new Map<string, string>();
        walkSteps(pipeline, ({ step, path: at }) => {
          if (!names.has(step.name)) names.set(step.name, at);
        });
        byName = names;
      }
      path = byName.get(diagnostic.stepName);
    }
    if (path === undefined) continue;
    const current = counts.get(path) ?? NO_DIAGNOSTICS;
    counts.set(path, { ...current, [diagnostic.severity]: current[diagnostic.severity] + 1 });
  }
  return counts;
}

const typeCache = new WeakMap<Pipeline, ReadonlyMap<StepPath, StepTypes>>();

/** Port types of every step, derived once per pipeline object. */
export function typesOf(pipeline: Pipeline): ReadonlyMap<StepPath, StepTypes> {
  let types = typeCache.get(pipeline);
  if (!types) {
    types = deriveStepTypes(pipeline);
    typeCache.set(pipeline, types);
  }
  return types;
}
