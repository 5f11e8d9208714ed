import { describe, expect, it } from 'vitest';

import type { StepNode } from '../model';
import { corpusDir, readText, yamlFilesIn } from './__fixtures__/testSupport';
import { modelToYamlData } from './modelToYamlData';
import { parsePipelineYaml } from './parsePipelineYaml';
import { printPipelineYaml } from './printPipelineYaml';
import { reconcileDocument } from './reconcileDocument';

/** Corpus files that are not pipelines (a skills catalog, a context file). */
const NOT_PIPELINES = new Set([
  'flujo/examples/skills_catalog/skills.yaml',
  'flujo/examples/test_context.yaml',
]);

const files = yamlFilesIn(corpusDir);

function everyStep(steps: readonly StepNode[], visit: (step: StepNode) => void): void {
  for (const step of steps) {
    visit(step);
    const children: (readonly StepNode[])[] = [];
    if (step.kind === 'loop') children.push(step.loop.body.steps);
    if (step.kind === 'map') children.push(step.map.body.steps);
    if (step.kind === 'parallel' || step.kind === 'conditional') {
      children.push(...step.branches.map((b) => b.pipeline.steps));
    }
    if (step.kind === 'conditional' && step.default_branch)
      children.push(step.default_branch.steps);
    if (step.kind === 'dynamic_router')
      children.push(...step.router.branches.map((b) => b.pipeline.steps));
    if (step.kind === 'StateMachine') children.push(...step.states.map((b) => b.pipeline.steps));
    if (step.kind === 'cache' && step.wrapped_step) children.push([step.wrapped_step]);
    if (step.kind !== 'custom' && step.fallback) children.push([step.fallback]);
    for (const child of children) everyStep(child, visit);
  }
}

describe('the corpus of real Flujo files', () => {
  it('is there (../shared/corpus)', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(files)('%s', (file) => {
    const text = readText(corpusDir, file);
    const result = parsePipelineYaml(text, { file });

    it('parses without YAML-PARSE findings', () => {
      expect(result.diagnostics.filter((d) => d.code === 'YAML-PARSE')).toEqual([]);
    });

    if (NOT_PIPELINES.has(file)) {
      it('is reported as a file without `steps`', () => {
        expect(result.diagnostics.map((d) => [d.code, d.severity, d.range?.start.line])).toEqual([
          ['YAML-SCHEMA', 'error', 1],
        ]);
        expect(result.diagnostics[0]?.message).toContain('`steps:`');
        expect(result.pipeline?.steps).toEqual([]);
      });
    } else {
      it('loads as a pipeline with no findings', () => {
        expect(result.diagnostics).toEqual([]);
        expect(result.pipeline?.steps.length).toBeGreaterThan(0);
      });
    }

    it('prints back byte-identically', () => {
      expect(result.pipeline).toBeDefined();
      if (result.pipeline) expect(printPipelineYaml(result.document, result.pipeline)).toBe(text);
    });

    it('writes the parsed model back into the document without changing a node', () => {
      // Bypasses the printer's "unchanged model" shortcuts: reader and writer must be inverses.
      if (!result.pipeline) return;
      const data = modelToYamlData({ synthesized: result.document.synthesized }, result.pipeline);
      const contents = reconcileDocument(result.document.yaml, data, result.document.skipped);
      expect(contents).toBe(result.document.yaml.contents);
    });

    it('gives every step the source range of its name', () => {
      everyStep(result.pipeline?.steps ?? [], (step) => {
        const range = step.source?.fields[step.nameKey];
        expect(range).toBeDefined();
        if (!range) return;
        expect(text.slice(range.start.offset, range.end.offset).replace(/^["']|["']$/g, '')).toBe(
          step.name,
        );
        const lineText = text.split('\n')[range.start.line - 1] ?? '';
        expect(lineText.slice(range.start.column - 1)).toMatch(new RegExp(`^["']?${step.name}`));
      });
    });
  });
});
