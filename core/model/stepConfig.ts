import type { ExtraKeys, YamlValue } from './jsonValue';

/** `config.execution_mode` (FLUJO-SPEC §8.12). */
export type ExecutionMode = 'sync' | 'background';

/** `config.input_to` of an import step (FLUJO-SPEC §3.10). */
export type ImportInputTarget = 'initial_prompt' | 'import_artifacts' | 'both';

/** `config.on_failure` of an import step (FLUJO-SPEC §3.10). */
export type ImportFailurePolicy = 'abort' | 'skip' | 'continue_with_default';

/**
 * A step's `config:` mapping (FLUJO-SPEC §2 `StepConfig`), including the import-step options of §3.10.
 * `outputs` keeps its YAML form (list of `{child, parent}` / `{from, to}` / pairs, or a map); use
 * `importOutputMappings` to read it.
 */
export interface StepConfig {
  readonly max_retries?: number;
  readonly timeout_s?: number;
  /** Alias of `timeout_s` accepted by Flujo; kept under the key the user wrote. */
  readonly timeout?: number;
  readonly temperature?: number;
  readonly top_k?: number;
  readonly top_p?: number;
  readonly preserve_fallback_diagnostics?: boolean;
  readonly execution_mode?: ExecutionMode;
  readonly input_to?: ImportInputTarget;
  readonly input_scratchpad_key?: string;
  readonly outputs?: YamlValue;
  readonly inherit_context?: boolean;
  readonly inherit_conversation?: boolean;
  readonly propagate_hitl?: boolean;
  readonly on_failure?: ImportFailurePolicy;
  readonly extra: ExtraKeys;
}

/** Step-level `usage_limits` (FLUJO-SPEC §2; enforced by the studio, DECISIONS 8). */
export interface UsageLimits {
  readonly total_cost_usd_limit?: number;
  readonly total_tokens_limit?: number;
  readonly extra: ExtraKeys;
}

/** A step's `meta:` mapping (suppressions, adapter marks). */
export interface StepMeta {
  readonly suppress_rules?: readonly string[];
  readonly is_adapter?: boolean;
  readonly adapter_id?: string;
  readonly adapter_allow?: string;
  readonly extra: ExtraKeys;
}

/** A step's `processing:` mapping (structured output, coercion; FLUJO-SPEC §2). */
export interface ProcessingConfig {
  readonly structured_output?: 'off' | 'auto' | 'openai_json' | 'outlines' | 'xgrammar';
  readonly aop?: 'off' | 'minimal' | 'full';
  readonly coercion?: YamlValue;
  readonly schema?: JsonSchemaObject;
  readonly enforce_grammar?: boolean;
  readonly reasoning_precheck?: YamlValue;
  readonly extra: ExtraKeys;
}

/** A JSON Schema as written in YAML (`input_schema`, `output_schema`, agent `output_schema`). */
export type JsonSchemaObject = Readonly<Record<string, YamlValue>>;

/** One entry of `plugins:`: an import path, or `{ path, priority }`. */
export type PluginRef =
  string | { readonly path: string; readonly priority?: number; readonly extra: ExtraKeys };
