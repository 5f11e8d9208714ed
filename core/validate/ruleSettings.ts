import type { RuleSetting } from './validationTypes';
import type { ValidationDiagnostic } from './validationTypes';
import { isRuleGlob, matchesRuleGlob } from './ruleIdGlob';

interface CompiledSettings {
  readonly exact: ReadonlyMap<string, RuleSetting>;
  /** Globs, most specific (longest) first. */
  readonly globs: readonly (readonly [string, RuleSetting])[];
}

const compiledSettings = new WeakMap<object, CompiledSettings>();

function compileSettings(settings: Readonly<Record<string, RuleSetting>>): CompiledSettings {
  const cached = compiledSettings.get(settings);
  if (cached) return cached;
  const exact = new Map<string, RuleSetting>();
  const globs: [string, RuleSetting][] = [];
  for (const [pattern, setting] of Object.entries(settings)) {
    if (isRuleGlob(pattern)) globs.push([pattern, setting]);
    else exact.set(pattern.trim().toUpperCase(), setting);
  }
  // Stable sort: among globs of the same length the one written later wins, like a later line.
  globs.reverse().sort((a, b) => b[0].length - a[0].length);
  const result = { exact, globs };
  compiledSettings.set(settings, result);
  return result;
}

/**
 * The override a rules mapping sets for a rule id: an exact id wins over globs, and among globs
 * the most specific (longest) pattern wins. Undefined when nothing matches.
 */
export function ruleSettingFor(
  ruleId: string,
  settings: Readonly<Record<string, RuleSetting>> | undefined,
): RuleSetting | undefined {
  if (!settings) return undefined;
  const { exact, globs } = compileSettings(settings);
  const direct = exact.get(ruleId.toUpperCase());
  if (direct !== undefined) return direct;
  return globs.find(([pattern]) => matchesRuleGlob(ruleId, pattern))?.[1];
}

/**
 * Applies a rules mapping (`RULE|glob → off|info|warning|error`) after the profile's defaults:
 * `off` drops the finding, a severity replaces the rule's.
 */
export function applyRuleSetting(
  diagnostic: ValidationDiagnostic,
  settings: Readonly<Record<string, RuleSetting>> | undefined,
): ValidationDiagnostic | undefined {
  const setting = ruleSettingFor(diagnostic.code, settings);
  if (setting === undefined || setting === diagnostic.severity) return diagnostic;
  if (setting === 'off') return undefined;
  return { ...diagnostic, severity: setting };
}
