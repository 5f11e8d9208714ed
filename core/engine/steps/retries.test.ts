import { describe, expect, it } from 'vitest';
import {
  eventTypes,
  failingTimes,
  fakeSkills,
  runYaml,
  stepNamed,
  waitsForAbort,
} from '../__fixtures__/engineHarness';

const flaky = (config = ''): string => `
name: retries
steps:
  - name: flaky
    uses: skills.flaky:run
    ${config}
`;

describe('attempts and retries (FLUJO-SPEC §8.2)', () => {
  it('retries once by default: one failure is absorbed', async () => {
    const skills = fakeSkills({ 'skills.flaky:run': failingTimes(1, 'boom', 'ok') });
    const { result, events } = await runYaml(flaky(), { skills });
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('ok');
    expect(stepNamed(result, 'flaky').attempts).toBe(2);
    const retrying = events.find((event) => event.type === 'step.retrying');
    expect(retrying).toMatchObject({
      attempt: 2,
      reason: expect.stringContaining('boom #1') as unknown,
    });
  });

  it('fails after max_retries + 1 attempts with the last error as feedback', async () => {
    const skills = fakeSkills({ 'skills.flaky:run': failingTimes(5, 'boom', 'ok') });
    const { result, events } = await runYaml(flaky(), { skills });
    expect(result.status).toBe('failed');
    expect(skills.calls['skills.flaky:run']).toBe(2);
    const failed = stepNamed(result, 'flaky');
    expect(failed.attempts).toBe(2);
    expect(failed.feedback).toContain('boom #2');
    expect(result.error?.message).toContain("Step 'flaky' failed");
    expect(eventTypes(events, 'steps[0]').filter((type) => type === 'step.attempt')).toHaveLength(
      2,
    );
  });

  it('honours an explicit max_retries', async () => {
    const skills = fakeSkills({ 'skills.flaky:run': failingTimes(3, 'boom', 'ok') });
    const { result } = await runYaml(flaky('config: { max_retries: 3 }'), { skills });
    expect(result.status).toBe('succeeded');
    expect(stepNamed(result, 'flaky').attempts).toBe(4);
  });

  it('max_retries: 0 means exactly one attempt', async () => {
    const skills = fakeSkills({ 'skills.flaky:run': failingTimes(1, 'boom', 'ok') });
    const { result } = await runYaml(flaky('config: { max_retries: 0 }'), { skills });
    expect(result.status).toBe('failed');
    expect(skills.calls['skills.flaky:run']).toBe(1);
  });

  it('a failed attempt does not write the context', async () => {
    let calls = 0;
    const { result } = await runYaml(
      `
name: isolation
steps:
  - name: write
    agent: { id: flujo.builtins.context_set }
    input: { path: written, value: yes }
    validators: [skills.check:run]
    config: { max_retries: 0 }
`,
      {
        skills: fakeSkills({
          'skills.check:run': () => {
            calls += 1;
            return false;
          },
        }),
      },
    );
    expect(calls).toBe(1);
    expect(result.status).toBe('failed');
    expect(result.context.written).toBeUndefined();
  });

  it('times an attempt out through its AbortSignal, then retries', async () => {
    const signals: AbortSignal[] = [];
    const skills = fakeSkills({
      'skills.slow:run': (call) => {
        signals.push(call.signal);
        return waitsForAbort(call);
      },
    });
    const { result } = await runYaml(
      `
name: timeout
steps:
  - name: slow
    uses: skills.slow:run
    config: { timeout_s: 0.05 }
`,
      { skills },
    );
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('TimeoutError');
    const slow = stepNamed(result, 'slow');
    expect(slow.attempts).toBe(2);
    expect(slow.feedback).toContain('timed out after 0.05 s');
    expect(signals).toHaveLength(2);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });

  it('a timed-out first attempt can succeed on the retry', async () => {
    let calls = 0;
    const skills = fakeSkills({
      'skills.slow:run': (call) => {
        calls += 1;
        return calls === 1 ? waitsForAbort(call) : 'fast now';
      },
    });
    const { result } = await runYaml(
      `
name: timeout
steps:
  - name: slow
    uses: skills.slow:run
    config: { timeout: 0.05 }
`,
      { skills },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('fast now');
  });
});

describe('fallback (FLUJO-SPEC §8.3)', () => {
  const withFallback = (fallback: string): string => `
name: fallback
steps:
  - name: primary
    uses: skills.broken:run
    fallback:
${fallback}
`;

  it('a successful fallback makes the step succeed with its output', async () => {
    const skills = fakeSkills({ 'skills.broken:run': failingTimes(9, 'primary down', 'x') });
    const { result } = await runYaml(
      withFallback('      name: backup\n      input: "backup for {{ previous_step }}"'),
      { skills, input: 'q' },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('backup for q');
    const primary = stepNamed(result, 'primary');
    expect(primary.metadata.fallback_triggered).toBe(true);
    expect(primary.metadata.original_error).toContain('primary down #2');
    expect(primary.attempts).toBe(3);
  });

  it('a failing fallback reports both errors and runs once', async () => {
    const skills = fakeSkills({
      'skills.broken:run': failingTimes(9, 'primary down', 'x'),
      'skills.backup:run': failingTimes(9, 'backup down', 'x'),
    });
    const { result } = await runYaml(
      withFallback('      name: backup\n      uses: skills.backup:run'),
      { skills },
    );
    expect(result.status).toBe('failed');
    const primary = stepNamed(result, 'primary');
    expect(primary.feedback).toBe(
      'Original error: primary down #2; Fallback error: backup down #1',
    );
    expect(primary.metadata.fallback_triggered).toBe(true);
    expect(skills.calls['skills.backup:run']).toBe(1);
  });
});

describe('validators (FLUJO-SPEC §8.4, DECISIONS 6)', () => {
  it('a validator failure ends the step after exactly one attempt', async () => {
    const skills = fakeSkills({
      'skills.gen:run': () => 'draft',
      'skills.check:run': () => ({ is_valid: false, feedback: 'too short' }),
    });
    const { result } = await runYaml(
      `
name: validated
steps:
  - name: gen
    uses: skills.gen:run
    validators: [skills.check:run]
`,
      { skills },
    );
    expect(result.status).toBe('failed');
    expect(skills.calls['skills.gen:run']).toBe(1);
    const gen = stepNamed(result, 'gen');
    expect(gen.attempts).toBe(1);
    expect(gen.feedback).toBe('Validation failed: skills.check:run: too short');
    expect(gen.output).toBe('draft');
    expect(gen.metadata.validation_failure).toBe('skills.check:run: too short');
  });

  it('a validator failure goes to the fallback', async () => {
    const skills = fakeSkills({
      'skills.gen:run': () => 'draft',
      'skills.check:run': () => false,
    });
    const { result } = await runYaml(
      `
name: validated
steps:
  - name: gen
    uses: skills.gen:run
    validators: [skills.check:run]
    fallback:
      name: safe
      input: "safe answer"
`,
      { skills },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('safe answer');
    expect(skills.calls['skills.gen:run']).toBe(1);
    expect(stepNamed(result, 'gen').metadata.fallback_triggered).toBe(true);
  });

  it('a passing validator keeps the output', async () => {
    const skills = fakeSkills({
      'skills.gen:run': () => 'fine',
      'skills.check:run': () => true,
    });
    const { result } = await runYaml(
      `
name: validated
steps:
  - name: gen
    uses: skills.gen:run
    validators: [skills.check:run]
`,
      { skills },
    );
    expect(result.output).toBe('fine');
  });

  it('a validator that cannot run is a ConfigurationError', async () => {
    const skills = fakeSkills({ 'skills.gen:run': () => 'draft' });
    const { result } = await runYaml(
      `
name: validated
steps:
  - name: gen
    uses: skills.gen:run
    validators: [my_pkg.validators:check]
`,
      { skills },
    );
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('ConfigurationError');
    expect(skills.calls['skills.gen:run']).toBe(1);
  });
});

describe('plugins (FLUJO-SPEC §8.4)', () => {
  const yaml = (extra = ''): string => `
name: plugged
steps:
  - name: gen
    uses: skills.gen:run
    plugins:
      - skills.plug:low
      - { path: skills.plug:high, priority: 5 }
${extra}
`;

  it('run highest priority first; a new_solution replaces the output', async () => {
    const order: string[] = [];
    const skills = fakeSkills({
      'skills.gen:run': () => 'raw',
      'skills.plug:high': ({ input }) => {
        order.push(`high:${String(input)}`);
        return { success: true, new_solution: 'polished' };
      },
      'skills.plug:low': ({ input }) => {
        order.push(`low:${String(input)}`);
        return true;
      },
    });
    const { result } = await runYaml(yaml(), { skills });
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('polished');
    expect(order).toEqual(['high:raw', 'low:polished']);
  });

  it('a plugin failure fails the step after one attempt when there is no fallback', async () => {
    const skills = fakeSkills({
      'skills.gen:run': () => 'raw',
      'skills.plug:high': () => ({ success: false, feedback: 'off topic' }),
      'skills.plug:low': () => true,
    });
    const { result } = await runYaml(yaml(), { skills });
    expect(result.status).toBe('failed');
    const gen = stepNamed(result, 'gen');
    expect(gen.feedback).toBe('Plugin execution failed: skills.plug:high: off topic');
    expect(gen.attempts).toBe(1);
  });

  it('with a fallback a plugin failure retries, then falls back', async () => {
    const skills = fakeSkills({
      'skills.gen:run': () => 'raw',
      'skills.plug:high': () => false,
      'skills.plug:low': () => true,
    });
    const { result } = await runYaml(
      yaml('    fallback:\n      name: plain\n      input: "plain answer"'),
      { skills },
    );
    expect(result.output).toBe('plain answer');
    expect(skills.calls['skills.gen:run']).toBe(2);
  });

  it('a plugin that cannot run is a ConfigurationError, never silently skipped', async () => {
    const skills = fakeSkills({ 'skills.gen:run': () => 'raw' });
    const { result } = await runYaml(
      `
name: plugged
steps:
  - name: gen
    uses: skills.gen:run
    plugins: [my_pkg.plugins:Checker]
`,
      { skills },
    );
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('ConfigurationError');
    expect(result.error?.message).toContain('my_pkg.plugins:Checker');
  });
});
