import { describe, expect, it } from 'vitest';
import { bindSkillArguments } from './bindSkillArguments';
import type { BuiltinSkill } from './builtinSkill';

const skill = (parameters: readonly string[], required: readonly string[] = []): BuiltinSkill => ({
  id: 'flujo.builtins.test',
  parameters,
  required,
  run: () => null,
});

describe('bindSkillArguments', () => {
  it('binds a non-dict input to the first parameter', () => {
    expect(bindSkillArguments(skill(['rows', 'headers']), [1, 2])).toEqual({
      ok: true,
      args: { rows: [1, 2] },
    });
  });

  it('spreads a dict input whose keys are all parameter names', () => {
    const bound = bindSkillArguments(skill(['data', 'operation', 'field']), {
      data: [],
      operation: 'sum',
    });
    expect(bound).toEqual({ ok: true, args: { data: [], operation: 'sum' } });
  });

  it('binds a dict with any foreign key positionally', () => {
    const input = { data: [], other: 1 };
    expect(bindSkillArguments(skill(['data', 'operation']), input)).toEqual({
      ok: true,
      args: { data: input },
    });
  });

  it('binds an empty dict as a value, not as an empty argument list', () => {
    expect(bindSkillArguments(skill(['x']), {})).toEqual({ ok: true, args: { x: {} } });
  });

  it('honours params and binds the input to the first parameter they leave unset', () => {
    const bound = bindSkillArguments(skill(['data', 'operation', 'field']), [{ a: 1 }], {
      operation: 'count',
    });
    expect(bound).toEqual({ ok: true, args: { operation: 'count', data: [{ a: 1 }] } });
  });

  it('uses the input as value for context_set-style params', () => {
    const bound = bindSkillArguments(skill(['path', 'value'], ['path', 'value']), 42, {
      path: 'counter',
    });
    expect(bound).toEqual({ ok: true, args: { path: 'counter', value: 42 } });
  });

  it('lets a spread dict input override params', () => {
    const bound = bindSkillArguments(
      skill(['path', 'value']),
      { value: 2 },
      { path: 'a', value: 1 },
    );
    expect(bound).toEqual({ ok: true, args: { path: 'a', value: 2 } });
  });

  it('ignores the input when params fill every parameter', () => {
    const bound = bindSkillArguments(skill(['path', 'value']), 'ignored', { path: 'a', value: 1 });
    expect(bound).toEqual({ ok: true, args: { path: 'a', value: 1 } });
  });

  it('binds a None input but not a missing one', () => {
    expect(bindSkillArguments(skill(['x']), null)).toEqual({ ok: true, args: { x: null } });
    expect(bindSkillArguments(skill(['x']), undefined)).toEqual({ ok: true, args: {} });
  });

  it('names a missing required parameter', () => {
    const bound = bindSkillArguments(skill(['data', 'operation'], ['data', 'operation']), [1]);
    expect(bound.ok).toBe(false);
    if (!bound.ok) {
      expect(bound.message).toContain("needs 'operation'");
      expect(bound.message).toContain('agent.params');
    }
  });

  it('rejects a param the skill does not have, listing the accepted ones', () => {
    const bound = bindSkillArguments(skill(['rows', 'headers']), [], { delimiter: ';' });
    expect(bound).toEqual({
      ok: false,
      message: expect.stringContaining("no parameter 'delimiter'") as unknown,
    });
    if (!bound.ok) expect(bound.message).toContain('rows, headers');
  });
});
