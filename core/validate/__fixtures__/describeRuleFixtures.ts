import { describe, expect, it } from 'vitest';

import type { FindingSummary } from './ruleFixtureFindings';
import { fixtureFindings, summarize } from './ruleFixtureFindings';

/** One row of a rule family's fixture table: the rule, its profile, its findings on `bad.yaml`. */
export interface RuleFixtureCase {
  readonly rule: string;
  readonly flujoOnly: boolean;
  readonly bad: readonly FindingSummary[];
}

/**
 * For each rule: its bad fixture gives exactly `bad` (codes, severities, steps, positions) in the
 * `flujo` profile, its good fixture gives nothing in either profile, and the `studio` profile gives
 * the same findings or, for a flujo-only rule, none.
 */
export function describeRuleFixtures(cases: readonly RuleFixtureCase[]): void {
  describe.each(cases)('$rule fixtures', ({ rule, flujoOnly, bad }) => {
    it('reports the bad fixture with codes, severities, steps and positions', () => {
      expect(fixtureFindings(rule, 'bad', 'flujo').map(summarize)).toEqual(bad);
    });

    it('reports nothing on the good fixture in either profile', () => {
      expect(fixtureFindings(rule, 'good', 'flujo')).toEqual([]);
      expect(fixtureFindings(rule, 'good', 'studio')).toEqual([]);
    });

    it(
      flujoOnly ? 'is silent in the studio profile' : 'reports the same in the studio profile',
      () => {
        const studio = fixtureFindings(rule, 'bad', 'studio').map(summarize);
        expect(studio).toEqual(flujoOnly ? [] : bad);
      },
    );
  });
}
