import type { Pipeline, StepNode } from '../core/model';
import { renameStep, updateStep } from '../core/model';
import { validatePipeline } from '../core/validate';
import type { PipelineDocument } from '../core/yaml';
import { parsePipelineYaml, printPipelineYaml } from '../core/yaml';
import { generatePipelineYaml } from './generatePipeline';
import type { BenchResult } from './harness';
import { withTarget } from './harness';

const SAMPLES = 30;
const WARMUP = 5;
const OPTIONS = { file: 'generated.yaml', initialContextKeys: ['topic', 'items'] };

function median(times: number[]): { medianMs: number; p95Ms: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (fraction: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

function result(name: string, times: number[]): BenchResult {
  const { medianMs, p95Ms } = median(times);
  return { name, medianMs, p95Ms, opsPerSecond: 1000 / medianMs, samples: times.length };
}

/** The edit of round `round`: alternately a `config.max_retries` change and a rename. */
function oneFieldEdit(pipeline: Pipeline, index: number, round: number): Pipeline {
  const path = `steps[${String(index)}]`;
  const edited =
    round % 2 === 0
      ? updateStep(pipeline, path, (step: StepNode) => ({
          ...step,
          config: { ...(step.config ?? { extra: {} }), max_retries: round % 7 },
        }))
      : renameStep(pipeline, path, `renamed_${String(index)}_${String(round)}`);
  if (!edited.ok) throw new Error(edited.reason);
  return edited.pipeline;
}

/**
 * Authoring edit latency (issue 7): one-field edits of a top-level step of a generated 1,000-step
 * pipeline, as the document store applies them — model edit, print into the text, re-parse the
 * new text (given the previous handle), validate the re-parsed model with the text (for its
 * suppression comments) — with each stage timed apart. Each round edits another top-level step
 * (spread over the file), so nothing is a no-op and the handle is always fresh.
 */
export function runEditLatencyBenchmarks(): BenchResult[] {
  const text = generatePipelineYaml(1000, 4);
  let parsed = parsePipelineYaml(text);
  if (!parsed.pipeline) throw new Error('generated pipeline did not load');
  let document: PipelineDocument = parsed.document;
  let pipeline: Pipeline = parsed.pipeline;
  validatePipeline(pipeline, { ...OPTIONS, text });
  const stages = { edit: [] as number[], print: [] as number[], parse: [] as number[] };
  const validate: number[] = [];
  const total: number[] = [];
  const count = pipeline.steps.length;
  for (let round = 0; round < WARMUP + SAMPLES; round += 1) {
    const index = (round * 97 + 13) % (count - 1);
    const t0 = performance.now();
    const edited = oneFieldEdit(pipeline, index, round);
    const t1 = performance.now();
    const printed = printPipelineYaml(document, edited);
    const t2 = performance.now();
    parsed = parsePipelineYaml(printed, { previous: document });
    const t3 = performance.now();
    if (!parsed.pipeline) throw new Error('edited pipeline did not load');
    validatePipeline(parsed.pipeline, { ...OPTIONS, text: printed });
    const t4 = performance.now();
    document = parsed.document;
    pipeline = parsed.pipeline;
    if (round < WARMUP) continue;
    stages.edit.push(t1 - t0);
    stages.print.push(t2 - t1);
    stages.parse.push(t3 - t2);
    validate.push(t4 - t3);
    total.push(t4 - t0);
  }
  return [
    result('one-field edit, 1,000 steps: model edit', stages.edit),
    result('one-field edit, 1,000 steps: print', stages.print),
    result('one-field edit, 1,000 steps: re-parse', stages.parse),
    result('one-field edit, 1,000 steps: validate', validate),
    withTarget(result('one-field edit, 1,000 steps: total', total), { maxMedianMs: 50 }),
  ];
}
