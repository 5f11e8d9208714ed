import type { SourceRange, StepVisit } from '../../model';
import type { RuleContext } from '../ruleContext';
import { memoByStep } from '../stepMemo';
import { stepRoleOf } from './stepRoles';

/** Where a finding about an `imports:` entry goes: each step that runs it, else the entry. */
export interface ImportSite {
  readonly step?: StepVisit;
  readonly range?: SourceRange;
}

const aliasOfStep = memoByStep((step) => {
  if (step.kind !== 'step') return undefined;
  const role = stepRoleOf(step);
  return role.role === 'import' ? role.alias : undefined;
});

/** The alias a step imports (`uses: imports.<alias>` on a `kind: step`), if it is an import step. */
export function importAliasOf(visit: StepVisit): string | undefined {
  return aliasOfStep(visit.step);
}

/**
 * The places to report a finding about import `alias`: every import step running it (at its
 * `uses`/`agent` value), or the `imports.<alias>` entry when no step runs it.
 */
export function importSites(context: RuleContext, alias: string): readonly ImportSite[] {
  const sites: ImportSite[] = [];
  for (const visit of context.steps) {
    if (importAliasOf(visit) !== alias) continue;
    const field = visit.step.uses !== undefined ? 'uses' : 'agent';
    sites.push({ step: visit, range: context.fieldRange(visit.step, field) });
  }
  if (sites.length > 0) return sites;
  return [{ range: context.pipeline.source?.fields[`imports.${alias}`] }];
}
