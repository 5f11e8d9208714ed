import type { Pipeline, StepNode, StepPath } from '../core/model';
import { updateStep, walkSteps } from '../core/model';
import type { RuleDefinition } from '../core/validate';
import { allRules, validatePipeline } from '../core/validate';
import { parsePipelineYaml } from '../core/yaml';
import { generatePipelineYaml } from './generatePipeline';
import type { BenchResult } from './harness';
import { measure, withTarget } from './harness';

// The generated pipeline reads `topic` and `items` from the run's initial context, as a real run
// would declare them.
const OPTIONS = { file: 'generated.yaml', initialContextKeys: ['topic', 'items'] };
const SAMPLES = 30;
const WARMUP = 5;

function load(text: string): Pipeline {
  const { pipeline } = parsePipelineYaml(text);
  if (!pipeline) throw new Error('generated pipeline did not load');
  return pipeline;
}

/** A plain step nested at least two containers deep (the edit target of the incremental runs). */
function nestedLeafPath(pipeline: Pipeline): StepPath {
  let found: StepPath | undefined;
  walkSteps(pipeline, ({ step, path, depth }) => {
    if (!found && depth >= 2 && step.kind === 'step' && typeof step.input === 'string') {
      found = path;
    }
  });
  if (!found) throw new Error('generated pipeline has no nested templated step');
  return found;
}

/**
 * Repeats a one-field edit through `updateStep` and revalidates the edited pipeline, as the store
 * does on every keystroke: each call changes the field to a new value, so nothing is a no-op.
 */
function editLoop(
  pipeline: Pipeline,
  path: StepPath,
  edit: (step: StepNode, round: number) => StepNode,
  rules: readonly RuleDefinition[] = allRules,
): () => unknown {
  let current = pipeline;
  let round = 0;
  validatePipeline(current, OPTIONS, rules);
  return () => {
    round++;
    const result = updateStep(current, path, (step) => edit(step, round));
    if (!result.ok) throw new Error(result.reason);
    current = result.pipeline;
    return validatePipeline(current, OPTIONS, rules);
  };
}

const retryEdit = (step: StepNode, round: number): StepNode => ({
  ...step,
  config: { ...(step.config ?? { extra: {} }), max_retries: round % 7 },
});

/**
 * Validator benchmarks (issue 3): full validation of a generated 1,000-step pipeline (mixed kinds,
 * templates with context reads, depth 4) that no cache has seen, and revalidation after a
 * one-field edit made with `updateStep` (per-step caches warm from the previous version).
 */
export function runValidateBenchmarks(): BenchResult[] {
  // "Full" means cold: every sample validates a different, freshly parsed pipeline, so no
  // per-node cache (walk, types, rule memos) can answer from an earlier sample. Caches keyed by
  // text (template and expression analyses, callable and agent-reference classification, parsed
  // step paths) stay warm, as they are in an editor process that has validated before.
  const fresh = Array.from({ length: SAMPLES + WARMUP }, (_, seed) =>
    load(generatePipelineYaml(1000, 4, seed + 1)),
  );
  let next = 0;
  const full = () =>
    validatePipeline(fresh[next++ % fresh.length] ?? { steps: [], extra: {} }, OPTIONS);

  const base = load(generatePipelineYaml(1000, 4));
  const target = nestedLeafPath(base);
  const retries = editLoop(base, target, retryEdit);
  const engineOnly = editLoop(base, target, retryEdit, []);
  const template = editLoop(base, target, (step, round) => ({
    ...step,
    input: `{{ context.topic }} / {{ previous_step | tojson }} #${String(round % 7)}`,
  }));

  return [
    withTarget(
      measure('validate, 1,000 steps, full (cold caches)', full, {
        samples: SAMPLES,
        warmup: WARMUP,
      }),
      { maxMedianMs: 5 },
    ),
    withTarget(
      measure('revalidate after one-field edit (config.max_retries)', retries, {
        samples: 100,
        warmup: 20,
      }),
      { maxMedianMs: 1 },
    ),
    withTarget(
      measure('revalidate after one-field edit (input template text)', template, {
        samples: 100,
        warmup: 20,
      }),
      { maxMedianMs: 1 },
    ),
    measure('revalidate after one-field edit, engine only (no rules)', engineOnly, {
      samples: 100,
      warmup: 20,
    }),
  ];
}

/**
 * What each registered rule id adds to a revalidation after a one-field edit and to a cold full
 * validation, slowest first (`BENCH_RULES=1 npm run bench`): where to look when a target is missed.
 */
export function validateRuleCosts(): string {
  const base = load(generatePipelineYaml(1000, 4));
  const target = nestedLeafPath(base);
  let seed = 100;
  const cost = (rules: readonly RuleDefinition[]) => {
    const revalidate = measure('', editLoop(base, target, retryEdit, rules), { samples: 15 });
    // Cold: pipelines no cache has seen, parsed outside the timing.
    const fresh = [0, 1, 2].map(() => load(generatePipelineYaml(1000, 4, seed++)));
    let next = 0;
    const full = measure('', () => validatePipeline(fresh[next++] ?? base, OPTIONS, rules), {
      samples: 3,
      warmup: 0,
    });
    return { revalidate: revalidate.medianMs, full: full.medianMs };
  };
  cost(allRules);
  const floor = cost([]);
  const ids = [...new Set(allRules.map((rule) => rule.id))];
  const rows = ids.map((id) => {
    const { revalidate, full } = cost(allRules.filter((rule) => rule.id === id));
    return { id, revalidate: revalidate - floor.revalidate, full: full - floor.full };
  });
  rows.sort((a, b) => b.revalidate - a.revalidate || b.full - a.full);
  return [
    `Engine alone: revalidate ${floor.revalidate.toFixed(3)} ms, full ${floor.full.toFixed(2)} ms; each rule adds:`,
    '',
    '| rule | revalidate (ms) | full (ms) |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.id} | ${r.revalidate.toFixed(3)} | ${r.full.toFixed(2)} |`),
  ].join('\n');
}
