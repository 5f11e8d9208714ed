import { isMap, isScalar, isSeq } from 'yaml';

import type {
  AgentRef,
  PluginRef,
  ProcessingConfig,
  StepConfig,
  StepMeta,
  UsageLimits,
} from '../model';
import { FieldReader } from './fieldReaders';
import { resolveAlias } from './yamlNodeValues';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Copies defined values only, so the model never holds `key: undefined`. */
export function defined<T extends object>(fields: T): T {
  const out: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) {
    if (fields[key] !== undefined) out[key] = fields[key];
  }
  return out as T;
}

/** A nested mapping field read with its own `FieldReader`, or undefined (reported) if not a mapping. */
export function nestedReader(
  parent: FieldReader,
  key: string,
  example?: string,
): FieldReader | undefined {
  const node = parent.mapping(key, example);
  if (!node) return undefined;
  parent.take(key);
  return new FieldReader(parent.ctx, node, parent.where, `${parent.label(key).slice(1, -1)}.`);
}

/** `agent:` / `router_agent:`: an import path, `{ id, params? }` or `{ path }` (FLUJO-SPEC §7). */
export function readAgentRef(parent: FieldReader, key: string): AgentRef | undefined {
  if (!parent.has(key)) return undefined;
  const node = parent.node(key);
  const example = `${key}: { id: flujo.builtins.passthrough }`;
  if (isScalar(node) && typeof node.value === 'string') return parent.string(key);
  if (!isMap(node)) {
    parent.wrong(key, 'an import path or a mapping with `id` or `path`', example);
    return;
  }
  const reader = new FieldReader(
    parent.ctx,
    node,
    parent.where,
    `${parent.label(key).slice(1, -1)}.`,
  );
  if (reader.has('id')) {
    const id = reader.string('id', 'id: flujo.builtins.passthrough');
    const params = reader.record('params', 'params: { name: value }');
    if (id === undefined || (reader.has('params') && params === undefined)) return undefined;
    parent.take(key);
    return defined({ id, params, extra: reader.extra() });
  }
  if (reader.has('path')) {
    const path = reader.string('path', 'path: pkg.module:function');
    if (path === undefined) return undefined;
    parent.take(key);
    return { path, extra: reader.extra() };
  }
  parent.wrong(key, 'an import path or a mapping with `id` or `path`', example);
}

/** `config:` (StepConfig plus the import-step options of FLUJO-SPEC §3.10). */
export function readStepConfig(parent: FieldReader): StepConfig | undefined {
  const r = nestedReader(parent, 'config', 'config: { max_retries: 1 }');
  if (!r) return undefined;
  const onFailure = r.oneOf('on_failure', ['abort', 'skip', 'continue_with_default'] as const, {
    severity: 'warning',
  });
  return defined<StepConfig>({
    max_retries: r.number('max_retries', { integer: true, min: 0 }),
    timeout_s: r.number('timeout_s'),
    timeout: r.number('timeout'),
    temperature: r.number('temperature'),
    top_k: r.number('top_k', { integer: true }),
    top_p: r.number('top_p'),
    preserve_fallback_diagnostics: r.bool('preserve_fallback_diagnostics'),
    execution_mode: r.oneOf('execution_mode', ['sync', 'background'] as const),
    input_to: r.oneOf('input_to', ['initial_prompt', 'import_artifacts', 'both'] as const),
    input_scratchpad_key: r.string('input_scratchpad_key'),
    outputs: r.value('outputs'),
    inherit_context: r.bool('inherit_context'),
    inherit_conversation: r.bool('inherit_conversation'),
    propagate_hitl: r.bool('propagate_hitl'),
    on_failure: onFailure,
    extra: r.extra(),
  });
}

/** `usage_limits:` of a step. */
export function readUsageLimits(parent: FieldReader): UsageLimits | undefined {
  const r = nestedReader(parent, 'usage_limits', 'usage_limits: { total_cost_usd_limit: 1.0 }');
  if (!r) return undefined;
  return defined<UsageLimits>({
    total_cost_usd_limit: r.number('total_cost_usd_limit'),
    total_tokens_limit: r.number('total_tokens_limit', { integer: true }),
    extra: r.extra(),
  });
}

/** `meta:` of a step (suppressions and adapter marks). */
export function readStepMeta(parent: FieldReader): StepMeta | undefined {
  const r = nestedReader(parent, 'meta', 'meta: { is_adapter: true }');
  if (!r) return undefined;
  return defined<StepMeta>({
    suppress_rules: r.stringList('suppress_rules'),
    is_adapter: r.bool('is_adapter'),
    adapter_id: r.string('adapter_id'),
    adapter_allow: r.string('adapter_allow'),
    extra: r.extra(),
  });
}

/** `processing:` of a step (structured output, coercion; FLUJO-SPEC §2). */
export function readProcessing(parent: FieldReader): ProcessingConfig | undefined {
  const r = nestedReader(parent, 'processing', 'processing: { structured_output: auto }');
  if (!r) return undefined;
  const modes = ['off', 'auto', 'openai_json', 'outlines', 'xgrammar'] as const;
  return defined<ProcessingConfig>({
    structured_output: r.oneOf('structured_output', modes),
    aop: r.oneOf('aop', ['off', 'minimal', 'full'] as const),
    coercion: r.value('coercion'),
    schema: r.record('schema', 'schema: { type: object }'),
    enforce_grammar: r.bool('enforce_grammar'),
    reasoning_precheck: r.value('reasoning_precheck'),
    extra: r.extra(),
  });
}

/** `plugins:`: import paths or `{ path, priority }`; one bad entry keeps the whole list in `extra`. */
export function readPlugins(parent: FieldReader): readonly PluginRef[] | undefined {
  if (!parent.has('plugins')) return undefined;
  const node = parent.node('plugins');
  const example = 'plugins: [{ path: pkg.module:Plugin, priority: 1 }]';
  if (!isSeq(node)) {
    parent.wrong('plugins', 'a list', example);
    return;
  }
  const plugins: PluginRef[] = [];
  for (const raw of node.items) {
    const item = resolveAlias(parent.ctx.doc, raw);
    if (isScalar(item) && typeof item.value === 'string') {
      plugins.push(item.value);
      continue;
    }
    if (!isMap(item)) {
      parent.wrong('plugins', 'a list of import paths or mappings', example);
      return;
    }
    const r = new FieldReader(parent.ctx, item, parent.where, 'plugins[].');
    const path = r.string('path', 'path: pkg.module:Plugin');
    const priority = r.number('priority');
    if (path === undefined || (r.has('priority') && priority === undefined)) {
      if (!r.has('path')) r.missing('path', 'path: pkg.module:Plugin');
      return undefined;
    }
    plugins.push(
      defined<Mutable<Exclude<PluginRef, string>>>({ path, priority, extra: r.extra() }),
    );
  }
  parent.take('plugins');
  return plugins;
}
