import { describe, expect, it } from 'vitest';
import type { Scope } from './scope';
import { compileTemplate, isTemplated, render, renderTemplate } from './template';

function text(template: string, scope: Scope = {}): string {
  const result = render(template, scope);
  if (!result.ok) throw new Error(result.error.message);
  return result.text;
}

const scope: Scope = {
  previous_step: { answer: 'yes', score: 0.5, ok: true },
  context: { user: { name: 'Ana', tags: ['x', 'y'] }, count: 0, label: '', research: 'ctx wins' },
  steps: {
    research: { summary: 'found it' },
    draft: 'Draft text',
    review: null,
  },
  resume_input: 'approved',
};

describe('placeholders', () => {
  it('renders dotted paths from each variable', () => {
    expect(
      text('{{ previous_step.answer }}/{{ context.user.name }}/{{ resume_input }}', scope),
    ).toBe('yes/Ana/approved');
  });

  it('tolerates missing whitespace and missing paths', () => {
    expect(text('[{{context.user.name}}][{{ context.nope.deeper }}][{{ unknown }}]', scope)).toBe(
      '[Ana][][]',
    );
  });

  it('prints values the Python way: True/False, None as empty, dicts and lists as JSON', () => {
    expect(
      text('{{ previous_step.ok }} {{ context.count }} {{ previous_step.score }}', scope),
    ).toBe('True 0 0.5');
    expect(text('{{ context.user }}', scope)).toBe('{"name": "Ana", "tags": ["x", "y"]}');
    expect(text('[{{ steps.review }}]', scope)).toBe('[]');
  });

  it('reads step outputs as steps.x, steps.x.output, .result and .value', () => {
    expect(text('{{ steps.draft }}|{{ steps.draft.output }}|{{ steps.draft.result }}', scope)).toBe(
      'Draft text|Draft text|Draft text',
    );
    expect(text('{{ steps.research.value.summary }}', scope)).toBe('found it');
    expect(text('{{ steps.research }}', scope)).toBe('{"summary": "found it"}');
    expect(text('[{{ steps.nope.output }}]', scope)).toBe('[]');
  });

  it('falls back from an unknown context key to the step output of that name', () => {
    expect(text('{{ context.draft }} / {{ context.draft.output }}', scope)).toBe(
      'Draft text / Draft text',
    );
    expect(text('{{ context.research }}', scope)).toBe('ctx wins');
  });

  it('does not read inherited properties or list attributes', () => {
    expect(text('[{{ context.constructor }}][{{ context.user.tags.length }}]', scope)).toBe('[][]');
  });
});

describe('or fallbacks', () => {
  it('takes the first path that is not None or ""', () => {
    expect(text("{{ context.label or context.user.name or 'x' }}", scope)).toBe('Ana');
    expect(text("{{ context.nope or 'fallback' }}", scope)).toBe('fallback');
    expect(text('{{ context.nope or "double" }}', scope)).toBe('double');
  });

  it('keeps falsy values other than None and ""', () => {
    expect(text("{{ context.count or 'none' }}", scope)).toBe('0');
  });

  it('skips empty literals', () => {
    expect(text("{{ '' or context.user.name }}", scope)).toBe('Ana');
  });

  it('does not split on or inside quotes', () => {
    expect(text("{{ context.nope or 'this or that' }}", scope)).toBe('this or that');
  });

  it('applies filters to the chosen alternative', () => {
    expect(text("{{ context.nope or 'abc' | upper }}", scope)).toBe('ABC');
  });
});

describe('blocks', () => {
  it('#if renders its body when the path is truthy', () => {
    expect(text('{{#if previous_step.ok}}yes{{/if}}{{#if context.count}}no{{/if}}', scope)).toBe(
      'yes',
    );
  });

  it('#each binds this to each item, including this.field', () => {
    const items = { context: { people: [{ n: 'a' }, { n: 'b' }], words: ['x', 'y'] } };
    expect(text('{{#each context.people}}<{{ this.n }}>{{/each}}', items)).toBe('<a><b>');
    expect(text('{{#each context.words}}{{ this }};{{/each}}', items)).toBe('x;y;');
  });

  it('#each renders nothing for a missing path or a non-list', () => {
    expect(text('[{{#each context.nope}}x{{/each}}{{#each context.user}}y{{/each}}]', scope)).toBe(
      '[]',
    );
  });

  it('nests #if inside #each and #each inside #each', () => {
    const data = {
      context: {
        groups: [
          { name: 'g1', items: [1, 2], show: true },
          { name: 'g2', items: [], show: false },
        ],
      },
    };
    const template =
      '{{#each context.groups}}{{ this.name }}:{{#each this.items}}{{ this }},{{/each}}{{#if this.show}}!{{/if}} {{/each}}';
    expect(text(template, data)).toBe('g1:1,2,! g2: ');
  });

  it('nests #if blocks properly (not the first {{/if}})', () => {
    const data = { context: { a: true, b: false } };
    expect(text('{{#if context.a}}A{{#if context.b}}B{{/if}}C{{/if}}D', data)).toBe('ACD');
  });

  it('leaves this empty outside #each', () => {
    expect(text('[{{ this }}]', scope)).toBe('[]');
  });
});

describe('escapes and literal text', () => {
  it('turns \\{{ into a literal {{', () => {
    expect(text('Use \\{{ name }} syntax, {{ context.user.name }}', scope)).toBe(
      'Use {{ name }} syntax, Ana',
    );
  });

  it('keeps stray }} and JSON braces', () => {
    expect(text('{"a": {"b": {{ context.count }}}}', scope)).toBe('{"a": {"b": 0}}');
  });

  it('never re-interprets template syntax inside values', () => {
    const data = { context: { evil: '{{ context.secret }}', secret: 's' } };
    expect(text('{{ context.evil }}', data)).toBe('{{ context.secret }}');
  });
});

describe('API', () => {
  it('compiles once and renders many times', () => {
    const compiled = compileTemplate('n={{ context.n }}');
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(renderTemplate(compiled.template, { context: { n: 1 } })).toEqual({
      ok: true,
      text: 'n=1',
    });
    expect(renderTemplate(compiled.template, { context: { n: 2 } })).toEqual({
      ok: true,
      text: 'n=2',
    });
  });

  it('returns compile errors from render instead of throwing', () => {
    const result = render('{{ x | nope }}', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('TEMPLATE-FILTER');
  });

  it('turns a hostile value into an error result', () => {
    const hostile = {
      get boom(): string {
        throw new Error('getter failed');
      },
    };
    const result = render('{{ context.boom }}', { context: hostile });
    expect(result).toMatchObject({ ok: false, error: { code: 'TEMPLATE-RENDER' } });
  });

  it('isTemplated detects unescaped {{ only', () => {
    expect(isTemplated('Hello {{ name }}')).toBe(true);
    expect(isTemplated('plain text')).toBe(false);
    expect(isTemplated('escaped \\{{ name }}')).toBe(false);
    expect(isTemplated('\\{{ a }} and {{ b }}')).toBe(true);
  });
});
