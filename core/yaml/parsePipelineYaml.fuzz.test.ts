import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Diagnostic } from '../model';
import { mutate, mutation } from './__fixtures__/mutations';
import { corpusDir, readText, yamlFilesIn } from './__fixtures__/testSupport';
import { parsePipelineYaml } from './parsePipelineYaml';
import { printPipelineYaml } from './printPipelineYaml';

const texts = yamlFilesIn(corpusDir).map((file) => readText(corpusDir, file));
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
