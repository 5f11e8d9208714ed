import type { HitlRequest } from '../../engine';
import { validateAgainstSchema } from '../../engine/schemaCheck';
import type { Pipeline } from '../../model';
import { listSteps } from '../../model';

/** The `input_schema` a HITL request's answer must match (the step's, else the checkpoint's). */
export function answerSchemaOf(pipeline: Pipeline, request: HitlRequest): unknown {
  const step = listSteps(pipeline).find((visit) => visit.path === request.path)?.step;
  return step?.input_schema ?? request.inputSchema;
}

/**
 * An answer as typed on the command line: text when the step wants text (no schema, or a string
 * schema), else JSON when it parses (`{"decision": "approve"}`), else the text itself.
 */
export function parseAnswerText(text: string, schema: unknown): unknown {
  const type = (schema as { type?: unknown } | undefined)?.type;
  if (schema === undefined || schema === null || type === 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: the schema check says what shape was expected.
    return text;
  }
}

/** What is wrong with an answer (before it is recorded), or undefined when it fits the schema. */
export function answerProblem(schema: unknown, answer: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const problem = validateAgainstSchema(answer, schema as Readonly<Record<string, unknown>>);
  return problem === undefined
    ? undefined
    : `the answer does not match its input_schema: ${problem}`;
}
