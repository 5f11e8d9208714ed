import type { Where } from '../runState';
import type { StepCall } from './stepHandler';

/** The `Where` of a container's child steps: the container's frame pushed (when debugging) plus coordinates. */
export function childWhere(
  call: StepCall,
  coordinates: { readonly iteration?: number; readonly branch?: string },
): Where {
  const where = call.where;
  return {
    ...where,
    frames: call.run.options.debug === undefined ? where.frames : [...where.frames, call.frame],
    ...(coordinates.iteration === undefined ? {} : { iteration: coordinates.iteration }),
    ...(coordinates.branch === undefined ? {} : { branch: coordinates.branch }),
    inFallback: false,
  };
}
