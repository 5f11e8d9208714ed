import { describe, expect, it } from 'vitest';
import { runBuiltin } from './__fixtures__/fakeSkillContext';

describe('extract_yaml_text', () => {
  it('reads yaml_text, else generated_yaml, of a dict', async () => {
    expect(await runBuiltin('extract_yaml_text', { yaml_text: 'version: "0.1"' })).toEqual({
      yaml_text: 'version: "0.1"',
      generated_yaml: 'version: "0.1"',
    });
    expect(
      await runBuiltin('extract_yaml_text', { yaml_text: '', generated_yaml: 'steps: []' }),
    ).toEqual({ yaml_text: 'steps: []', generated_yaml: 'steps: []' });
    expect(await runBuiltin('extract_yaml_text', { other: 1 })).toEqual({
      yaml_text: '',
      generated_yaml: '',
    });
  });

  it('strips a fenced code block', async () => {
    const text = 'Here you go:\n```yaml\nversion: "0.1"\nsteps: []\n```\nBye';
    expect(await runBuiltin('extract_yaml_text', text)).toEqual({
      yaml_text: 'version: "0.1"\nsteps: []',
      generated_yaml: 'version: "0.1"\nsteps: []',
    });
  });
});

describe('return_yaml_for_cli', () => {
  it('trims prose before the first version:/name: line', async () => {
    expect(await runBuiltin('return_yaml_for_cli', 'Sure!\nname: p\nversion: "0.1"')).toEqual({
      generated_yaml: 'name: p\nversion: "0.1"',
      yaml_text: 'name: p\nversion: "0.1"',
    });
  });

  it('accepts the dict extract_yaml_text returns', async () => {
    const out = await runBuiltin('return_yaml_for_cli', {
      yaml_text: 'x\nversion: "0.1"',
      generated_yaml: 'ignored',
    });
    expect(out).toEqual({ generated_yaml: 'version: "0.1"', yaml_text: 'version: "0.1"' });
  });

  it('keeps text without a YAML start as is', async () => {
    expect(await runBuiltin('return_yaml_for_cli', 'steps: []')).toEqual({
      generated_yaml: 'steps: []',
      yaml_text: 'steps: []',
    });
  });
});
