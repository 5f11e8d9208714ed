import { describe, expect, it } from 'vitest';
import { contextPaths, stepReferences } from './analysis';
import { analyzeTemplate } from './templateAnalysis';

describe('analyzeTemplate', () => {
  it('lists references with their roots, paths and positions', () => {
    const analysis = analyzeTemplate('Hi {{ context.user.name }} ({{ previous_step }})');
    expect(analysis.references).toEqual([
      { root: 'context', path: ['user', 'name'], start: 6, end: 23 },
      { root: 'previous_step', path: [], start: 31, end: 44 },
    ]);
    expect(analysis.errors).toEqual([]);
  });

  it('includes every or-alternative, block paths and this inside #each', () => {
    const analysis = analyzeTemplate(
      "{{ context.a or steps.s.output or 'x' }}{{#if resume_input}}{{#each context.items}}{{ this.name }}{{/each}}{{/if}}",
    );
    expect(analysis.references.map((r) => [r.root, r.path.join('.')])).toEqual([
      ['context', 'a'],
      ['steps', 's.output'],
      ['resume_input', ''],
      ['context', 'items'],
      ['this', 'name'],
    ]);
    expect(analysis.warnings).toEqual([]);
  });

  it('lists filters with positions', () => {
    const analysis = analyzeTemplate("{{ x | upper | join(', ') }}");
    expect(analysis.filters).toEqual([
      { name: 'upper', start: 7, end: 12 },
      { name: 'join', start: 15, end: 19 },
    ]);
  });

  it('warns about this outside #each', () => {
    const analysis = analyzeTemplate('Item: {{ this.id }}');
    expect(analysis.warnings).toHaveLength(1);
    expect(analysis.warnings[0]).toMatchObject({ code: 'TEMPLATE-THIS', start: 9, end: 16 });
  });

  it('keeps references from valid parts when other parts have errors', () => {
    const analysis = analyzeTemplate('{{ context.ok }} {{ context.bad | nope }} {% x %}');
    expect(contextPaths(analysis)).toEqual(['ok', 'bad']);
    expect(analysis.errors.map((error) => error.code)).toEqual([
      'TEMPLATE-FILTER',
      'TEMPLATE-JINJA',
    ]);
  });

  it('derives context paths and step names without duplicates', () => {
    const analysis = analyzeTemplate(
      '{{ context.user.name }} {{ context.user.name }} {{ context }} {{ steps.a.output }} {{ steps.b }} {{ steps.a }}',
    );
    expect(contextPaths(analysis)).toEqual(['user.name']);
    expect(stepReferences(analysis)).toEqual(['a', 'b']);
  });
});
