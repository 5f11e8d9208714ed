import { describe, expect, it } from 'vitest';
import { contextPaths, stepReferences } from './analysis';
import { analyzeExpression } from './expressionAnalysis';

describe('analyzeExpression', () => {
  it('lists each lookup chain once, with its position', () => {
    const analysis = analyzeExpression("context.user.name == 'x' and previous_step");
    expect(analysis.references).toEqual([
      { root: 'context', path: ['user', 'name'], start: 0, end: 17 },
      { root: 'previous_step', path: [], start: 29, end: 42 },
    ]);
    expect(analysis.errors).toEqual([]);
  });

  it("treats ['key'] and .get('key') as path segments; an index ends the path", () => {
    const analysis = analyzeExpression(
      "context['a'].get('b') and context.items[0].name and output.get(context.key)",
    );
    expect(analysis.references.map((r) => [r.root, r.path.join('.')])).toEqual([
      ['context', 'a.b'],
      ['context', 'items'],
      ['output', ''],
      ['context', 'key'],
    ]);
  });

  it('derives context paths and step names', () => {
    const analysis = analyzeExpression(
      "steps['classify'] == 'x' or steps.fetch.output.code == 200 or context.done",
    );
    expect(stepReferences(analysis)).toEqual(['classify', 'fetch']);
    expect(contextPaths(analysis)).toEqual(['done']);
  });

  it('does not treat literals as references', () => {
    expect(analyzeExpression("True and None == 'x'").references).toEqual([]);
  });

  it('returns the compile error', () => {
    const analysis = analyzeExpression('{{ x }}');
    expect(analysis.errors.map((error) => error.code)).toEqual(['EXPR-WRAPPED']);
    expect(analysis.references).toEqual([]);
  });

  it('checks names against knownNames when given', () => {
    const analysis = analyzeExpression('iteration > 2 and attempt < 3', {
      knownNames: ['iteration'],
    });
    expect(analysis.errors).toHaveLength(1);
    expect(analysis.errors[0]).toMatchObject({ code: 'EXPR-NAME', start: 18, end: 25 });
    expect(analyzeExpression('attempt < 3').errors).toEqual([]);
  });
});
