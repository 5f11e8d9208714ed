import { describe, expect, it } from 'vitest';

import { allRules } from '../rules';
import type { ValidationProfile } from '../validationTypes';
import { fixtureFindings, summarize } from './ruleFixtureFindings';

/** One expected finding: severity, step name (or undefined), line, column. */
export type ExpectedFinding = readonly [string, string | undefined, number, number];

/** The expected findings of one rule on its `bad` fixture (and none on `good`). */
export interface FixtureCase {
  readonly rule: string;
  /** Findings on `bad.yaml` in every profile the rule runs in. */
  readonly bad: readonly ExpectedFinding[];
  /** Different findings in the `flujo` profile, when the rule says more (or less) there. */
  readonly flujoBad?: readonly ExpectedFinding[];
}

function expected(rule: string, findings: readonly ExpectedFinding[]) {
  return findings.map(([severity, step, line, column]) => ({
    code: rule,
    severity,
    step,
    line,
    column,
  }));
}

/**
 * Runs the fixture pair of every case: `bad.yaml` gives exactly the expected findings (code,
 * severity, step, position) in each profile the rule runs in and none in the others; `good.yaml`
 * gives none of the rule in any profile.
 */
export function describeFixtureCases(family: string, cases: readonly FixtureCase[]): void {
  describe(`${family} fixtures`, () => {
    describe.each(cases)('$rule', (fixture) => {
      const rule = allRules.find((r) => r.id === fixture.rule);
      it('is registered with a one-line description', () => {
        expect(rule?.description).toMatch(/^[^\n]+$/);
      });
      for (const profile of ['studio', 'flujo'] as const satisfies readonly ValidationProfile[]) {
        it(`bad.yaml in ${profile}`, () => {
          const runs = rule?.profiles.includes(profile) ?? false;
          const want = !runs
            ? []
            : expected(fixture.rule, profile === 'flujo' ? (fixture.flujoBad ?? fixture.bad) : fixture.bad);
          expect(fixtureFindings(fixture.rule, 'bad', profile).map(summarize)).toEqual(want);
        });
        it(`good.yaml in ${profile}`, () => {
          expect(fixtureFindings(fixture.rule, 'good', profile).map(summarize)).toEqual([]);
        });
      }
    });
  });
}
