import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeExpression } from './expressionAnalysis';
import { compileExpression, evaluate, evaluateExpression } from './expression';
import type { Scope } from './scope';
import { analyzeTemplate } from './templateAnalysis';
import { compileTemplate, isTemplated, render, renderTemplate } from './template';

const scope: Scope = {
  previous_step: { a: [1, 'x', null], b: { c: 'd' } },
  context: { user: { name: 'Ana' }, items: [{ id: 1 }, { id: 2 }], n: 3 },
  steps: { s: { out: true } },
  resume_input: 'yes',
};

const templatePieces = fc.constantFrom(
  '{{',
  '}}',
  '\\{{',
  '{%',
  '%}',
  '#if ',
  '#each ',
  '/if',
  '/each',
  'else',
  ' or ',
  '|',
  'upper',
  'join(',
  ')',
  "'",
  '"',
  'context.',
  'user',
  'items',
  'this',
  '.',
  ' ',
  'x',
  'steps.s.output',
  'default(',
  'tojson',
  '[0]',
  '\n',
  '😀',
);
const expressionPieces = fc.constantFrom(
  'context',
  'previous_step',
  'output',
  'steps',
  '.',
  '[',
  ']',
  '(',
  ')',
  "'",
  '"',
  '==',
  '<',
  ' and ',
  ' or ',
  'not ',
  ' in ',
  ',',
  'get',
  'lower',
  '1',
  '-',
  '2.5',
  'None',
  'True',
  '{{',
  '}}',
  ' ',
  'x',
  '\\',
  'is',
  'if',
  'lambda',
  '+',
);

/** Joins random fragments of the syntax, which reaches deeper into the parsers than random text. */
function fragments(pieces: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));
}

describe('nothing throws, for any input string', () => {
  it('templates: compile, render, analyze, isTemplated', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fragments(templatePieces)),
        (text) => {
          const compiled = compileTemplate(text);
          if (compiled.ok)
            expect(typeof renderTemplate(compiled.template, scope).ok).toBe('boolean');
          else expect(compiled.errors.length).toBeGreaterThan(0);
          expect(typeof render(text, scope).ok).toBe('boolean');
          expect(Array.isArray(analyzeTemplate(text).references)).toBe(true);
          expect(typeof isTemplated(text)).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('expressions: compile, evaluate, analyze', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fragments(expressionPieces)),
        (text) => {
          const compiled = compileExpression(text);
          if (compiled.ok)
            expect(typeof evaluateExpression(compiled.expression, scope).ok).toBe('boolean');
          else expect(compiled.error.start).toBeLessThanOrEqual(compiled.error.end);
          expect(typeof evaluate(text, scope).ok).toBe('boolean');
          expect(Array.isArray(analyzeExpression(text).errors)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('error positions stay inside the text', () => {
    fc.assert(
      fc.property(fragments(fc.oneof(templatePieces, expressionPieces)), (text) => {
        const template = compileTemplate(text);
        const expression = compileExpression(text);
        const errors = [
          ...(template.ok ? [] : template.errors),
          ...(expression.ok ? [] : [expression.error]),
        ];
        for (const error of errors) {
          expect(error.start).toBeGreaterThanOrEqual(0);
          expect(error.end).toBeLessThanOrEqual(text.length);
          expect(error.start).toBeLessThanOrEqual(error.end);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('text without template syntax renders unchanged', () => {
    const plain = fc.string().filter((text) => !/[{}%\\]/.test(text));
    fc.assert(
      fc.property(plain, (text) => {
        expect(render(text, scope)).toEqual({ ok: true, text });
      }),
    );
  });

  it('evaluation over arbitrary JSON data never throws', () => {
    const compiled = compileExpression(
      "previous_step.a[0] == context.n and 'x' in previous_step.get('a', []) or context.user.name.lower() < output",
    );
    if (!compiled.ok) throw new Error(compiled.error.message);
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (previous, context) => {
        const result = evaluateExpression(compiled.expression, {
          previous_step: previous,
          context,
        });
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});
