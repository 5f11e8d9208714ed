import { assertNever } from '../../model';
import type { Frame } from '../frame';

/**
 * How the session runs after a command: `run` stops only at breakpoints (and pause requests); the
 * step modes stop relative to `origin`, the frame stack shown when the command was given.
 */
export type StepMode =
  | { readonly kind: 'run' }
  | { readonly kind: 'over' | 'into' | 'out'; readonly origin: readonly Frame[] };

/** Running freely (after `continue`, or before any command). */
export const RUN: StepMode = { kind: 'run' };

/**
 * True when a gate with `frames` ends the step: `over` at the origin's depth or shallower, `into`
 * at any depth, `out` shallower than the origin — always within the origin's lineage.
 */
export function isStepTarget(mode: StepMode, frames: readonly Frame[]): boolean {
  switch (mode.kind) {
    case 'run':
      return false;
    case 'over':
      return frames.length <= mode.origin.length && inScope(mode, frames);
    case 'into':
      return inScope(mode, frames);
    case 'out':
      return frames.length < mode.origin.length && inScope(mode, frames);
    default:
      return assertNever(mode);
  }
}

/**
 * True when a gate belongs to what the command advances. Stepping over or into a frame advances only
 * its own lineage (a parallel sibling stays held); stepping out advances the whole container.
 */
export function inScope(mode: StepMode, frames: readonly Frame[]): boolean {
  if (mode.kind === 'run') return true;
  const depth = mode.kind === 'out' ? mode.origin.length - 1 : mode.origin.length;
  return inLineage(mode.origin, depth, frames);
}

/**
 * True when `frames` runs in the same concurrent line as `origin` down to `depth`: the common
 * ancestors are the same frames, and at the last common level the branch is the same. Iterations of
 * a loop are sequential, so a different iteration at the last level is the same line.
 */
export function inLineage(
  origin: readonly Frame[],
  depth: number,
  frames: readonly Frame[],
): boolean {
  const common = Math.min(depth, frames.length);
  for (let level = 0; level < common; level += 1) {
    const a = origin[level];
    const b = frames[level];
    if (a === undefined || b === undefined) return false;
    if (level < common - 1 ? !sameFrame(a, b) : a.branch !== b.branch) return false;
  }
  return true;
}

/** True when `prefix` is the start of `frames` (an ancestor's stack, or the same stack). */
export function isFramePrefix(prefix: readonly Frame[], frames: readonly Frame[]): boolean {
  if (prefix.length > frames.length) return false;
  return prefix.every((frame, level) => {
    const other = frames[level];
    return other !== undefined && sameFrame(frame, other);
  });
}

/** Same step instance: path plus loop/branch coordinates. */
export function sameFrame(a: Frame, b: Frame): boolean {
  return a.path === b.path && a.iteration === b.iteration && a.branch === b.branch;
}
