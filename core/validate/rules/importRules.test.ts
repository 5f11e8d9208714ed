import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { parsePipelineYaml } from '../../yaml';
import { summarize } from '../__fixtures__/ruleFixtureFindings';
import { resolveImportPath } from '../importPath';
import type { ImportLoad, ValidateOptions, ValidationProfile } from '../validationTypes';
import { validatePipeline } from '../validatePipeline';

const fixtures = fileURLToPath(new URL('../__fixtures__/', import.meta.url));

/** The file-system `loadImport` port, as the CLI and host give it. */
function loadFromDisk(importPath: string, fromFile: string | undefined): ImportLoad {
  const file = resolveImportPath(fromFile, importPath);
  try {
    return { ok: true, file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    return { ok: false, file, reason: error instanceof Error ? error.message : String(error) };
  }
}

function validateFixture(rule: string, kind: string, options: ValidateOptions = {}) {
  const file = `${fixtures}${rule}/${kind}.yaml`;
  const text = readFileSync(file, 'utf8');
  const { pipeline } = parsePipelineYaml(text, { file });
  if (!pipeline) throw new Error(`${file} did not load`);
  return validatePipeline(pipeline, { file, text, loadImport: loadFromDisk, ...options });
}

type Expected = readonly [string, string | undefined, number, number];

const CASES: readonly { rule: string; bad: readonly Expected[] }[] = [
  {
    rule: 'V-I1',
    bad: [
      ['error', undefined, 5, 11],
      ['error', 'run_missing', 9, 11],
      ['error', 'run_broken', 12, 11],
    ],
  },
  {
    rule: 'V-I3',
    bad: [['error', 'run_me', 8, 11]],
  },
  { rule: 'V-I4', bad: [['warning', 'run_review', 7, 11]] },
  {
    rule: 'V-I2',
    bad: [
      ['error', 'run_child', 11, 37],
      ['warning', 'run_child', 12, 35],
    ],
  },
  {
    rule: 'V-I5',
    bad: [
      ['warning', 'as_prompt', 8, 11],
      ['warning', 'as_artifacts', 13, 17],
      ['warning', 'prompt_in_mapping', 17, 12],
    ],
  },
  { rule: 'V-I6', bad: [['warning', 'run_chat', 12, 50]] },
];

describe.each(CASES)('$rule fixtures', ({ rule, bad }) => {
  for (const profile of ['studio', 'flujo'] as const satisfies readonly ValidationProfile[]) {
    it(`bad.yaml in ${profile}: code, severity, step and position`, () => {
      const found = validateFixture(rule, 'bad', { profile }).filter(
        (d) => d.code === rule && !d.message.startsWith('[import:'),
      );
      expect(found.map(summarize)).toEqual(
        bad.map(([severity, step, line, column]) => ({ code: rule, severity, step, line, column })),
      );
    });
    it(`good.yaml in ${profile}: none`, () => {
      const found = validateFixture(rule, 'good', { profile }).filter((d) => d.code === rule);
      expect(found).toEqual([]);
    });
  }
});

describe('imported children', () => {
  it('says why a child is missing or does not load, naming the alias and file', () => {
    const messages = validateFixture('V-I1', 'bad')
      .filter((d) => d.code === 'V-I1')
      .map((d) => d.message);
    expect(messages[1]).toMatch(
      /^Import "missing" points to .*V-I1\/nowhere\.yaml, which cannot be used: ENOENT/,
    );
    expect(messages[2]).toMatch(
      /^Import "broken" .*broken\.yaml, which cannot be used: line 4: Flow/,
    );
  });

  it('copies a child’s findings up with the alias prefix, its own file, position and severity', () => {
    const copied = validateFixture('V-I4', 'bad').filter((d) => d.message.startsWith('[import:'));
    expect(copied).toEqual([
      expect.objectContaining({
        code: 'HITL-NESTED-001',
        severity: 'error',
        stepName: 'approve',
        file: `${fixtures}V-I4/nested-hitl.yaml`,
        message: expect.stringMatching(/^\[import:review\] Human-input step "approve"/) as string,
        range: expect.objectContaining({
          start: expect.objectContaining({ line: 12 }) as unknown,
        }) as unknown,
      }),
    ]);
    expect(copied[0]?.fixes).toBeUndefined();
  });

  it('reports a cycle closed two files down in the child, copied up under V-I4', () => {
    const found = validateFixture('V-I3', 'bad');
    const ring = found.filter((d) => d.message.startsWith('[import:ring] '));
    expect(ring.map((d) => [d.code, d.stepName, d.file])).toEqual([
      ['V-I3', 'run_back', `${fixtures}V-I3/ring.yaml`],
    ]);
    expect(ring[0]?.message).toContain('bad.yaml → ');
    expect(found.some((d) => d.code === 'V-I4' && d.stepName === 'run_ring')).toBe(true);
  });

  it('types an import step with its child’s output type', () => {
    const file = `${fixtures}V-I5/good.yaml`;
    const calls: string[] = [];
    const text = readFileSync(file, 'utf8');
    const { pipeline } = parsePipelineYaml(text, { file });
    if (!pipeline) throw new Error('no pipeline');
    validatePipeline(pipeline, {
      file,
      loadImport: (path, from) => {
        calls.push(path);
        return loadFromDisk(path, from);
      },
    });
    expect(calls).toEqual(['./object-child.yaml', './text-child.yaml']);
  });

  it('loads nothing without a loadImport port', () => {
    const codes = validateFixture('V-I1', 'bad', { loadImport: undefined }).map((d) => d.code);
    expect(codes.filter((code) => code.startsWith('V-I'))).toEqual([]);
  });

  it('validates a child imported twice once per run', () => {
    let loads = 0;
    const text = [
      'imports: { a: ./child.yaml, b: ./child.yaml }',
      'steps:',
      '  - { kind: step, name: one, uses: imports.a }',
      '  - { kind: step, name: two, uses: imports.b }',
    ].join('\n');
    const file = `${fixtures}V-I4/twice.yaml`;
    const { pipeline } = parsePipelineYaml(text, { file });
    if (!pipeline) throw new Error('no pipeline');
    const result = validatePipeline(pipeline, {
      file,
      loadImport: (path, from) => {
        loads++;
        return loadFromDisk(path, from);
      },
    });
    expect(loads).toBe(2);
    expect(result.filter((d) => d.code.startsWith('V-I'))).toEqual([]);
  });
});
