import { describe, expect, it } from 'vitest';
import type { Frame } from '../frame';
import { RUN, inScope, isFramePrefix, isStepTarget } from './stepMode';
import type { StepMode } from './stepMode';

function frame(path: string, coordinates: { iteration?: number; branch?: string } = {}): Frame {
  return {
    path,
    stepName: path,
    kind: 'step',
    attempt: 1,
    input: null,
    context: {},
    ...coordinates,
  };
}

const par = frame('steps[0]');
const a1 = frame('steps[0].branches.a[0]', { branch: 'a' });
const a2 = frame('steps[0].branches.a[1]', { branch: 'a' });
const b1 = frame('steps[0].branches.b[0]', { branch: 'b' });
const loop = frame('steps[1]');
const body = (index: number, iteration: number): Frame =>
  frame(`steps[1].loop.body[${String(index)}]`, { iteration });

describe('stepMode', () => {
  it('stepOver targets the same depth or shallower, in the same branch only', () => {
    const over: StepMode = { kind: 'over', origin: [par, a1] };
    expect(isStepTarget(over, [par, a2])).toBe(true);
    expect(isStepTarget(over, [par, b1])).toBe(false);
    expect(inScope(over, [par, b1])).toBe(false);
    expect(isStepTarget(over, [frame('steps[1]')])).toBe(true);
  });

  it("crosses loop iterations: the last body step's next target is the next iteration", () => {
    const over: StepMode = { kind: 'over', origin: [loop, body(1, 1)] };
    expect(isStepTarget(over, [loop, body(0, 2)])).toBe(true);
  });

  it('stepInto targets any depth; stepOut only shallower, with the container in scope', () => {
    expect(isStepTarget({ kind: 'into', origin: [par] }, [par, b1])).toBe(true);
    const out: StepMode = { kind: 'out', origin: [par, a1] };
    expect(isStepTarget(out, [par, a2])).toBe(false);
    expect(inScope(out, [par, b1])).toBe(true);
    expect(isStepTarget(out, [loop])).toBe(true);
  });

  it('running freely targets nothing and holds nothing', () => {
    expect(isStepTarget(RUN, [par])).toBe(false);
    expect(inScope(RUN, [par, b1])).toBe(true);
  });

  it('isFramePrefix recognises an ancestor stack by path and coordinates', () => {
    expect(isFramePrefix([loop], [loop, body(0, 1)])).toBe(true);
    expect(isFramePrefix([loop, body(0, 2)], [loop, body(0, 1)])).toBe(false);
  });
});
