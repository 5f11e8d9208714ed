import { expect } from 'vitest';
import type { EditResult } from '../editResult';
import type { Pipeline } from '../pipeline';
import type { StepNode } from '../stepNode';
import { resolveSlot, resolveStep } from '../resolveStep';
import type { ContainerSlot } from '../containerSlot';

/** The pipeline of a successful edit; fails the test with the reason otherwise. */
export function okPipeline(result: EditResult): Pipeline {
  if (!result.ok) throw new Error(`edit failed: ${result.reason}`);
  return result.pipeline;
}

/** The reason of a failed edit; fails the test when the edit succeeded. */
export function failureReason(result: EditResult): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.reason;
}

/** The step at `path`; fails the test when there is none. */
export function stepAt(pipeline: Pipeline, path: string): StepNode {
  const step = resolveStep(pipeline, path);
  if (!step) throw new Error(`no step at ${path}`);
  return step;
}

/** Names of the steps in `slot`. */
export function namesIn(pipeline: Pipeline, slot: ContainerSlot): readonly string[] | undefined {
  return resolveSlot(pipeline, slot)?.map((step) => step.name);
}

/** Names of the top-level steps. */
export function topNames(pipeline: Pipeline): readonly string[] {
  return pipeline.steps.map((step) => step.name);
}
