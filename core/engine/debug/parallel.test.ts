import { describe, expect, it } from 'vitest';
import { createDebugSession } from './createDebugSession';
import { describeStop, drive, settle, started, startDebugged } from './__fixtures__/debugHarness';
import { PARALLEL_YAML } from './__fixtures__/pipelines';

const A1 = 'steps[0].branches.a[0]@a';
const A2 = 'steps[0].branches.a[1]@a';
const B1 = 'steps[0].branches.b[0]@b';
const B2 = 'steps[0].branches.b[1]@b';
const C1 = 'steps[0].branches.c[0]@c';
const C2 = 'steps[0].branches.c[1]@c';

describe('debug session: parallel branches', () => {
  it('stepInto a parallel stops at the first branch; stepping advances only that branch', async () => {
    const session = createDebugSession({ pauseOnStart: true });
    const run = startDebugged(PARALLEL_YAML, session);
    await session.waitForPause();
    session.stepInto();
    const first = await session.waitForPause();
    expect(first && describeStop(first)).toBe(`step ${A1}`);
    expect(first?.frames.map((frame) => frame.kind)).toEqual(['parallel', 'step']);
    await settle();
    expect(started(run.events)).toEqual(['steps[0]']);
    session.stepOver();
    const second = await session.waitForPause();
    expect(second && describeStop(second)).toBe(`step ${A2}`);
    await settle();
    expect(started(run.events)).toEqual(['steps[0]', A1]);
    session.continue();
    const result = await run.done;
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('done');
    expect(started(run.events).slice(2).sort()).toEqual([A2, B1, B2, C1, C2, 'steps[1]'].sort());
  });

  it('a pause holds every branch at its next gate; continue releases them all', async () => {
    const session = createDebugSession({ breakpoints: [{ path: 'steps[0].branches.b[0]' }] });
    const run = startDebugged(PARALLEL_YAML, session);
    const stop = await session.waitForPause();
    expect(stop && describeStop(stop)).toBe(`breakpoint ${B1}`);
    await settle();
    // a1 passed its gate before b1 stopped the run; a2 and c1 wait at theirs.
    expect(started(run.events)).toEqual(['steps[0]', A1]);
    expect(session.currentStop).toBe(stop);
    session.stepOver();
    const stepped = await session.waitForPause();
    expect(stepped && describeStop(stepped)).toBe(`step ${B2}`);
    await settle();
    expect(started(run.events)).toEqual(['steps[0]', A1, B1]);
    session.continue();
    expect((await run.done).status).toBe('succeeded');
    expect(started(run.events)).toContain(C2);
  });

  it('stepOut of a branch runs the whole parallel and stops after it', async () => {
    const session = createDebugSession({ breakpoints: [{ path: 'steps[0].branches.a[0]' }] });
    const run = startDebugged(PARALLEL_YAML, session);
    const { stops } = await drive(session, run, ['stepOut']);
    expect(stops).toEqual([`breakpoint ${A1}`, 'step steps[1]']);
    expect((await run.done).status).toBe('succeeded');
  });

  it('pause with branches held shows a held branch at once', async () => {
    const session = createDebugSession({ pauseOnStart: true });
    const run = startDebugged(PARALLEL_YAML, session);
    await session.waitForPause();
    session.stepInto();
    await session.waitForPause();
    session.stepOver();
    await session.waitForPause();
    // a2 is shown; b1 and c1 are held. Step a2 (the branch's last step): branch a ends and the
    // parallel waits for the held branches, so pause shows the oldest held one.
    session.stepOver();
    await settle();
    expect(session.state).toBe('running');
    expect(session.pause()).toBe(true);
    const held = await session.waitForPause();
    expect(held && describeStop(held)).toBe(`pause ${B1}`);
    session.continue();
    expect((await run.done).status).toBe('succeeded');
  });

  it('cancel releases every held branch', async () => {
    const session = createDebugSession({ breakpoints: [{ path: 'steps[0].branches.a[0]' }] });
    const run = startDebugged(PARALLEL_YAML, session);
    await session.waitForPause();
    await settle();
    session.cancel();
    const result = await run.done;
    expect(result.status).toBe('cancelled');
    expect(started(run.events)).toEqual(['steps[0]']);
  });
});
