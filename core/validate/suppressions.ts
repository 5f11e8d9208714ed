import type { StepNode, StepVisit } from '../model';
import { matchesRuleGlob } from './ruleIdGlob';
import type { SuppressionComment } from './suppressionComments';
import { readSuppressionComments } from './suppressionComments';

/** Decides whether a finding of a rule about a step is suppressed by the file. */
export interface Suppressions {
  readonly isSuppressed: (ruleId: string, visit: StepVisit | undefined) => boolean;
}

const NONE: Suppressions = { isSuppressed: () => false };

/**
 * The step a suppression comment belongs to: the innermost step whose mapping holds the comment's
 * line, or a one-line flow step (`- { kind: step, name: a }  # flujo: ignore V-T1`) written on it.
 */
function stepOfComment(
  comment: SuppressionComment,
  visits: readonly StepVisit[],
): StepNode | undefined {
  let best: StepVisit | undefined;
  let bestContains = false;
  for (const visit of visits) {
    const range = visit.step.source?.range;
    if (!range) continue;
    const contains = range.start.offset <= comment.offset && comment.offset < range.end.offset;
    const flowOnLine =
      range.start.line === comment.line &&
      range.end.line === comment.line &&
      range.end.offset <= comment.offset;
    if (!contains && !flowOnLine) continue;
    const deeper = !best || visit.depth > best.depth;
    const sameDepthButContains = best?.depth === visit.depth && contains && !bestContains;
    if (deeper || sameDepthButContains) {
      best = visit;
      bestContains = contains;
    }
  }
  return best?.step;
}

function matchesAny(ruleId: string, patterns: readonly string[] | undefined): boolean {
  return patterns?.some((pattern) => matchesRuleGlob(ruleId, pattern)) ?? false;
}

/**
 * Suppressions of FLUJO-SPEC §9.1: `meta.suppress_rules` globs on a step and `# flujo: ignore`
 * comments inside a step's mapping, matched case-insensitively against the rule id. Flujo matches
 * them against top-level steps only (by the finding's step name); the studio applies a step's
 * suppressions to the step itself and to every step nested in it (its children, branches and
 * fallback), since that is what a user writing them on a container means.
 */
export function readSuppressions(
  visits: readonly StepVisit[],
  hasMetaSuppressions: boolean,
  text: string | undefined,
): Suppressions {
  const comments = text === undefined ? [] : readSuppressionComments(text);
  if (!hasMetaSuppressions && comments.length === 0) return NONE;
  const byComment = new Map<StepNode, string[]>();
  for (const comment of comments) {
    const step = stepOfComment(comment, visits);
    if (!step) continue;
    const patterns = byComment.get(step) ?? [];
    patterns.push(...comment.patterns);
    byComment.set(step, patterns);
  }
  const suppressedAt = (ruleId: string, step: StepNode): boolean =>
    matchesAny(ruleId, step.meta?.suppress_rules) || matchesAny(ruleId, byComment.get(step));
  return {
    isSuppressed(ruleId, visit) {
      if (!visit) return false;
      if (suppressedAt(ruleId, visit.step)) return true;
      return visit.ancestors.some((ancestor) => suppressedAt(ruleId, ancestor.step));
    },
  };
}
