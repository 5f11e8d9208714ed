import { parse as parseRawYaml } from 'yaml';
import {
  compileExpression,
  compileTemplate,
  evaluateExpression,
  renderTemplate,
} from '../core/expr';
import { parsePipelineYaml, printPipelineYaml } from '../core/yaml';
import { generatePipelineYaml } from './generatePipeline';
import type { BenchResult } from './harness';
import { measure, withTarget } from './harness';

function unwrap<T>(result: ({ ok: true } & T) | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

/**
 * Foundation benchmarks (issue 2): parse + print of a generated 1,000-step pipeline, template
 * rendering and expression evaluation, with the bare `yaml` library's parse as the floor.
 */
export function runYamlBenchmarks(): BenchResult[] {
  const text = generatePipelineYaml(1000, 4);
  const parsed = parsePipelineYaml(text);
  if (!parsed.pipeline) throw new Error('generated pipeline did not load');
  const { pipeline, document } = parsed;
  const renamed = { ...pipeline, name: 'renamed_benchmark' };

  const template = unwrap(
    compileTemplate(
      "Topic {{ context.topic | upper }} from {{ steps.s1.output or 'none' }}: {{ previous_step | tojson }}",
    ),
  ).template;
  const templateScope = {
    previous_step: { status: 'ok', count: 3 },
    context: { topic: 'refunds' },
    steps: { s1: 'earlier output' },
  };
  const expression = unwrap(
    compileExpression("context.count > 3 and previous_step.get('status') == 'ok'"),
  ).expression;
  const expressionScope = { previous_step: { status: 'ok' }, context: { count: 5 }, steps: {} };

  return [
    measure('yaml library parse only (floor), 1,000 steps', () =>
      parseRawYaml(text, { version: '1.1' }),
    ),
    withTarget(
      measure('parse + print, 1,000 steps, unchanged', () => {
        const result = parsePipelineYaml(text);
        return result.pipeline ? printPipelineYaml(result.document, result.pipeline) : '';
      }),
      { maxMedianMs: 50 },
    ),
    // Informational: the target is the round trip above; an edit also parses the `yaml`
    // Document the printer needs (see docs/PERFORMANCE.md).
    measure('parse + print, 1,000 steps, one edit', () => {
      const result = parsePipelineYaml(text);
      return printPipelineYaml(result.document, {
        ...renamed,
        steps: result.pipeline?.steps ?? [],
      });
    }),
    measure('print only, 1,000 steps, one edit', () => printPipelineYaml(document, renamed)),
    withTarget(
      measure(
        'template render (3 placeholders, filters)',
        () => renderTemplate(template, templateScope),
        {
          batch: 10_000,
        },
      ),
      { minOpsPerSecond: 200_000 },
    ),
    withTarget(
      measure('expression evaluation', () => evaluateExpression(expression, expressionScope), {
        batch: 10_000,
      }),
      { minOpsPerSecond: 500_000 },
    ),
  ];
}
