/**
 * Context key producers (DECISIONS 5): V-CTX1, a read with no producer on any path before the
 * step; V-CTX2, a read produced on some paths only, or of which only another part is produced.
 * Findings are kept per problem (problems of untouched steps are reused across revalidations).
 */
import type { RuleDefinition } from '../ruleDefinition';
import type { Finding } from '../ruleContext';
import { BOTH_PROFILES } from '../ruleDefinition';
import { coversKey, rootOf } from './contextKeysAvailability';
import type { KeyReadProblem, KnownProducer } from './contextKeysFlow';
import { contextFlow } from './contextKeysIncremental';

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

const NO_PRODUCERS: readonly KnownProducer[] = [];
// Producer lists are kept per effect history, so their answers carry over across revalidations.
const producersByList = new WeakMap<readonly KnownProducer[], Map<string, string>>();

/** Names of the steps that produce `key` (or a path above or below it) anywhere. */
function producersOf(key: string, known: readonly KnownProducer[] = NO_PRODUCERS): string {
  let byKey = producersByList.get(known);
  if (!byKey) producersByList.set(known, (byKey = new Map<string, string>()));
  let found = byKey.get(key);
  if (found !== undefined) return found;
  const names = new Set<string>();
  for (const entry of known) {
    const related = coversKey(entry.key, key) || coversKey(key, entry.key);
    if (related && entry.producer !== 'the run') names.add(entry.producer);
  }
  found = quoted([...names]);
  byKey.set(key, found);
  return found;
}

const missingFindings = new WeakMap<KeyReadProblem, { producers: string; finding: Finding }>();

function missingFinding(problem: KeyReadProblem, producers: string): Finding {
  const cached = missingFindings.get(problem);
  if (cached?.producers === producers) return cached.finding;
  const { key, where, range } = problem.read;
  const reader = problem.visit.step.name;
  const several = producers.includes(',');
  const hiddenBy = problem.lookup.kind === 'missing' ? problem.lookup.hiddenBy : undefined;
  if (hiddenBy !== undefined) {
    const finding: Finding = {
      step: problem.visit,
      ...(range ? { range } : {}),
      message: `Step "${reader}" reads context.${key} in ${where}, but ${hiddenBy} copies only its \`context_include_keys\` into its branches, and ${rootOf(key)} is not one of them. Add ${rootOf(key)} to its \`context_include_keys\`.`,
      suggestion: `Add ${rootOf(key)} to the context_include_keys of ${hiddenBy}.`,
    };
    missingFindings.set(problem, { producers, finding });
    return finding;
  }
  const advice = producers
    ? `${producers} ${several ? 'produce' : 'produces'} it but ${several ? 'do' : 'does'} not run before "${reader}"; move ${several ? 'one' : 'it'} before "${reader}", or read the key later.`
    : `Add \`sink_to: ${key}\` to the step that computes it (or list it under that step's \`output_keys:\`), or declare it in the run's initial context.`;
  const finding: Finding = {
    step: problem.visit,
    ...(range ? { range } : {}),
    message: `Step "${reader}" reads context.${key} in ${where}, but no step before it produces that key on any path. ${advice}`,
    suggestion: producers
      ? `Run ${producers} before "${reader}".`
      : `Add \`sink_to: ${key}\` to the step that computes it.`,
  };
  missingFindings.set(problem, { producers, finding });
  return finding;
}

const someFindings = new WeakMap<KeyReadProblem, Finding>();

function someFinding(problem: KeyReadProblem): Finding {
  const cached = someFindings.get(problem);
  if (cached) return cached;
  const { lookup } = problem;
  const { key, where, range } = problem.read;
  let why = 'it is produced on some paths only';
  if (lookup.kind === 'maybe') {
    why = `${why}: ${lookup.entry.reason ?? 'not on every path'}`;
  } else if (lookup.kind === 'partial') {
    const produced = lookup.entry.key;
    const by = `only context.${produced} is produced (by "${lookup.entry.producer}")`;
    why = coversKey(key, produced)
      ? `${by}, never context.${key} as a whole`
      : `${by} under context.${rootOf(key)}, not context.${key}`;
  }
  const reader = problem.visit.step.name;
  const finding: Finding = {
    step: problem.visit,
    ...(range ? { range } : {}),
    message: `Step "${reader}" reads context.${key} in ${where}, but ${why}. Produce it on every path before this step, or give the read a fallback (e.g. \`{{ context.${key} or '' }}\`).`,
    suggestion: `Make sure context.${key} is set on every path before "${reader}".`,
  };
  someFindings.set(problem, finding);
  return finding;
}

const missingKeyRule: RuleDefinition = {
  id: 'V-CTX1',
  profiles: BOTH_PROFILES,
  severity: 'error',
  description: 'A context key is read but no step before it produces it on any path.',
  check(context) {
    const flow = contextFlow(context);
    const missing = flow.missing;
    if (missing.length === 0) return;
    // `context.<name>` falls back to the output of step <name> (FLUJO-SPEC §4).
    const roots = new Set(missing.map((problem) => rootOf(problem.read.key)));
    const stepNames = new Set<string>();
    for (const visit of context.steps) {
      if (roots.has(visit.step.name)) stepNames.add(visit.step.name);
    }
    const producers = flow.producers();
    for (const problem of missing) {
      const { key } = problem.read;
      const root = rootOf(key);
      if (stepNames.has(root)) continue;
      context.report(missingFinding(problem, producersOf(key, producers.get(root))));
    }
  },
};

const someKeyRule: RuleDefinition = {
  id: 'V-CTX2',
  profiles: BOTH_PROFILES,
  severity: 'warning',
  description: 'A context key is produced on some paths only, or only part of it is produced.',
  check(context) {
    for (const problem of contextFlow(context).some) context.report(someFinding(problem));
  },
};

/** Context key rules: V-CTX1 and V-CTX2. */
export const contextKeyRules: readonly RuleDefinition[] = [missingKeyRule, someKeyRule];
