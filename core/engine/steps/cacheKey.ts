import type { AgentRef, Pipeline, StepNode } from '../../model';
import { sha256Hex } from './sha256';

/**
 * What makes two executions of a step interchangeable (FLUJO-SPEC §8.10): its name and kind, what it
 * runs (agent or `uses`, and a declared agent's model, settings and system prompt), the config that
 * changes the result, how the output is stored, and its validators/plugins. The step's `input`
 * template is included too, so two different steps with one name never share results; the context
 * it renders is not (as in Flujo).
 */
export function stepFingerprint(step: StepNode, pipeline: Pick<Pipeline, 'agents'>): unknown {
  const declared = declaredAgentName(step.uses);
  const agent = declared === undefined ? undefined : pipeline.agents?.[declared];
  return {
    name: step.name,
    kind: step.kind,
    agent: agentRefData(step.agent),
    uses: step.uses,
    model: agent?.model,
    model_settings: agent?.model_settings,
    system_prompt: agent?.system_prompt,
    input: step.input,
    max_retries: step.config?.max_retries,
    timeout_s: step.config?.timeout_s ?? step.config?.timeout,
    temperature: step.config?.temperature,
    updates_context: step.updates_context,
    sink_to: step.sink_to,
    validators: step.validators,
    plugins: step.plugins?.map((plugin) => (typeof plugin === 'string' ? plugin : plugin.path)),
  };
}

/** The cache key of running `step` on `input`: `<step name>:<sha256 of {fingerprint, input}>`. */
export function cacheKey(
  step: StepNode,
  pipeline: Pick<Pipeline, 'agents'>,
  input: unknown,
): string {
  const digest = sha256Hex(stableJson({ fingerprint: stepFingerprint(step, pipeline), input }));
  return `${step.name}:${digest}`;
}

/** JSON with object keys sorted, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
    return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => stableJson(item)).join(',')}]`;
  if (value instanceof Map) return stableJson(Object.fromEntries(value));
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
}

function declaredAgentName(uses: string | undefined): string | undefined {
  const trimmed = uses?.trim();
  return trimmed?.startsWith('agents.') === true ? trimmed.slice('agents.'.length) : undefined;
}

function agentRefData(agent: AgentRef | undefined): unknown {
  if (agent === undefined || typeof agent === 'string') return agent;
  if ('id' in agent) return { id: agent.id, params: agent.params };
  return { path: agent.path };
}
