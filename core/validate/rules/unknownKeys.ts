/**
 * UNKNOWN-KEY (info, both profiles; DECISIONS 10): every key the model keeps in an `extra` because
 * Flujo does not read it there. Never a deletion; a likely typo gets the closest known key.
 */
import type { ExtraKeys, Pipeline, SourceRange, StepNode } from '../../model';
import { assertNever } from '../../model';
import type { Finding } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { BOTH_PROFILES } from '../ruleDefinition';
import { memoByStep } from '../stepMemo';
import { stepRule } from '../stepRule';
import {
  AGENT_KEYS,
  AGENT_REF_KEYS,
  COMMON_STEP_KEYS,
  CONFIG_KEYS,
  FINALIZE_KEYS,
  HISTORY_KEYS,
  KIND_KEYS,
  kindsReading,
  LOOP_KEYS,
  MAP_KEYS,
  PIPELINE_KEYS,
  ROUTER_KEYS,
  TRANSITION_KEYS,
  USAGE_LIMIT_KEYS,
} from './unknownKeysCatalog';
import { closestName } from './unknownKeysSimilarity';

/** One mapping whose unknown keys are reported. */
interface KeyedMapping {
  readonly extra: ExtraKeys | undefined;
  /** Words for where the mapping is, for messages: `Step "s"`, `Step "s", \`config\``. */
  readonly where: string;
  /** The keys Flujo reads in this mapping (a key found here is a known key of the wrong shape). */
  readonly known: readonly string[];
  readonly rangeOf: (key: string) => SourceRange | undefined;
  /** Extra hint for a key (e.g. it belongs under `config:`). */
  readonly hint?: (key: string) => string | undefined;
  /** Candidates for typos, shown as written here (e.g. `config.max_retries`). */
  readonly candidates?: readonly string[];
}

type KeyFinding = Pick<Finding, 'range' | 'message' | 'suggestion'>;

function keyFindings(mapping: KeyedMapping): KeyFinding[] {
  const found: KeyFinding[] = [];
  for (const key of Object.keys(mapping.extra ?? {})) {
    if (mapping.known.includes(key)) continue;
    const hint = mapping.hint?.(key);
    const candidates = mapping.candidates ?? mapping.known;
    const bare = candidates.map((c) => c.split('.').pop() ?? c);
    const meant = hint === undefined ? closestName(key, bare) : undefined;
    const written = meant === undefined ? undefined : candidates[bare.indexOf(meant)];
    const advice = hint ?? (written ? ` Did you mean \`${written}\`?` : '');
    found.push({
      range: mapping.rangeOf(key),
      message: `${mapping.where}: Flujo ignores \`${key}\`; the studio keeps it.${advice}`,
      ...(written ? { suggestion: `Rename \`${key}\` to \`${written}\`.` } : {}),
    });
  }
  return found;
}

function stepKeyHint(kind: string, key: string): string | undefined {
  if (CONFIG_KEYS.includes(key))
    return ` It belongs under \`config:\` (\`config: { ${key}: … }\`).`;
  const readers = kindsReading(key);
  if (readers.length === 0) return undefined;
  return ` Only ${readers.map((k) => `\`kind: ${k}\``).join(', ')} steps read it, not \`kind: ${kind}\`.`;
}

function hasKeys(extra: ExtraKeys | undefined): boolean {
  for (const key in extra) if (Object.hasOwn(extra, key)) return true;
  return false;
}

/** Whether any mapping of the step kept an unknown key (most steps keep none). */
function keepsUnknownKeys(step: StepNode): boolean {
  if (hasKeys(step.extra) || hasKeys(step.config?.extra) || hasKeys(step.usage_limits?.extra)) {
    return true;
  }
  if (typeof step.agent === 'object' && hasKeys(step.agent.extra)) return true;
  switch (step.kind) {
    case 'loop':
      return hasKeys(step.loop.extra) || hasKeys(step.loop.history_management?.extra);
    case 'map':
      return hasKeys(step.map.extra) || hasKeys(step.map.finalize?.extra);
    case 'dynamic_router':
      return hasKeys(step.router.extra);
    case 'StateMachine':
      return (step.transitions ?? []).some((transition) => hasKeys(transition.extra));
    case 'step':
    case 'parallel':
    case 'conditional':
    case 'hitl':
    case 'cache':
    case 'agentic_loop':
    case 'tree_search':
    case 'custom':
      return false;
    default:
      return assertNever(step);
  }
}

