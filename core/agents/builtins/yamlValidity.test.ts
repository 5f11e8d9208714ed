import { describe, expect, it } from 'vitest';
import { fakeSkillContext, runBuiltin } from './__fixtures__/fakeSkillContext';
import { hasUnclosedInlineSteps } from './yamlShape';

const broken = 'version: "0.1"\nsteps: [\n  - a';
const good = 'version: "0.1"\nsteps: []';

describe('context validity keys', () => {
  it('compute_validity_key follows context.yaml_is_valid', async () => {
    const valid = fakeSkillContext({ yaml_is_valid: true });
    expect(await runBuiltin('compute_validity_key', null, { context: valid })).toBe('valid');
    expect(await runBuiltin('compute_validity_key', null)).toBe('invalid');
  });

  it('always_valid_key is "valid"', async () => {
    expect(await runBuiltin('always_valid_key', { yaml_is_valid: false })).toBe('valid');
  });

  it('has_yaml_key looks for non-blank context.yaml_text', async () => {
    const present = fakeSkillContext({ yaml_text: 'a: 1' });
    expect(await runBuiltin('has_yaml_key', null, { context: present })).toBe('present');
    const blank = fakeSkillContext({ yaml_text: '  \n' });
    expect(await runBuiltin('has_yaml_key', null, { context: blank })).toBe('absent');
  });

  it('get_yaml_validity reports the context flag', async () => {
    const context = fakeSkillContext({ yaml_is_valid: 'yes' });
    expect(await runBuiltin('get_yaml_validity', null, { context })).toEqual({
      yaml_is_valid: true,
    });
  });
});

describe('YAML shape heuristics', () => {
  it('spots an unclosed inline steps list only', () => {
    expect(hasUnclosedInlineSteps(broken)).toBe(true);
    expect(hasUnclosedInlineSteps(good)).toBe(false);
    expect(hasUnclosedInlineSteps('steps:\n  - [a')).toBe(false);
    expect(hasUnclosedInlineSteps(3)).toBe(false);
  });

  it('select_validity_branch: shape first, then output flag, then context flag', async () => {
    const validCtx = fakeSkillContext({ yaml_is_valid: true });
    expect(await runBuiltin('select_validity_branch', broken, { context: validCtx })).toBe(
      'invalid',
    );
    expect(
      await runBuiltin(
        'select_validity_branch',
        { yaml_text: good, yaml_is_valid: false },
        {
          context: validCtx,
        },
      ),
    ).toBe('invalid');
    expect(await runBuiltin('select_validity_branch', good, { context: validCtx })).toBe('valid');
    const invalidCtx = fakeSkillContext({ yaml_is_valid: false });
    expect(await runBuiltin('select_validity_branch', good, { context: invalidCtx })).toBe(
      'invalid',
    );
    expect(await runBuiltin('select_validity_branch', good)).toBe('valid');
  });

  it('select_by_yaml_shape: context YAML shape wins over the flag', async () => {
    const context = fakeSkillContext({ yaml_text: good, yaml_is_valid: false });
    expect(await runBuiltin('select_by_yaml_shape', 'x', { context })).toBe('valid');
    expect(await runBuiltin('select_by_yaml_shape', { generated_yaml: broken }, { context })).toBe(
      'invalid',
    );
    const flagOnly = fakeSkillContext({ yaml_is_valid: false });
    expect(await runBuiltin('select_by_yaml_shape', 'x', { context: flagOnly })).toBe('invalid');
  });

  it('shape_to_validity_flag reports the shape with the context texts', async () => {
    const context = fakeSkillContext({ yaml_text: broken, generated_yaml: broken });
    expect(await runBuiltin('shape_to_validity_flag', 'ignored', { context })).toEqual({
      yaml_is_valid: false,
      yaml_text: broken,
      generated_yaml: broken,
    });
    expect(await runBuiltin('shape_to_validity_flag', null)).toEqual({ yaml_is_valid: true });
  });
});
