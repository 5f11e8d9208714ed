import { describe, expect, it } from 'vitest';
import { runBuiltin } from './__fixtures__/fakeSkillContext';

describe('passthrough', () => {
  it('returns its input unchanged', async () => {
    const value = { a: [1, { b: null }] };
    expect(await runBuiltin('passthrough', value)).toBe(value);
    expect(await runBuiltin('passthrough', 'text')).toBe('text');
  });
});

describe('stringify', () => {
  it('formats like Python str()', async () => {
    expect(await runBuiltin('stringify', [{ a: null, b: true }, 'x'])).toBe(
      "[{'a': None, 'b': True}, 'x']",
    );
    expect(await runBuiltin('stringify', null)).toBe('None');
    expect(await runBuiltin('stringify', 'as is')).toBe('as is');
  });
});

describe('welcome_agent', () => {
  it('greets the step input as the name', async () => {
    const text = (await runBuiltin('welcome_agent', 'Ada')) as string;
    expect(text.startsWith('Welcome, Ada!\n\n')).toBe(true);
    expect(text).toContain('You have successfully run your first pipeline!');
    expect(text.endsWith('Happy building!\n')).toBe(true);
  });

  it('greets "Developer" without a name, and honours a name param', async () => {
    expect(await runBuiltin('welcome_agent', null)).toMatch(/^Welcome, Developer!/);
    expect(await runBuiltin('welcome_agent', 'ignored', { params: { name: 'Bo' } })).toMatch(
      /^Welcome, Bo!/,
    );
  });
});

describe('check_user_confirmation', () => {
  it.each([
    ['', 'approved'],
    ['  Y ', 'approved'],
    ['YES', 'approved'],
    [null, 'approved'],
    ['no', 'denied'],
    ['yep', 'denied'],
  ])('maps %j to %s', async (answer, key) => {
    expect(await runBuiltin('check_user_confirmation', answer)).toBe(key);
  });

  it('prefers user_input over the positional output', async () => {
    expect(await runBuiltin('check_user_confirmation', { user_input: 'n' })).toBe('denied');
    expect(await runBuiltin('check_user_confirmation', 'no', { params: { user_input: 'y' } })).toBe(
      'approved',
    );
  });
});

describe('extract_decomposed_steps', () => {
  it('keeps the dict steps under prepared_steps_for_mapping', async () => {
    expect(
      await runBuiltin('extract_decomposed_steps', { steps: [{ a: 1 }, 'x', { b: 2 }] }),
    ).toEqual({
      prepared_steps_for_mapping: [{ a: 1 }, { b: 2 }],
    });
    expect(await runBuiltin('extract_decomposed_steps', 'nothing')).toEqual({
      prepared_steps_for_mapping: [],
    });
  });

  it('honours an output_key param', async () => {
    expect(
      await runBuiltin('extract_decomposed_steps', { steps: [] }, { params: { output_key: 'k' } }),
    ).toEqual({ k: [] });
  });
});

describe('estimate_plan_cost', () => {
  it('is always 0 (no cost metadata)', async () => {
    expect(await runBuiltin('estimate_plan_cost', [{ agent: { id: 'x' } }])).toEqual({
      plan_estimated_cost_usd: 0,
    });
  });
});
