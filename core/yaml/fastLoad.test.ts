import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';

import type { Pipeline } from '../model';
import { generatePipelineYaml } from '../../bench/generatePipeline';
import { mutate, mutation } from './__fixtures__/mutations';
import { corpusDir, fixturesDir, readText, yamlFilesIn } from './__fixtures__/testSupport';
import { fastLoad } from './fastLoad';
import { parsePipelineYaml } from './parsePipelineYaml';
import { printPipelineYaml } from './printPipelineYaml';
import { YAML_PARSE_OPTIONS } from './yamlParseOptions';

const corpus = yamlFilesIn(corpusDir).map((file) => readText(corpusDir, file));
const fixtures = yamlFilesIn(fixturesDir).map((file) => readText(fixturesDir, file));
const generated = [
  [20, 2, 1],
  [60, 3, 2],
  [200, 4, 3],
  [200, 4, 4],
  [1000, 4, 1],
  [1000, 4, 7],
].map(([count = 1, depth = 1, seed = 1]) => generatePipelineYaml(count, depth, seed));

const step = (body: string): string =>
  `version: "0.1"\nsteps:\n  - kind: step\n    name: s\n${body}`;
const scalars = [
  'yes',
  'Yes',
  'YES',
  'no',
  'No',
  'NO',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'OFF',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'y',
  'n',
  'Y',
  'yEs',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  '0',
  '-0',
  '+12',
  '012',
  '09',
  '0x1F',
  '0o17',
  '0b101',
  '1_000',
  '1:30',
  '-1:30:00',
  '190:20:30',
  '1.5',
  '1.',
  '.5',
  '-.5',
  '1e3',
  '1.5e3',
  '1.5e+3',
  '1.0E-3',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10',
  '=',
  '<<x',
  'a b',
  'x: y z',
  '"quoted"',
  "'it''s'",
  '"esc \\t \\u00e9 \\x41 \\\\ \\""',
  '"a\n      b"',
  'plain\n      continued',
  '[a, "b", 1, yes, ~]',
  '{ a: 1, b: [x, y] }',
  '[]',
  '{}',
  '',
  '# c',
  '1 # trailing',
  '"x"  # trailing',
];
const edgeCases = [
  ...scalars.map((value) => step(`    input: ${value}\n`)),
  ...scalars.map((value) => step(`    meta:\n      ${value.replace(/\n.*/, '')}: 1\n`)),
  step('    input: |\n      line one\n\n      line two\n'),
  step('    input: |-\n      a\n        b\n    \n      c\n  \n'),
  step('    input: >\n      folded\n      text\n\n        more\n      end\n'),
  step('    input: >-\n      x\n      # not a comment\n    # a comment\n'),
  step('    input: |\n      x\n        \n'),
  step('    input: |+\n      keep\n\n'),
  step('    input: |2\n        indented\n'),
  step('    config:\n      a: 1\n      # deeper\n    # same\n  # outer\n# root\n'),
  step('    config:\n      a: 1\n        # more indented\n\n        # again\n      # at map\n'),
  step('    config:\n      - x\n      # at seq\n  - kind: step\n    name: t\n'),
  step('    config:\n      a:\n      b:\n'),
  step('    config:\n      a: # c\n    x: 1\n'),
  step('    config: [a,\n      b]\n'),
  step('    config: { "k": 1 }\n'),
  step('    config: &a { k: 1 }\n    other: *a\n'),
  step('    config: !!str 12\n'),
  step('    meta: { <<: { a: 1 } }\n'),
  step('    input: 1\n    input: 2\n'),
  `---\n${step('')}`,
  `${step('')}...\n`,
  step('    input: x\r\n'),
  step('    input:\t"tab"\n'),
  `\ufeff${step('')}`,
  step('') + 'name: late\n',
  'steps:\n- kind: step\n  name: a\n- name: b\n',
  'steps: []\n',
  '{ steps: [] }\n',
  '- a\n',
  'just text\n',
  '',
  '# only a comment\n',
];

// The reader uses a node's start and value end; `range[2]` differs inside flow collections.
const valueRange = (range: readonly number[] | null | undefined) => range?.slice(0, 2);

function treeOf(node: unknown): unknown {
  if (isPair(node)) return [treeOf(node.key), treeOf(node.value)];
  if (isMap(node) || isSeq(node)) {
    return {
      range: valueRange(node.range),
      flow: node.flow ?? false,
      items: node.items.map(treeOf),
    };
  }
  if (isScalar(node)) {
    return {
      range: valueRange(node.range),
      value: node.value,
      type: node.type,
      source: node.source,
    };
  }
  return node;
}

/** Whether the fast path took the text; when it did, both paths must agree on everything. */
function checkEquivalent(text: string): boolean {
  const root = fastLoad(text);
  const fast = parsePipelineYaml(text, { file: 'p.yaml' });
  const slow = parsePipelineYaml(text, { file: 'p.yaml', loader: 'yaml' });
  expect(fast.pipeline).toStrictEqual(slow.pipeline);
  expect(fast.diagnostics).toStrictEqual(slow.diagnostics);
  expect(fast.document.hasErrors).toBe(slow.document.hasErrors);
  expect([...fast.document.skipped]).toStrictEqual([...slow.document.skipped]);
  if (root === undefined) return false;
  expect(treeOf(root)).toStrictEqual(treeOf(parseDocument(text, YAML_PARSE_OPTIONS).contents));
  // Each path prints an edit of its own model (synthesized values are known by identity).
  const renamed = (pipeline: Pipeline | undefined): Pipeline | undefined => {
    const [first, ...rest] = pipeline?.steps ?? [];
    return pipeline && first
      ? { ...pipeline, steps: [{ ...first, name: 'renamed' }, ...rest] }
      : undefined;
  };
  const fastEdit = renamed(fast.pipeline);
  const slowEdit = renamed(slow.pipeline);
  if (fastEdit && slowEdit) {
    expect(printPipelineYaml(fast.document, fastEdit)).toBe(
      printPipelineYaml(slow.document, slowEdit),
    );
  }
  return true;
}

describe('the fast (js-yaml) load path', () => {
  it('loads every corpus file, fixture and generated pipeline exactly like the yaml library', () => {
    const texts = [...corpus, ...fixtures, ...generated];
    const taken = texts.filter((text) => checkEquivalent(text));
    expect(texts.length).toBeGreaterThan(30);
    // Generated pipelines and the real corpus are what the fast path is for: it must take them.
    for (const text of [...corpus, ...generated]) expect(fastLoad(text)).toBeDefined();
    expect(taken.length).toBe(texts.length);
  }, 120_000);

  it('resolves scalars, block scalars, comments and flow collections exactly, or declines', () => {
    const taken = edgeCases.filter((text) => checkEquivalent(text));
    expect(taken.length).toBeGreaterThan(100);
  }, 60_000);

  it('agrees with the yaml library on mutated corpus files and pipelines (property)', () => {
    const sources = [...corpus, ...fixtures, ...generated.slice(0, 3), ...edgeCases];
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (original, mutations) => {
          checkEquivalent(mutations.reduce(mutate, original));
        },
      ),
      { numRuns: Number(process.env.FAST_LOAD_FUZZ_RUNS ?? 1500) },
    );
  }, 300_000);

  it('prints the parsed model as the original text without parsing the yaml Document', () => {
    const text = generated[4] ?? '';
    const { pipeline, document } = parsePipelineYaml(text);
    expect(pipeline).toBeDefined();
    if (pipeline) expect(printPipelineYaml(document, pipeline)).toBe(text);
  }, 60_000);
});
