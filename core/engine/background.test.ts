import { describe, expect, it } from 'vitest';
import { fakeSkills, runYaml, stepNamed } from './__fixtures__/engineHarness';

const yaml = `
name: bg
steps:
  - name: notify
    uses: skills.bg:work
    sink_to: notified
    config: { execution_mode: background }
  - name: next
    input: "after {{ previous_step }}"
    sink_to: main_out
`;

describe('background steps (FLUJO-SPEC §8.12, DECISIONS 12)', () => {
  it('passes its input through and launches the work on an isolated context', async () => {
    const seenContexts: Record<string, unknown>[] = [];
    const skills = fakeSkills({
      'skills.bg:work': ({ input, context }) => {
        seenContexts.push(context as Record<string, unknown>);
        return `sent ${String(input)}`;
      },
    });
    const { result, events } = await runYaml(yaml, { input: 'in', skills, runId: 'run1' });
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('after in');
    const launched = stepNamed(result, 'notify');
    expect(launched).toMatchObject({
      output: 'in',
      success: true,
      feedback: 'Launched in background (task_id=run1_bg_1)',
      metadata: { background_task_id: 'run1_bg_1' },
    });
    expect(events.find((event) => event.type === 'background.launched')).toMatchObject({
      path: 'steps[0]',
      stepName: 'notify',
      taskId: 'run1_bg_1',
    });
    expect(seenContexts[0]).toMatchObject({
      run_id: 'run1_bg_1',
      is_background_task: true,
      parent_run_id: 'run1',
      task_id: 'run1_bg_1',
    });
    // never merged back
    expect(result.context.run_id).toBe('run1');
    expect(result.context.notified).toBeUndefined();
    expect(result.context.is_background_task).toBeUndefined();
    expect(result.context.main_out).toBe('after in');
  });

  it("emits the task's own result before the run ends", async () => {
    const skills = fakeSkills({ 'skills.bg:work': ({ input }) => `sent ${String(input)}` });
    const { events } = await runYaml(yaml, { input: 'in', skills, runId: 'r' });
    const own = events.find(
      (event) => event.type === 'step.succeeded' && event.branch === 'background:r_bg_1',
    );
    expect(own?.type === 'step.succeeded' ? own.result.output : undefined).toBe('sent in');
    expect(events.at(-1)?.type).toBe('run.succeeded');
  });

  it('a failing background task does not fail the run', async () => {
    const skills = fakeSkills({
      'skills.bg:work': () => {
        throw new Error('smtp down');
      },
    });
    const { result, events } = await runYaml(yaml, { input: 'in', skills, runId: 'r' });
    expect(result.status).toBe('succeeded');
    const own = events.find(
      (event) => event.type === 'step.failed' && event.branch === 'background:r_bg_1',
    );
    expect(own?.type === 'step.failed' ? own.result.feedback : undefined).toContain('smtp down');
  });
});
