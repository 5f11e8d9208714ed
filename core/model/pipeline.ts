import type { ExtraKeys, YamlValue } from './jsonValue';
import type { NodeSource } from './sourceRange';
import type { JsonSchemaObject } from './stepConfig';
import type { StepNode } from './stepNode';

/** `system_prompt: { from_file, variables? }`: a prompt kept in a file next to the YAML. */
export interface PromptFromFile {
  readonly from_file: string;
  readonly variables?: Readonly<Record<string, YamlValue>>;
  readonly extra: ExtraKeys;
}

/** A declared LLM agent under `agents:` (FLUJO-SPEC §1). */
export interface AgentSpec {
  /** `"<provider>:<model>"`, e.g. `openai:gpt-4o`. */
  readonly model?: string;
  readonly system_prompt?: string | PromptFromFile;
  readonly output_schema?: JsonSchemaObject;
  readonly model_settings?: Readonly<Record<string, YamlValue>>;
  /** As written: an int or a numeric string (Flujo coerces, V-A7 warns on bad values). */
  readonly timeout?: number | string;
  readonly max_retries?: number | string;
  readonly extra: ExtraKeys;
  readonly source?: NodeSource;
}

/** One `static_invariants` entry: a safe expression, or `{ path: "pkg:fn" }`. */
export type StaticInvariant = string | { readonly path: string; readonly extra: ExtraKeys };

/** A Flujo pipeline file (FLUJO-SPEC §1): every top-level key, unknown ones kept verbatim. */
export interface Pipeline {
  readonly version?: string;
  readonly name?: string;
  readonly agents?: Readonly<Record<string, AgentSpec>>;
  /** Alias → child YAML path, relative to this file. */
  readonly imports?: Readonly<Record<string, string>>;
  readonly steps: readonly StepNode[];
  readonly static_invariants?: readonly StaticInvariant[];
  readonly extra: ExtraKeys;
  readonly source?: NodeSource;
}
