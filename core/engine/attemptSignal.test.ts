import { describe, expect, it } from 'vitest';
import { attemptSignal } from './attemptSignal';
import { TimeoutError } from './errors';

describe('attemptSignal', () => {
  it('aborts with a TimeoutError naming the step when the timeout fires', async () => {
    const attempt = attemptSignal(new AbortController().signal, 0.01, 'slow');
    await expect(attempt.timedOut).rejects.toBeInstanceOf(TimeoutError);
    expect(attempt.signal.aborted).toBe(true);
    expect((attempt.signal.reason as Error).message).toBe("Step 'slow' timed out after 0.01 s.");
    attempt.dispose();
  });

  it('follows the run signal, also when it was aborted before the attempt', () => {
    const run = new AbortController();
    run.abort(new Error('stop'));
    const attempt = attemptSignal(run.signal, 5, 'x');
    expect(attempt.signal.aborted).toBe(true);
    expect((attempt.signal.reason as Error).message).toBe('stop');
    attempt.dispose();
  });

  it('without a timeout is the run signal itself', () => {
    const run = new AbortController();
    expect(attemptSignal(run.signal, undefined, 'x').signal).toBe(run.signal);
    expect(attemptSignal(run.signal, 0, 'x').signal).toBe(run.signal);
  });
});
