import { describe, expect, it } from 'vitest';
import { compileExpression, evaluate, evaluateExpression } from './expression';
import type { Scope } from './scope';

const scope: Scope = {
  previous_step: { status: 'OK ', count: '12', score: 0.75, items: ['a', 'b'], nested: { k: 'v' } },
  context: { count: 4, name: 'Ana', flags: [], limit: '10', research: 'ctx wins', user: null },
  steps: { classify: 'urgent', fetch: { code: 200, output: 'inner' } },
};

function value(text: string, values: Scope = scope): unknown {
  const result = evaluate(text, values);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('literals and names', () => {
  it('evaluates Python literals, with lowercase true/false accepted', () => {
    expect(value("'a'")).toBe('a');
    expect(value('"b" \'c\'')).toBe('bc');
    expect(value('42')).toBe(42);
    expect(value('2.5')).toBe(2.5);
    expect(value('-3')).toBe(-3);
    expect(value('True')).toBe(true);
    expect(value('true')).toBe(true);
    expect(value('False')).toBe(false);
    expect(value('false')).toBe(false);
    expect(value('None')).toBe(null);
    expect(value("[1, 'x', None]")).toEqual([1, 'x', null]);
    expect(value('(1, 2)')).toEqual([1, 2]);
    expect(value("'tab\\tnew\\nline'")).toBe('tab\tnew\nline');
  });

  it('resolves output as an alias of previous_step', () => {
    expect(value("output.nested.k == 'v'")).toBe(true);
    expect(value('output', { previous_step: 1, output: 2 })).toBe(2);
  });

  it('resolves resume_input to None when absent', () => {
    expect(value('resume_input')).toBe(null);
    expect(value("resume_input == 'yes'", { resume_input: 'yes' })).toBe(true);
  });

  it('accepts extra names from the scope', () => {
    expect(value('iteration >= 3', { iteration: 3 })).toBe(true);
  });

  it('reports an unknown name with its position', () => {
    const result = evaluate('context.count and missing', scope);
    expect(result).toMatchObject({ ok: false, error: { code: 'EXPR-NAME', start: 18, end: 25 } });
    if (!result.ok) expect(result.error.message).toContain('Unknown name: missing');
  });

  it('hints None for null', () => {
    const result = evaluate('context.user == null', scope);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('`None`');
  });
});

describe('lookups', () => {
  it("reads dict keys with . and ['key'], None when missing", () => {
    expect(value('previous_step.nested.k')).toBe('v');
    expect(value("previous_step['nested']['k']")).toBe('v');
    expect(value('previous_step.nope.deeper')).toBe(null);
    expect(value('context.constructor')).toBe(null);
  });

  it('indexes lists by integer, negative from the end', () => {
    expect(value('previous_step.items[0]')).toBe('a');
    expect(value('previous_step.items[-1]')).toBe('b');
    expect(value('previous_step.items[5]')).toBe(null);
  });

  it('reads step outputs as steps.x, steps["x"] and their .output/.result/.value', () => {
    expect(value("steps.classify == 'urgent'")).toBe(true);
    expect(value("steps['classify'].output")).toBe('urgent');
    expect(value('steps.fetch.result.code')).toBe(200);
    expect(value('steps.fetch.code')).toBe(200);
    expect(value('steps.fetch.output')).toEqual({ code: 200, output: 'inner' });
  });

  it('falls back from an unknown context key to a step output', () => {
    expect(value("context.classify == 'urgent'")).toBe(true);
    expect(value("context.classify.output == 'urgent'")).toBe(true);
    expect(value("context.research == 'ctx wins'")).toBe(true);
    expect(value("context.get('classify')")).toBe('urgent');
  });
});

describe('boolean logic and truthiness', () => {
  it('coerces and/or/not results to bool', () => {
    expect(value("'a' and 'b'")).toBe(true);
    expect(value("'' or 0")).toBe(false);
    expect(value('not context.flags')).toBe(true);
    expect(value('not not previous_step.items')).toBe(true);
  });

  it('short-circuits (no error from the right side when not needed)', () => {
    expect(value('False and undefined_name')).toBe(false);
    expect(value('True or undefined_name')).toBe(true);
  });

  it('follows precedence: not > and > or', () => {
    expect(value('True or False and False')).toBe(true);
    expect(value('not False and False')).toBe(false);
    expect(value('(True or False) and False')).toBe(false);
  });
});

describe('comparisons', () => {
  it('coerces numeric-looking strings before comparing', () => {
    expect(value('previous_step.count > 3')).toBe(true);
    expect(value('previous_step.count == 12')).toBe(true);
    expect(value("context.limit > '9'")).toBe(true);
    expect(value("'1.0' == 1")).toBe(true);
  });

  it('chains comparisons', () => {
    expect(value('1 < context.count < 5')).toBe(true);
    expect(value('1 < context.count < 3')).toBe(false);
    expect(value('0 <= previous_step.score <= 1')).toBe(true);
  });

  it('returns False when ordering mismatched types', () => {
    expect(value("'abc' < 3")).toBe(false);
    expect(value("'abc' >= 3")).toBe(false);
    expect(value('None < 1')).toBe(false);
    expect(value('context.user > 0')).toBe(false);
  });

  it('compares lists and dicts by content', () => {
    expect(value('previous_step.items == ["a", "b"]')).toBe(true);
    expect(value('previous_step.nested == previous_step.nested and [1, 2] < [1, 3]')).toBe(true);
  });

  it('supports in / not in for strings, lists and dict keys; None is never a container', () => {
    expect(value("'a' in previous_step.items")).toBe(true);
    expect(value("'z' not in previous_step.items")).toBe(true);
    expect(value("'OK' in previous_step.status")).toBe(true);
    expect(value("'k' in previous_step.nested")).toBe(true);
    expect(value("'x' in context.user")).toBe(false);
    expect(value("'x' not in context.user")).toBe(true);
    expect(value("context.name in ('Ana', 'Bo')")).toBe(true);
  });

  it('compares None with ==', () => {
    expect(value('context.user == None')).toBe(true);
    expect(value('context.missing != None')).toBe(false);
  });
});

describe('method calls', () => {
  it('dict.get with and without default', () => {
    expect(value("previous_step.get('status')")).toBe('OK ');
    expect(value("previous_step.get('nope', 'dflt')")).toBe('dflt');
    expect(value("previous_step.get('nope')")).toBe(null);
  });

  it('string methods', () => {
    expect(value("previous_step.status.strip().lower() == 'ok'")).toBe(true);
    expect(value('context.name.upper()')).toBe('ANA');
    expect(value("context.name.startswith('A') and context.name.endswith('na')")).toBe(true);
  });

  it('a call on None gives None', () => {
    expect(value('context.user.lower()')).toBe(null);
    expect(value("context.missing.get('x')")).toBe(null);
  });

  it('a method on the wrong type is a positioned EXPR-TYPE error', () => {
    const result = evaluate("context.count.lower() == 'x'", scope);
    expect(result).toMatchObject({ ok: false, error: { code: 'EXPR-TYPE', start: 0, end: 21 } });
    if (!result.ok) expect(result.error.message).toContain('got int');
    expect(evaluate("context.name.get('x')", scope)).toMatchObject({
      ok: false,
      error: { code: 'EXPR-TYPE' },
    });
  });
});

describe('API', () => {
  it('compiles once and evaluates many times', () => {
    const compiled = compileExpression('context.n > 1');
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(evaluateExpression(compiled.expression, { context: { n: 2 } })).toEqual({
      ok: true,
      value: true,
    });
    expect(evaluateExpression(compiled.expression, { context: { n: 0 } })).toEqual({
      ok: true,
      value: false,
    });
  });

  it('returns compile errors from evaluate instead of throwing', () => {
    expect(evaluate('a +', {})).toMatchObject({ ok: false, error: { code: 'EXPR-UNSUPPORTED' } });
  });

  it('turns a hostile value into an error result', () => {
    const hostile = {
      get boom(): string {
        throw new Error('getter failed');
      },
    };
    expect(evaluate('context.boom', { context: hostile })).toMatchObject({
      ok: false,
      error: { code: 'EXPR-RUNTIME' },
    });
  });

  it('returns constant lists that callers cannot corrupt', () => {
    const compiled = compileExpression('[1, 2]');
    if (!compiled.ok) throw new Error('compile failed');
    const first = evaluateExpression(compiled.expression, {});
    expect(first.ok && Object.isFrozen(first.value)).toBe(true);
  });
});
