import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Diagnostic } from '../model';
import { corpusDir, readText, yamlFilesIn } from './__fixtures__/testSupport';
import { parsePipelineYaml } from './parsePipelineYaml';
import { printPipelineYaml } from './printPipelineYaml';

const texts = yamlFilesIn(corpusDir).map((file) => readText(corpusDir, file));
const chars = [
  ' ',
  '\n',
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  '\t',
  'a',
  '0',
  '\r',
  ',',
];

type Mutation =
  | { readonly type: 'insert'; readonly at: number; readonly char: string }
  | { readonly type: 'replace'; readonly at: number; readonly char: string }
  | { readonly type: 'delete'; readonly at: number }
  | { readonly type: 'deleteLine'; readonly line: number }
  | { readonly type: 'duplicateLine'; readonly line: number }
  | { readonly type: 'indent'; readonly line: number; readonly delta: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    type: fc.constantFrom('insert' as const, 'replace' as const),
    at: fc.nat(),
    char: fc.constantFrom(...chars),
  }),
  fc.record({ type: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    type: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const),
    line: fc.nat(),
  }),
  fc.record({
    type: fc.constant('indent' as const),
    line: fc.nat(),
    delta: fc.integer({ min: -4, max: 4 }),
  }),
);

function mutate(text: string, m: Mutation): string {
  const at = 'at' in m ? (text.length === 0 ? 0 : m.at % text.length) : 0;
  const lines = text.split('\n');
  const index = 'line' in m ? m.line % lines.length : 0;
  const line = lines[index] ?? '';
  switch (m.type) {
    case 'insert':
      return text.slice(0, at) + m.char + text.slice(at);
    case 'replace':
      return text.slice(0, at) + m.char + text.slice(at + 1);
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1);
    case 'deleteLine':
      lines.splice(index, 1);
      break;
    case 'duplicateLine':
      lines.splice(index, 0, line);
      break;
    case 'indent':
      lines[index] =
        m.delta >= 0
          ? ' '.repeat(m.delta) + line
          : line.replace(new RegExp(`^ {0,${-m.delta}}`), '');
      break;
  }
  return lines.join('\n');
}

function positionsInside(text: string, diagnostic: Diagnostic): boolean {
  const lineCount = text.split('\n').length;
  const { range } = diagnostic;
  if (!range) return true;
  return (
    [range.start, range.end].every(
      (p) =>
        p.line >= 1 &&
        p.line <= lineCount &&
        p.column >= 1 &&
        p.offset >= 0 &&
        p.offset <= text.length,
    ) && range.start.offset <= range.end.offset
  );
}

describe('the loader on damaged files (property)', () => {
  it('never throws and places every finding inside the text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (original, mutations) => {
          const text = mutations.reduce(mutate, original);
          const result = parsePipelineYaml(text);
          for (const diagnostic of result.diagnostics) {
            expect(positionsInside(text, diagnostic), JSON.stringify(diagnostic)).toBe(true);
          }
          if (result.pipeline)
            expect(printPipelineYaml(result.document, result.pipeline)).toBe(text);
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('prints a renamed first step into a damaged-but-loadable file and reads it back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (original, mutations) => {
          const text = mutations.reduce(mutate, original);
          const { pipeline, document } = parsePipelineYaml(text);
          const [first, ...rest] = pipeline?.steps ?? [];
          if (!pipeline || !first || document.hasErrors) return;
          const printed = printPipelineYaml(document, {
            ...pipeline,
            steps: [{ ...first, name: 'renamed_by_fuzz' }, ...rest],
          });
          const again = parsePipelineYaml(printed);
          expect(again.pipeline?.steps[0]?.name).toBe('renamed_by_fuzz');
          expect(again.pipeline?.steps.length).toBe(pipeline.steps.length);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
