import { describe, expect, it } from 'vitest';
import { render } from './template';

function text(template: string, scope: Record<string, unknown> = {}): string {
  const result = render(template, scope);
  if (!result.ok) throw new Error(result.error.message);
  return result.text;
}

const context = {
  name: 'Ana María',
  tags: ['a', 'b', 3, null, true],
  user: { id: 7, admin: false },
  empty: '',
  none: null,
  list: [] as unknown[],
};

describe('template filters', () => {
  it('upper and lower', () => {
    expect(text('{{ context.name | upper }}', { context })).toBe('ANA MARÍA');
    expect(text('{{ context.name | lower }}', { context })).toBe('ana maría');
  });

  it('length of strings, lists and dicts', () => {
    expect(text('{{ context.name | length }}', { context })).toBe('9');
    expect(text('{{ context.tags | length }}', { context })).toBe('5');
    expect(text('{{ context.user | length }}', { context })).toBe('2');
  });

  it('tojson writes Python-style JSON', () => {
    expect(text('{{ context.user | tojson }}', { context })).toBe('{"id": 7, "admin": false}');
    expect(text('{{ context.name | tojson }}', { context })).toBe('"Ana María"');
  });

  it('join uses the delimiter and str() of each item', () => {
    expect(text("{{ context.tags | join(', ') }}", { context })).toBe('a, b, 3, None, True');
    expect(text('{{ context.tags | join("|") }}', { context })).toBe('a|b|3|None|True');
    expect(text("{{ context.name | join('-') }}", { context })).toBe('Ana María');
  });

  it('default replaces None, "" and [] but keeps other falsy values', () => {
    expect(text("{{ context.none | default('n/a') }}", { context })).toBe('n/a');
    expect(text("{{ context.empty | default('n/a') }}", { context })).toBe('n/a');
    expect(text("{{ context.list | default('n/a') }}", { context })).toBe('n/a');
    expect(text("{{ context.user.admin | default('n/a') }}", { context })).toBe('False');
    expect(text('{{ context.missing | default(0) }}', { context })).toBe('0');
  });

  it('filters on a missing value follow Flujo', () => {
    expect(text('{{ context.nope | upper }}', { context })).toBe('NONE');
    expect(text('{{ context.nope | lower }}', { context })).toBe('none');
    expect(text("{{ context.nope | join(', ') }}", { context })).toBe('None');
    expect(text('{{ context.nope | tojson }}', { context })).toBe('null');
    expect(text('{{ context.nope | length }}', { context })).toBe('0');
  });

  it('chains filters left to right', () => {
    expect(text("{{ context.nope | default('x') | upper | length }}", { context })).toBe('1');
  });

  it('does not split on | inside quotes or parentheses', () => {
    expect(text("{{ context.tags | join(' | ') }}", { context })).toBe('a | b | 3 | None | True');
  });
});
