import { describe, expect, it } from 'vitest';

import { parsePipelineYaml } from '../yaml';
import { corpusDir, readText, yamlFilesIn } from '../yaml/__fixtures__/testSupport';
import { agentRules } from './rules/agentRules';
import { loopRules } from './rules/loopRules';
import { parallelRules } from './rules/parallelRules';
import { portabilityRules } from './rules/portabilityRules';
import { stateMachineRules } from './rules/stateMachineRules';
import { templateRules } from './rules/templateRules';
import { unknownKeyRules } from './rules/unknownKeys';
import { validatePipeline } from './validatePipeline';

const files = yamlFilesIn(corpusDir);

/** Corpus files that are not pipelines (a skills catalog, a context file). */
const NOT_PIPELINES = new Set([
  'flujo/examples/skills_catalog/skills.yaml',
  'flujo/examples/test_context.yaml',
]);

const CATALOGUE_RULES = new Set(
  [
    ...templateRules,
    ...agentRules,
    ...parallelRules,
    ...loopRules,
    ...stateMachineRules,
    ...portabilityRules,
    ...unknownKeyRules,
  ].map((rule) => rule.id),
);

function validate(file: string, profile: 'studio' | 'flujo') {
  const text = readText(corpusDir, file);
  const { pipeline } = parsePipelineYaml(text, { file });
  return pipeline ? validatePipeline(pipeline, { profile, file, text }) : [];
}

/** `file:line CODE` of the catalogue rules' findings above `info` on the pipelines of the corpus. */
function catalogueFindings(profile: 'studio' | 'flujo'): string[] {
  return files
    .filter((file) => !NOT_PIPELINES.has(file))
    .flatMap((file) =>
      validate(file, profile)
        .filter((d) => CATALOGUE_RULES.has(d.code) && d.severity !== 'info')
        .map((d) => `${file}:${String(d.range?.start.line)} ${d.code}`),
    );
}

describe('validating the corpus of real Flujo files', () => {
  it('is there (../shared/corpus)', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(files)('%s', (file) => {
    it.each(['studio', 'flujo'] as const)('validates in %s without a rule failing', (profile) => {
      const internal = validate(file, profile).filter((d) => d.code === 'VALIDATOR-INTERNAL');
      expect(internal.map((d) => d.message)).toEqual([]);
    });
  });

  it('survives damaged files: truncated, a line removed, a value of the wrong shape', () => {
    const failures: string[] = [];
    for (const file of files) {
      const lines = readText(corpusDir, file).split('\n');
      for (let cut = 1; cut < lines.length; cut += 5) {
        const damaged = [
          lines.slice(0, cut).join('\n'),
          [...lines.slice(0, cut), ...lines.slice(cut + 1)].join('\n'),
          lines
            .map((line, i) => (i === cut ? line.replace(/: .*/, ': [x, { a: 1 }]') : line))
            .join('\n'),
        ];
        for (const text of damaged) {
          const { pipeline } = parsePipelineYaml(text);
          if (!pipeline) continue;
          for (const profile of ['studio', 'flujo'] as const) {
            const internal = validatePipeline(pipeline, { profile, text }).filter(
              (d) => d.code === 'VALIDATOR-INTERNAL',
            );
            failures.push(...internal.map((d) => `${file} cut ${String(cut)}: ${d.message}`));
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('raises no catalogue false alarm in studio: only the catalogue skill that cannot run here', () => {
    expect(catalogueFindings('studio')).toEqual([
      'flujo/examples/skills_catalog/pipeline.yaml:4 PY-LOCAL',
    ]);
  });

  it('reports in flujo what Flujo itself would flag or do differently', () => {
    const found = catalogueFindings('flujo');
    expect(found).toContain(
      'flujo/examples/architect_pipeline_state_machine.yaml:86 PORT-STEPS-READ',
    );
    expect(found).toContain('flujo/examples/loop_declarative.yaml:21 PORT-LOOP-IGNORED');
    expect(found).toContain('flujo/flujo/templates/project/pipeline.yaml:9 PORT-PARAMS');
    expect(found).toContain('flujo/examples/conversational_loop_minimal.yaml:8 PORT-LOOP-NO-EXIT');
    expect(
      found.filter((f) => / (V-A6|V-T[1-6]|TEMPLATE-|EXPR-|V-SM1|V-CF1|V-L1)/.test(f)),
    ).toEqual([]);
  });
});
