import type { ExtraKeys, YamlValue } from './jsonValue';

/** `agent: { id: "flujo.builtins.x", params: {...} }`: a skill-registry id (FLUJO-SPEC §7). */
export interface AgentIdRef {
  readonly id: string;
  readonly params?: Readonly<Record<string, YamlValue>>;
  readonly extra: ExtraKeys;
}

/** `agent: { path: "pkg.mod:fn" }`: an import path in mapping form. */
export interface AgentPathRef {
  readonly path: string;
  readonly extra: ExtraKeys;
}

/** The three ways to write `agent:` (and `router_agent:`): an import path string, `{id}` or `{path}`. */
export type AgentRef = string | AgentIdRef | AgentPathRef;
