import type { Where } from '../runState';
import type { StepCall } from './stepHandler';

/**
 * The `Where` of a container's child steps: the container's frame pushed (when debugging) plus
 * coordinates; `signal` and `meters` replace the container's (a branch's own signal, a loop's
 * budget) without a second object.
 */
export function childWhere(
  call: StepCall,
  coordinates: {
    readonly iteration?: number;
    readonly branch?: string;
    readonly signal?: AbortSignal;
    readonly meters?: Where['meters'];
  },
): Where {
  const where = call.where;
  const iteration = coordinates.iteration ?? where.iteration;
  const branch = coordinates.branch ?? where.branch;
  const child: {
    frames: Where['frames'];
    signal: AbortSignal;
    meters: Where['meters'];
    inFallback: boolean;
    file?: string;
    iteration?: number;
    branch?: string;
  } = {
    frames: call.run.options.debug === undefined ? where.frames : [...where.frames, call.frame],
    signal: coordinates.signal ?? where.signal,
    meters: coordinates.meters ?? where.meters,
    inFallback: false,
  };
  if (where.file !== undefined) child.file = where.file;
  if (iteration !== undefined) child.iteration = iteration;
  if (branch !== undefined) child.branch = branch;
  return child;
}