function stepMappings(step: StepNode): KeyedMapping[] {
  const source = step.source;
  const at = (prefix: string) => (key: string) =>
    source?.keys[`${prefix}${key}`] ?? source?.fields[`${prefix}${key}`] ?? source?.range;
  const where = `Step "${step.name}"`;
  const mappings: KeyedMapping[] = [
    {
      extra: step.extra,
      where,
      known: [...COMMON_STEP_KEYS, ...KIND_KEYS[step.kind]],
      rangeOf: at(''),
      hint: (key) => stepKeyHint(step.kind, key),
      candidates: [
        ...COMMON_STEP_KEYS,
        ...KIND_KEYS[step.kind],
        ...CONFIG_KEYS.map((key) => `config.${key}`),
      ],
    },
    {
      extra: step.config?.extra,
      where: `${where}, \`config\``,
      known: CONFIG_KEYS,
      rangeOf: at('config.'),
      hint: (key) =>
        COMMON_STEP_KEYS.includes(key)
          ? ` It belongs at step level, not under \`config:\`.`
          : undefined,
    },
    {
      extra: step.usage_limits?.extra,
      where: `${where}, \`usage_limits\``,
      known: USAGE_LIMIT_KEYS,
      rangeOf: at('usage_limits.'),
    },
  ];
  if (typeof step.agent === 'object') {
    mappings.push({
      extra: step.agent.extra,
      where: `${where}, \`agent\``,
      known: AGENT_REF_KEYS,
      rangeOf: at('agent.'),
    });
  }
  if (step.kind === 'loop') {
    mappings.push(
      {
        extra: step.loop.extra,
        where: `${where}, \`loop\``,
        known: LOOP_KEYS,
        rangeOf: at('loop.'),
      },
      {
        extra: step.loop.history_management?.extra,
        where: `${where}, \`loop.history_management\``,
        known: HISTORY_KEYS,
        rangeOf: at('loop.history_management.'),
      },
    );
  }
  if (step.kind === 'map') {
    mappings.push(
      { extra: step.map.extra, where: `${where}, \`map\``, known: MAP_KEYS, rangeOf: at('map.') },
      {
        extra: step.map.finalize?.extra,
        where: `${where}, \`map.finalize\``,
        known: FINALIZE_KEYS,
        rangeOf: at('map.finalize.'),
      },
    );
  }
  if (step.kind === 'dynamic_router') {
    mappings.push({
      extra: step.router.extra,
      where: `${where}, \`router\``,
      known: ROUTER_KEYS,
      rangeOf: at('router.'),
    });
  }
  if (step.kind === 'StateMachine') {
    for (const [i, transition] of (step.transitions ?? []).entries()) {
      mappings.push({
        extra: transition.extra,
        where: `${where}, \`transitions[${i}]\``,
        known: TRANSITION_KEYS,
        rangeOf: (key) => transition.source?.keys[key] ?? transition.source?.range,
      });
    }
  }
  return mappings;
}

/** The unknown-key findings of a step's own mappings, cached by step node. */
const stepKeyFindings = memoByStep((step: StepNode): readonly KeyFinding[] =>
  step.kind === 'custom' || !keepsUnknownKeys(step) ? [] : stepMappings(step).flatMap(keyFindings),
);

type PipelineKeyFindings = readonly KeyFinding[];

// Top-level and agent keys, checked once per pipeline object (model nodes are immutable).
const pipelineKeyCache = new WeakMap<Pipeline, PipelineKeyFindings>();

function pipelineKeyFindings(pipeline: Pipeline): PipelineKeyFindings {
  const cached = pipelineKeyCache.get(pipeline);
  if (cached) return cached;
  const found = keyFindings({
    extra: pipeline.extra,
    where: 'Top level',
    known: PIPELINE_KEYS,
    rangeOf: (key) => pipeline.source?.keys[key] ?? pipeline.source?.range,
  });
  for (const [name, agent] of Object.entries(pipeline.agents ?? {})) {
    found.push(
      ...keyFindings({
        extra: agent.extra,
        where: `Agent "${name}"`,
        known: AGENT_KEYS,
        rangeOf: (key) => agent.source?.keys[key] ?? agent.source?.range,
      }),
    );
  }
  pipelineKeyCache.set(pipeline, found);
  return found;
}

const ID = 'UNKNOWN-KEY';
const DESCRIPTION =
  'A key Flujo does not read where it is written (kept by the studio; typo hints).';

/** The unknown-key rule: pipeline-level keys, then each step's keys as a cached step rule. */
export const unknownKeyRules: readonly RuleDefinition[] = [
  {
    id: ID,
    profiles: BOTH_PROFILES,
    severity: 'info',
    description: DESCRIPTION,
    check(context) {
      for (const finding of pipelineKeyFindings(context.pipeline)) context.report(finding);
    },
  },
  stepRule({
    id: ID,
    profiles: BOTH_PROFILES,
    severity: 'info',
    description: DESCRIPTION,
    checkStep(visit, context) {
      for (const finding of stepKeyFindings(visit.step))
        context.report({ step: visit, ...finding });
    },
  }),
];
