import { describe, expect, it } from 'vitest';
import type { ExprError } from './exprError';
import { compileExpression } from './expression';

function compileError(text: string): ExprError {
  const result = compileExpression(text);
  if (result.ok) throw new Error(`expected an error for ${text}`);
  return result.error;
}

describe('expression compile errors (positioned, as data)', () => {
  it('explains that expressions are not wrapped in {{ }}', () => {
    const error = compileError('{{ previous_step.ok }}');
    expect(error.code).toBe('EXPR-WRAPPED');
    expect(error.message).toBe(
      'Do not wrap expressions in {{ }}; write `previous_step.ok` instead of `{{ previous_step.ok }}`.',
    );
    expect(error).toMatchObject({ start: 0, end: 22 });
    expect(compileError("{{ a }} == 'x'").code).toBe('EXPR-WRAPPED');
  });

  it('rejects an empty expression', () => {
    expect(compileError('   ').code).toBe('EXPR-SYNTAX');
  });

  it('rejects arithmetic with the operator position', () => {
    const error = compileError('context.count + 1 > 3');
    expect(error).toMatchObject({ code: 'EXPR-UNSUPPORTED', start: 14, end: 15 });
    expect(error.message).toMatch(/^Unsupported expression element: `\+`/);
  });

  it('rejects function calls and non-allow-listed methods', () => {
    expect(compileError('len(previous_step)')).toMatchObject({
      code: 'EXPR-UNSUPPORTED',
      start: 0,
      end: 4,
    });
    expect(compileError("context.name.replace('a', 'b')").message).toContain('.replace()');
    expect(compileError("previous_step.get(key='a')").message).toContain('keyword argument');
  });

  it('checks method arity and literal argument types', () => {
    expect(compileError('previous_step.get()').message).toContain('takes 1 or 2 arguments');
    expect(compileError("context.name.lower('x')").message).toContain('takes 0 arguments');
    expect(compileError('previous_step.get(1)').code).toBe('EXPR-TYPE');
  });

  it('allows only string keys and integer indexes in subscripts', () => {
    expect(compileError('previous_step[context.key]').code).toBe('EXPR-UNSUPPORTED');
    expect(compileError('previous_step[1:2]').code).toBe('EXPR-UNSUPPORTED');
  });

  it('suggests Python spellings for JavaScript operators', () => {
    expect(compileError('a && b').message).toContain('write `and`');
    expect(compileError('a || b').message).toContain('write `or`');
    expect(compileError('!a').message).toContain('write `not`');
    expect(compileError('a = 1').message).toContain('`==`');
    expect(compileError('a is None').message).toContain('`==`');
  });

  it('rejects other Python constructs', () => {
    expect(compileError('a if b else c').code).toBe('EXPR-UNSUPPORTED');
    expect(compileError('lambda: 1').code).toBe('EXPR-UNSUPPORTED');
    expect(compileError('[x for x in y]').message).toContain('comprehension');
    expect(compileError("{'a': 1}").message).toContain('dict or set literal');
    expect(compileError("f'{a}'").code).toBe('EXPR-UNSUPPORTED');
  });

  it('reports syntax errors with positions', () => {
    expect(compileError("previous_step == 'ok")).toMatchObject({ code: 'EXPR-SYNTAX', start: 17 });
    expect(compileError('(a == b')).toMatchObject({ code: 'EXPR-SYNTAX', start: 7 });
    expect(compileError('a b')).toMatchObject({ code: 'EXPR-SYNTAX', start: 2, end: 3 });
    expect(compileError('a and')).toMatchObject({ code: 'EXPR-SYNTAX', start: 5 });
    expect(compileError('a $ b')).toMatchObject({ code: 'EXPR-SYNTAX', start: 2, end: 3 });
  });

  it('limits nesting instead of overflowing the stack', () => {
    expect(compileError('('.repeat(500) + '1' + ')'.repeat(500)).message).toContain('nests');
    expect(compileError('not '.repeat(500) + 'a').code).toBe('EXPR-SYNTAX');
  });

  it('accepts multi-line expressions', () => {
    expect(compileExpression("context.a == 1\n  and context.b == 'x'").ok).toBe(true);
  });
});

describe('wrapped expressions inside larger text', () => {
  it('points at the first {{ … }} when several are used', () => {
    const result = compileExpression('{{ a }} or {{ b }}');
    expect(result).toMatchObject({ ok: false, error: { code: 'EXPR-WRAPPED', start: 0, end: 7 } });
    if (!result.ok) expect(result.error.message).toContain('write `a` instead of `{{ a }}`');
  });
});
