import type { StepNode } from '../../model';

/**
 * Structured-output normalisation (FLUJO-SPEC §8.2) unless `processing.structured_output: off`: a
 * string reply to a step that expects an object/array has code fences stripped and is parsed as JSON;
 * a plain string is wrapped into the single property of `processing.schema`.
 */
export function normalizeOutput(step: StepNode, output: unknown): unknown {
  if (typeof output !== 'string' || step.processing?.structured_output === 'off') return output;
  const schema = step.processing?.schema ?? step.output_schema;
  const type = schema?.type;
  if (type !== 'object' && type !== 'array') return output;
  const parsed = parseJson(stripFences(output));
  if (parsed !== undefined) return parsed;
  const properties = schema?.properties;
  if (type === 'object' && isRecord(properties) && step.processing?.schema !== undefined) {
    const keys = Object.keys(properties);
    const [only] = keys;
    if (keys.length === 1 && only !== undefined) return { [only]: output };
  }
  return output;
}

function stripFences(text: string): string {
  const match = /^\s*```[\w-]*\s*\n([\s\S]*?)\n?```\s*$/.exec(text);
  return match?.[1] ?? text.trim();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
