import { describe, expect, it } from 'vitest';
import { runBuiltin } from './__fixtures__/fakeSkillContext';

const render = (template: unknown, variables?: unknown) =>
  runBuiltin('render_jinja_template', { template, variables });

describe('render_jinja_template', () => {
  it('substitutes names and dotted paths like Python str()', async () => {
    expect(
      await render('Hi {{ user.name }}, {{n}} items: {{ items }} {{ items.1 }} {{ none }}', {
        user: { name: 'Ada' },
        n: 2,
        items: ['a', true],
        none: null,
      }),
    ).toBe("Hi Ada, 2 items: ['a', True] True None");
  });

  it('prints an undefined name as nothing', async () => {
    expect(await render('[{{ missing }}] [{{ user.missing }}]', { user: {} })).toBe('[] []');
  });

  it('returns the template unchanged on anything outside the subset', async () => {
    for (const template of [
      '{% if x %}y{% endif %}',
      '{{ x | upper }}',
      '{{ x + 1 }}',
      '{{ unclosed',
      '{{ missing.attr }}',
    ]) {
      expect(await render(template, { x: 'v' })).toBe(template);
    }
    expect(await render('{{ x }}', 'not a dict')).toBe('{{ x }}');
  });

  it('drops one trailing newline and normalizes line endings, as Jinja does', async () => {
    expect(await render('a\r\nb\n\n', {})).toBe('a\nb\n');
  });

  it('works without variables', async () => {
    expect(await runBuiltin('render_jinja_template', 'plain {{ x }}')).toBe('plain ');
  });
});
