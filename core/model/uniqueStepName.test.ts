import { describe, expect, it } from 'vitest';
import { allKinds, plain } from './__fixtures__/allKinds';
import { stepNames, uniqueStepName } from './uniqueStepName';

describe('uniqueStepName', () => {
  it('keeps a free name and numbers a taken one, counting nested, fallback and wrapped steps', () => {
    expect(uniqueStepName(allKinds, 'fresh')).toBe('fresh');
    expect(uniqueStepName(allKinds, 'start')).toBe('start_2');
    expect(uniqueStepName(allKinds, 'start_fallback')).toBe('start_fallback_2');
    expect(uniqueStepName(allKinds, 'expensive')).toBe('expensive_2');
    const crowded = {
      steps: [...allKinds.steps, plain('start_2')],
    };
    expect(uniqueStepName(crowded, 'start')).toBe('start_3');
    expect(stepNames(allKinds).size).toBe(23);
  });
});
