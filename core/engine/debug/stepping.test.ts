import { describe, expect, it } from 'vitest';
import { createDebugSession } from './createDebugSession';
import { drive, startDebugged } from './__fixtures__/debugHarness';
import { CONDITIONAL_YAML, LOOP_YAML } from './__fixtures__/pipelines';

const LOOP = 'steps[1]';
const BODY_A = 'steps[1].loop.body[0]';
const BODY_B = 'steps[1].loop.body[1]';

describe('stepping', () => {
  it('pauseOnStart stops before the first step; stepOver runs a whole loop as one step', async () => {
    const session = createDebugSession({ pauseOnStart: true });
    const run = startDebugged(LOOP_YAML, session, { input: 'i' });
    const { stops, result } = await drive(session, run, ['stepOver', 'stepOver', 'stepOver']);
    expect(stops).toEqual(['start steps[0]', `step ${LOOP}`, 'step steps[2]']);
    expect(result.output).toBe('iababab!');
  });

  it("stepOver on a loop body's last step stops at the next iteration's first step", async () => {
    const session = createDebugSession({
      breakpoints: [{ path: BODY_B, condition: 'iteration == 1' }],
    });
    const run = startDebugged(LOOP_YAML, session, { input: 'i' });
    const { stops } = await drive(session, run, ['stepOver', 'stepOver', 'stepOver']);
    expect(stops).toEqual([
      `breakpoint ${BODY_B}#1`,
      `step ${BODY_A}#2`,
      `step ${BODY_B}#2`,
      `step ${BODY_A}#3`,
    ]);
  });

  it('stepOver on the last step of the last iteration stops where the loop continues', async () => {
    const session = createDebugSession({
      breakpoints: [{ path: BODY_B, condition: 'iteration == 3' }],
    });
    const run = startDebugged(LOOP_YAML, session, { input: 'i' });
    const { stops } = await drive(session, run, ['stepOver', 'stepOver']);
    expect(stops).toEqual([`breakpoint ${BODY_B}#3`, 'step steps[2]']);
  });

  it("stepInto a loop stops at iteration 1's first body step; stepInto a leaf steps over it", async () => {
    const session = createDebugSession({ breakpoints: [{ path: LOOP }] });
    const run = startDebugged(LOOP_YAML, session, { input: 'i' });
    const first = await session.waitForPause();
    expect(first?.frames.map((frame) => frame.path)).toEqual([LOOP]);
    session.stepInto();
    const inner = await session.waitForPause();
    expect(inner?.reason).toBe('step');
    expect(inner?.frames.map((frame) => [frame.path, frame.iteration])).toEqual([
      [LOOP, undefined],
      [BODY_A, 1],
    ]);
    expect(inner?.frames.map((frame) => frame.kind)).toEqual(['loop', 'step']);
    session.stepInto();
    const { stops } = await drive(session, run, ['stepInto']);
    expect(stops).toEqual([`step ${BODY_B}#1`, `step ${BODY_A}#2`]);
  });

  it('stepInto a conditional stops at the chosen branch', async () => {
    const session = createDebugSession({ pauseOnStart: true });
    const run = startDebugged(CONDITIONAL_YAML, session, { input: 'y' });
    const { stops, result } = await drive(session, run, ['stepInto', 'stepOver', 'stepOver']);
    expect(stops).toEqual([
      'start steps[0]',
      'step steps[0].branches.y[0]@y',
      'step steps[0].branches.y[1]@y',
      'step steps[1]',
    ]);
    expect(result.output).toBe('after y2');
  });

  it('stepOut of a loop body (2nd iteration) finishes the loop and stops after it', async () => {
    const session = createDebugSession({
      breakpoints: [{ path: BODY_A, condition: 'iteration == 2' }],
    });
    const run = startDebugged(LOOP_YAML, session, { input: 'i' });
    const { stops, result } = await drive(session, run, ['stepOut', 'stepOut']);
    expect(stops).toEqual([`breakpoint ${BODY_A}#2`, 'step steps[2]']);
    expect(result.output).toBe('iababab!');
    const iterations = run.events.filter((event) => event.type === 'loop.iteration');
    expect(iterations).toHaveLength(3);
  });

  it('a breakpoint inside the stepped-over step stops there first', async () => {
    const session = createDebugSession({
      pauseOnStart: true,
      breakpoints: [{ path: BODY_B, condition: 'iteration == 2' }],
    });
    const run = startDebugged(LOOP_YAML, session, { input: 'i' });
    const { stops } = await drive(session, run, ['stepOver', 'stepOver', 'stepOver']);
    expect(stops).toEqual([
      'start steps[0]',
      `step ${LOOP}`,
      `breakpoint ${BODY_B}#2`,
      `step ${BODY_A}#3`,
    ]);
  });

  it('commands are ignored (false) when the session is not paused', async () => {
    const session = createDebugSession();
    expect(session.stepOver()).toBe(false);
    expect(session.continue()).toBe(false);
    const run = startDebugged(LOOP_YAML, session, { input: 'i' });
    expect((await run.done).status).toBe('succeeded');
    expect(session.stepInto()).toBe(false);
    expect(session.pause()).toBe(false);
  });
});
