import type { Pipeline } from '../model';
import { walkSteps } from '../model';
import { ConfigurationError } from './errors';

const BRANCHING = new Set(['conditional', 'parallel', 'dynamic_router']);
const ITERATING = new Set(['loop', 'map']);

/**
 * DECISIONS 3: a `hitl` inside a branching container that is itself inside a loop or map body, at any
 * depth, cannot resume correctly, so the run is refused before it starts (validator HITL-NESTED-001).
 */
export function nestedHitlError(pipeline: Pick<Pipeline, 'steps'>): ConfigurationError | undefined {
  // Pipelines are immutable values: a step list found clean stays clean (no walk per run).
  if (clean.has(pipeline.steps)) return undefined;
  const found = findNestedHitl(pipeline);
  if (found === undefined) clean.add(pipeline.steps);
  return found;
}

const clean = new WeakSet<readonly unknown[]>();

function findNestedHitl(pipeline: Pick<Pipeline, 'steps'>): ConfigurationError | undefined {
  let found: ConfigurationError | undefined;
  walkSteps(pipeline, (visit) => {
    if (found !== undefined) return 'skip';
    if (visit.step.kind !== 'hitl') return undefined;
    const kinds = visit.ancestors.map((ancestor) => ancestor.step.kind);
    const iterating = kinds.findIndex((kind) => ITERATING.has(kind));
    if (iterating !== -1 && kinds.slice(iterating + 1).some((kind) => BRANCHING.has(kind))) {
      found = new ConfigurationError(
        `The human-input step '${visit.step.name}' (${visit.path}) sits in a branching step inside a loop or map, where a pause cannot resume correctly (HITL-NESTED-001).`,
        {
          suggestion:
            'Move the hitl step directly into the loop body (before or after the branch), or out of the loop.',
        },
      );
    }
    return undefined;
  });
  return found;
}
