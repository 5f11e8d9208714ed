import type { ValidationDiagnostic } from '../validationTypes';
import type { RuleDefinition } from '../ruleDefinition';
import { BOTH_PROFILES } from '../ruleDefinition';
import { importOutputRules } from './importOutputRules';
import { importSites } from './importSteps';

function countOf(findings: readonly ValidationDiagnostic[], severity: 'error' | 'warning'): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Imported pipelines (FLUJO-SPEC §9.2), from what the engine loaded through `loadImport`:
 * V-I1 a child that cannot be read or does not load, V-I3 an import cycle, V-I4 a child with
 * findings (the engine copies those up, prefixed `[import:<alias>]`); plus the routing rules
 * V-I2, V-I5, V-I6 of `importOutputRules`.
 */
export const importRules: readonly RuleDefinition[] = [
  {
    id: 'V-I1',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description: 'Imported pipeline file is missing, unreadable or does not load.',
    check(context) {
      for (const child of context.imports.values()) {
        if (child.status !== 'failed') continue;
        for (const site of importSites(context, child.alias)) {
          context.report({
            ...site,
            message: `Import "${child.alias}" points to ${child.file}, which cannot be used: ${child.reason.replace(/\.\s*$/, '')}. Fix the path under imports.${child.alias} or the child file so that it loads.`,
            suggestion: `Check that ${child.importPath} exists relative to this file and is a valid pipeline.`,
          });
        }
      }
    },
  },
  {
    id: 'V-I3',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description: 'Import cycle: a pipeline imports itself, directly or through other imports.',
    check(context) {
      for (const child of context.imports.values()) {
        if (child.status !== 'cycle') continue;
        const chain = child.chain.join(' → ');
        const self = child.chain.length === 2;
        for (const site of importSites(context, child.alias)) {
          context.report({
            ...site,
            message: self
              ? `Import "${child.alias}" imports this file itself (${child.file}): a pipeline cannot import itself. Remove imports.${child.alias} or point it to another file.`
              : `Import "${child.alias}" closes an import cycle (${chain}): running it would import the same files forever. Remove one of the imports in that chain.`,
            suggestion: `Remove imports.${child.alias} or break the cycle.`,
          });
        }
      }
    },
  },
  {
    id: 'V-I4',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: 'Imported pipeline has errors or warnings of its own.',
    check(context) {
      for (const child of context.imports.values()) {
        if (child.status !== 'loaded') continue;
        const errors = countOf(child.findings, 'error');
        const warnings = countOf(child.findings, 'warning');
        if (errors + warnings === 0) continue;
        const counts = [
          ...(errors > 0 ? [plural(errors, 'error')] : []),
          ...(warnings > 0 ? [plural(warnings, 'warning')] : []),
        ].join(' and ');
        for (const site of importSites(context, child.alias)) {
          context.report({
            ...site,
            message: `Imported pipeline "${child.alias}" (${child.file}) has ${counts} (listed with the prefix [import:${child.alias}]). Fix them in ${child.file}.`,
          });
        }
      }
    },
  },
  ...importOutputRules,
];
