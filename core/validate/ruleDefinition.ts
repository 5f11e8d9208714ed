import type { Severity } from '../model';
import type { RuleContext } from './ruleContext';
import type { ValidationProfile } from './validationTypes';

/**
 * One validation rule: its stable id (Flujo's rule id where one exists), the profiles it runs in,
 * its default severity, a one-line description (for SARIF and `--explain`), and its check.
 */
export interface RuleDefinition {
  readonly id: string;
  readonly profiles: readonly ValidationProfile[];
  readonly severity: Severity;
  readonly description: string;
  /** Reports findings through `context.report`; must not throw for any pipeline. */
  readonly check: (context: RuleContext) => void;
}

/** Both profiles: a real problem wherever the file runs. */
export const BOTH_PROFILES: readonly ValidationProfile[] = ['studio', 'flujo'];

/** Only the `flujo` profile: what Flujo itself would report or do differently. */
export const FLUJO_PROFILE: readonly ValidationProfile[] = ['flujo'];
