import { describe, expect, it } from 'vitest';
import type { ExprError } from './exprError';
import { compileTemplate } from './template';

function firstError(template: string): ExprError {
  const result = compileTemplate(template);
  if (result.ok) throw new Error(`expected an error for ${template}`);
  return result.error;
}

function allErrors(template: string): readonly ExprError[] {
  const result = compileTemplate(template);
  return result.ok ? [] : result.errors;
}

describe('template errors (positioned, as data)', () => {
  it('reports an unknown filter at its name', () => {
    const error = firstError('Hi {{ context.name | shout }}');
    expect(error).toMatchObject({ code: 'TEMPLATE-FILTER', start: 21, end: 26 });
    expect(error.message).toContain('Unknown filter `shout`');
    expect(error.message).toContain('upper');
  });

  it('reports filter arity mistakes', () => {
    expect(firstError('{{ x | join }}').message).toContain("join(', ')");
    expect(firstError("{{ x | upper('a') }}").message).toContain('takes no argument');
    expect(firstError('{{ x | default(context.y) }}').code).toBe('TEMPLATE-FILTER');
  });

  it('reports Jinja tags', () => {
    const error = firstError('a {% if x %}b{% endif %}');
    expect(error).toMatchObject({ code: 'TEMPLATE-JINJA', start: 2, end: 12 });
    expect(allErrors('a {% if x %}b{% endif %}')).toHaveLength(2);
    expect(firstError('stray %} here').code).toBe('TEMPLATE-JINJA');
  });

  it('reports an unclosed {{', () => {
    expect(firstError('Hello {{ name')).toMatchObject({
      code: 'TEMPLATE-SYNTAX',
      start: 6,
      end: 8,
    });
  });

  it('reports an empty placeholder', () => {
    expect(firstError('a {{ }} b').code).toBe('TEMPLATE-SYNTAX');
  });

  it('reports unclosed and mismatched blocks', () => {
    expect(firstError('{{#if context.a}}x')).toMatchObject({
      code: 'TEMPLATE-BLOCK',
      start: 0,
      end: 17,
    });
    expect(firstError('x{{/if}}')).toMatchObject({ code: 'TEMPLATE-BLOCK', start: 1, end: 8 });
    const mismatched = firstError('{{#each context.a}}{{#if this}}x{{/each}}');
    expect(mismatched.code).toBe('TEMPLATE-BLOCK');
    expect(mismatched.message).toContain('{{/if}}');
    expect(mismatched.start).toBe(19);
  });

  it('explains that blocks take one dotted path and there is no else', () => {
    expect(firstError('{{#if not context.a}}x{{/if}}').message).toContain('one dotted path');
    expect(firstError('{{#if}}x{{/if}}').message).toContain('needs a path');
    expect(firstError('{{#if a}}x{{else}}y{{/if}}').message).toContain('no `{{else}}`');
    expect(firstError('{{#unless a}}x{{/unless}}').message).toContain('Unknown block');
  });

  it('explains indexing, calls, arithmetic and comparisons are not template syntax', () => {
    expect(firstError('{{ context.items[0] }}')).toMatchObject({ start: 16, end: 17 });
    expect(firstError('{{ context.items[0] }}').message).toContain('indexing');
    expect(firstError('{{ len(context.items) }}').message).toContain('filter');
    expect(firstError('{{ context.a + 1 }}').message).toContain('arithmetic');
    expect(firstError('{{ context.a == 1 }}').message).toContain('comparisons');
    expect(firstError('{{ 5 }}').message).toContain("'5'");
  });

  it('explains || and dangling or', () => {
    expect(firstError("{{ a || 'b' }}").message).toContain('` or `');
    expect(firstError('{{ a or }}').message).toContain('both sides');
  });

  it('reports unterminated literals', () => {
    expect(firstError("{{ a or 'b }}").message).toContain('Unterminated');
  });

  it('collects every error, in source order', () => {
    const errors = allErrors('{{ a | x }} {{ b | y }} {{#if c}}');
    expect(errors.map((error) => error.code)).toEqual([
      'TEMPLATE-FILTER',
      'TEMPLATE-FILTER',
      'TEMPLATE-BLOCK',
    ]);
  });
});
