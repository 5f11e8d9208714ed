import type { Severity } from '../model';
import type { RuleDefinition } from './ruleDefinition';
import { allRules } from './rules';
import type { ValidationProfile } from './validationTypes';

/** What the studio says about a finding code: for SARIF rule metadata and `--explain`. */
export interface RuleCatalogEntry {
  readonly id: string;
  readonly description: string;
  /** Profiles that report it (both for loader codes). */
  readonly profiles: readonly ValidationProfile[];
  /** Default severity (the most severe when registrations of the id differ). */
  readonly severity: Severity;
}

/** Codes that come from the loader or the engine itself rather than a registered rule. */
const ENGINE_CODES: readonly RuleCatalogEntry[] = [
  {
    id: 'YAML-PARSE',
    description: 'The file is not well-formed YAML.',
    profiles: ['studio', 'flujo'],
    severity: 'error',
  },
  {
    id: 'YAML-SCHEMA',
    description: 'A key or value does not have the shape a Flujo pipeline file allows.',
    profiles: ['studio', 'flujo'],
    severity: 'error',
  },
  {
    id: 'YAML-INTERNAL',
    description: 'The studio could not read the file because of an internal error.',
    profiles: ['studio', 'flujo'],
    severity: 'error',
  },
  {
    id: 'VALIDATOR-INTERNAL',
    description: 'A validation rule failed on this file; its findings are missing.',
    profiles: ['studio', 'flujo'],
    severity: 'warning',
  },
];

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

const catalogs = new WeakMap<readonly RuleDefinition[], ReadonlyMap<string, RuleCatalogEntry>>();

function merge(entry: RuleCatalogEntry, rule: RuleDefinition): RuleCatalogEntry {
  const profiles = [...new Set([...entry.profiles, ...rule.profiles])];
  const severity = RANK[rule.severity] > RANK[entry.severity] ? rule.severity : entry.severity;
  return { ...entry, profiles, severity };
}

/**
 * Every finding code with its description, profiles and default severity, derived from the rule
 * registry (an id registered by several rules is merged: the first description, all profiles, the
 * highest severity), plus the loader's and engine's own codes. Sorted by id.
 */
export function ruleCatalog(
  rules: readonly RuleDefinition[] = allRules,
): ReadonlyMap<string, RuleCatalogEntry> {
  const cached = catalogs.get(rules);
  if (cached) return cached;
  const entries = new Map<string, RuleCatalogEntry>();
  for (const entry of ENGINE_CODES) entries.set(entry.id, entry);
  for (const rule of rules) {
    const known = entries.get(rule.id);
    entries.set(
      rule.id,
      known
        ? merge(known, rule)
        : {
            id: rule.id,
            description: rule.description,
            profiles: rule.profiles,
            severity: rule.severity,
          },
    );
  }
  const sorted = new Map([...entries].sort(([a], [b]) => a.localeCompare(b)));
  catalogs.set(rules, sorted);
  return sorted;
}
