import type { AgentRef } from './agentRef';
import type { StepBase } from './stepNode';

/** Which field named the step's agent: `uses` (takes precedence) or `agent`. */
export type AgentRefSource = 'uses' | 'agent';

/**
 * What runs a step, from its `uses`/`agent` (FLUJO-SPEC §3.2, §7): nothing (passthrough), a
 * `flujo.builtins.*` skill, a declared agent (`agents.X`), an imported YAML (`imports.X`), a JS
 * skill under `skills.`, or any other (Python) import path.
 */
export type StepRole =
  | { readonly role: 'passthrough' }
  | {
      readonly role: 'builtin';
      /** Full id, `flujo.builtins.stringify`. */
      readonly id: string;
      /** Short name, `stringify`: the key of the built-in signature table. */
      readonly name: string;
      readonly source: AgentRefSource;
    }
  | { readonly role: 'declared-agent'; readonly agentName: string; readonly source: AgentRefSource }
  | { readonly role: 'import'; readonly alias: string; readonly source: AgentRefSource }
  | { readonly role: 'skill'; readonly importPath: string; readonly source: AgentRefSource }
  | { readonly role: 'python'; readonly importPath: string; readonly source: AgentRefSource };

const BUILTIN = /^flujo\.builtins[.:]([A-Za-z_][A-Za-z0-9_]*)$/;
const DECLARED_AGENT = /^agents\.(.+)$/;
const IMPORT = /^imports\.(.+)$/;
const SKILL = /^skills[.:]/;

/** The reference string an `agent:` value names (its id or path for the mapping forms). */
export function agentRefTarget(agent: AgentRef): string {
  if (typeof agent === 'string') return agent;
  return 'id' in agent ? agent.id : agent.path;
}

const PASSTHROUGH: StepRole = { role: 'passthrough' };
// Roles are immutable values of the reference text, so they are shared (validation and type
// derivation classify every step several times); bounded like the expression caches.
const MAX_ROLES = 4096;
const roles: Record<AgentRefSource, Map<string, StepRole>> = { uses: new Map(), agent: new Map() };

function cachedRole(reference: string, source: AgentRefSource): StepRole {
  const known = roles[source];
  let role = known.get(reference);
  if (!role) {
    if (known.size >= MAX_ROLES) known.clear();
    role = classifyReference(reference, source);
    known.set(reference, role);
  }
  return role;
}

function classifyReference(reference: string, source: AgentRefSource): StepRole {
  const builtin = BUILTIN.exec(reference)?.[1];
  if (builtin) return { role: 'builtin', id: `flujo.builtins.${builtin}`, name: builtin, source };
  const agentName = DECLARED_AGENT.exec(reference)?.[1];
  if (agentName) return { role: 'declared-agent', agentName, source };
  const alias = IMPORT.exec(reference)?.[1];
  if (alias) return { role: 'import', alias, source };
  if (SKILL.test(reference)) return { role: 'skill', importPath: reference, source };
  return { role: 'python', importPath: reference, source };
}

/**
 * Classifies what runs a step. `uses` wins over `agent` (as in Flujo); an empty reference counts as
 * absent. Meant for `kind: step`; on other kinds it describes whatever `uses`/`agent` they carry.
 */
export function classifyStep(step: Pick<StepBase, 'uses' | 'agent'>): StepRole {
  const uses = step.uses?.trim();
  if (uses) return cachedRole(uses, 'uses');
  const agent = step.agent === undefined ? '' : agentRefTarget(step.agent).trim();
  if (agent) return cachedRole(agent, 'agent');
  return PASSTHROUGH;
}
