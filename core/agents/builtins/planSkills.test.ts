import { describe, expect, it } from 'vitest';
import { fakeSkillContext, runBuiltin } from './__fixtures__/fakeSkillContext';

describe('visualize_plan', () => {
  it('chains the steps S1..Sn under graph TD, labelled by name, id or position', async () => {
    expect(await runBuiltin('visualize_plan', [{ name: 'fetch' }, { id: 'parse' }, 'x'])).toEqual({
      plan_mermaid_graph:
        'graph TD\n  S1["fetch"]\n  S2["parse"]\n  S1 --> S2\n  S3["Step 3"]\n  S2 --> S3',
    });
  });

  it('gives a bare graph for a non-list plan, and escapes quotes in labels', async () => {
    expect(await runBuiltin('visualize_plan', 'nope')).toEqual({ plan_mermaid_graph: 'graph TD' });
    expect(await runBuiltin('visualize_plan', [{ name: 'say "hi"' }])).toEqual({
      plan_mermaid_graph: 'graph TD\n  S1["say #quot;hi#quot;"]',
    });
  });
});

describe('aggregate_plan', () => {
  it('combines step plans with the goal and skills from the context', async () => {
    const context = fakeSkillContext({
      initial_prompt: 'build a bot',
      available_skills: [{ id: 's1' }, 'junk'],
    });
    expect(await runBuiltin('aggregate_plan', [{ step: 1 }, 'x'], { context })).toEqual({
      user_goal: 'build a bot',
      step_plans: [{ step: 1 }],
      available_skills: [{ id: 's1' }],
    });
  });

  it('prefers user_goal and defaults to empty values', async () => {
    const context = fakeSkillContext({ user_goal: 'goal', initial_prompt: 'prompt' });
    expect(await runBuiltin('aggregate_plan', 'x', { context })).toEqual({
      user_goal: 'goal',
      step_plans: [],
      available_skills: [],
    });
  });
});

describe('build_tool_match_input', () => {
  it('reads the step name and purpose with their fallbacks', async () => {
    const context = fakeSkillContext({ available_skills: [{ id: 'a' }] });
    expect(
      await runBuiltin('build_tool_match_input', { title: 'T', description: 'D' }, { context }),
    ).toEqual({ step_name: 'T', purpose: 'D', available_skills: [{ id: 'a' }] });
    expect(await runBuiltin('build_tool_match_input', 'x')).toEqual({
      step_name: '',
      purpose: '',
      available_skills: [],
    });
  });
});
