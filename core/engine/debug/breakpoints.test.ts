import { describe, expect, it } from 'vitest';
import { createDebugSession } from './createDebugSession';
import { drive, startDebugged } from './__fixtures__/debugHarness';
import { LOOP_YAML } from './__fixtures__/pipelines';

const BODY_A = 'steps[1].loop.body[0]';
const BODY_B = 'steps[1].loop.body[1]';

describe('breakpoints', () => {
  it('stop at a path in every loop iteration', async () => {
    const session = createDebugSession({ breakpoints: [{ path: BODY_B }] });
    const run = startDebugged(LOOP_YAML, session, { input: 'i' });
    const { stops, result } = await drive(session, run, []);
    expect(stops).toEqual([
      `breakpoint ${BODY_B}#1`,
      `breakpoint ${BODY_B}#2`,
      `breakpoint ${BODY_B}#3`,
    ]);
    expect(result.output).toBe('iababab!');
  });

  it('report the breakpoint that stopped the run', async () => {
    const session = createDebugSession({ breakpoints: [{ path: 'steps[2]' }] });
    const run = startDebugged(LOOP_YAML, session, { input: 'i' });
    const stop = await session.waitForPause();
    expect(stop).toMatchObject({ reason: 'breakpoint', breakpoint: { path: 'steps[2]' } });
    expect(stop?.frames.map((frame) => frame.path)).toEqual(['steps[2]']);
    expect(stop?.frames[0]?.input).toBe('iababab');
    session.continue();
    expect((await run.done).status).toBe('succeeded');
  });

  it('never stop when disabled; waitForPause then resolves undefined when the run ends', async () => {
    const session = createDebugSession({ breakpoints: [{ path: BODY_A, enabled: false }] });
    const run = startDebugged(LOOP_YAML, session, { input: 'i' });
    await expect(session.waitForPause()).resolves.toBeUndefined();
    expect((await run.done).status).toBe('succeeded');
    expect(session.state).toBe('ended');
  });

  it('stop only when the condition over iteration is true', async () => {
    const session = createDebugSession({
      breakpoints: [{ path: BODY_A, condition: 'iteration == 2' }],
    });
    const { stops } = await drive(session, startDebugged(LOOP_YAML, session, { input: 'i' }), []);
    expect(stops).toEqual([`breakpoint ${BODY_A}#2`]);
  });

  it('evaluate conditions over context, input and branch', async () => {
    const session = createDebugSession({
      breakpoints: [
        {
          path: BODY_A,
          condition:
            "context.n == '2' and input == 'iabab' and previous_step == input and branch == None",
        },
      ],
    });
    const { stops } = await drive(session, startDebugged(LOOP_YAML, session, { input: 'i' }), []);
    expect(stops).toEqual([`breakpoint ${BODY_A}#3`]);
  });

  it('stop on the N-th hit only, counting hits whose condition was true', async () => {
    const plain = createDebugSession({ breakpoints: [{ path: BODY_A, hitCount: 2 }] });
    const first = await drive(plain, startDebugged(LOOP_YAML, plain, { input: 'i' }), []);
    expect(first.stops).toEqual([`breakpoint ${BODY_A}#2`]);

    const conditional = createDebugSession({
      breakpoints: [{ path: BODY_A, condition: 'iteration >= 2', hitCount: 2 }],
    });
    const second = await drive(
      conditional,
      startDebugged(LOOP_YAML, conditional, { input: 'i' }),
      [],
    );
    expect(second.stops).toEqual([`breakpoint ${BODY_A}#3`]);
  });

  it('stop with the error when a condition cannot be evaluated', async () => {
    const session = createDebugSession({
      breakpoints: [{ path: 'steps[0]', condition: 'input ==' }],
    });
    const run = startDebugged(LOOP_YAML, session, { input: 'i' });
    const stop = await session.waitForPause();
    expect(stop?.reason).toBe('breakpoint');
    expect(stop?.conditionError).toMatch(/\S/);
    session.continue();
    expect((await run.done).status).toBe('succeeded');
  });

  it('can be replaced while paused; one with the same path and condition keeps its hit count', async () => {
    const session = createDebugSession({ breakpoints: [{ path: BODY_A }] });
    const run = startDebugged(LOOP_YAML, session, { input: 'i' });
    const stops: string[] = [];
    const first = await session.waitForPause();
    stops.push(`${first?.reason ?? ''} ${String(first?.frames.at(-1)?.iteration)}`);
    session.setBreakpoints([
      { path: BODY_A, hitCount: 2 },
      { path: 'steps[2]', enabled: false },
    ]);
    session.continue();
    const second = await session.waitForPause();
    stops.push(`${second?.reason ?? ''} ${String(second?.frames.at(-1)?.iteration)}`);
    session.setBreakpoints([]);
    session.continue();
    await expect(session.waitForPause()).resolves.toBeUndefined();
    expect(stops).toEqual(['breakpoint 1', 'breakpoint 2']);
    expect((await run.done).status).toBe('succeeded');
  });

  it('reject malformed breakpoints with a message saying what to use', () => {
    expect(() => createDebugSession({ breakpoints: [{ path: '' }] })).toThrow(/step path/);
    expect(() => createDebugSession({ breakpoints: [{ path: 'steps[0]', hitCount: 0 }] })).toThrow(
      /whole number/,
    );
  });
});
