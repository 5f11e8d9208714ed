import type { Pipeline } from './pipeline';
import { walkSteps } from './walkSteps';

/** Every step name used anywhere in the pipeline (nested steps, fallbacks and wrapped steps too). */
export function stepNames(pipeline: Pick<Pipeline, 'steps'>): ReadonlySet<string> {
  const names = new Set<string>();
  walkSteps(pipeline, ({ step }) => {
    names.add(step.name);
  });
  return names;
}

/** `base` if no step is called that yet, else the first free `base_2`, `base_3`, … */
export function uniqueStepName(pipeline: Pick<Pipeline, 'steps'>, base: string): string {
  const names = stepNames(pipeline);
  if (!names.has(base)) return base;
  let n = 2;
  while (names.has(`${base}_${String(n)}`)) n += 1;
  return `${base}_${String(n)}`;
}
