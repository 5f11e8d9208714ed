/**
 * The context-key pass, incrementally: each top-level step's result (its problem reads, what it
 * produces) is kept by node identity together with a signature of what was available before it.
 * An edit inside one top-level step re-runs only that step; the steps after it are reused as long
 * as what it produces did not change (equal products are interned to the same object).
 */
import type { StepNode, StepPath, StepTypes } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { KeyEntry } from './contextKeysAvailability';
import { keyEntry, KeyFrame } from './contextKeysAvailability';
import type { KeyReadProblem, KnownProducer } from './contextKeysFlow';
import { BUILTIN_CONTEXT_KEYS, ContextFlow } from './contextKeysFlow';

/** What one top-level step adds to the context, interned: equal effects are the same object. */
interface Effect {
  readonly entries: readonly KeyEntry[];
  readonly unknown: boolean;
}

/** What was available before a top-level step, as an identity: equal histories, same object. */
interface Signature {
  readonly next: WeakMap<Effect, Signature>;
}

interface TopResult {
  readonly index: number;
  readonly before: Signature;
  readonly types: ReadonlyMap<StepPath, StepTypes>;
  readonly agents: RuleContext['pipeline']['agents'];
  /** The loaded imports it depended on, when it merges a whole child context. */
  readonly imports: RuleContext['imports'] | undefined;
  readonly effect: Effect;
  readonly missing: readonly KeyReadProblem[];
  readonly some: readonly KeyReadProblem[];
}

/** What the pass found: the problem reads, and every key produced anywhere (for suggestions). */
export interface ContextFlowResult {
  /** Reads with no producer on any path before them (V-CTX1). */
  readonly missing: readonly KeyReadProblem[];
  /** Reads produced on some paths only, or only in part (V-CTX2). */
  readonly some: readonly KeyReadProblem[];
  /** Every producer of a key, by root key. */
  readonly producers: () => ReadonlyMap<string, readonly KnownProducer[]>;
}

const MAX_INTERNED = 20_000;
const effects = new Map<string, Effect>();
const roots = new Map<string, Signature>();
const topResults = new WeakMap<StepNode, TopResult>();
const flowByContext = new WeakMap<RuleContext, ContextFlowResult>();

function interned<T>(table: Map<string, T>, key: string, make: () => T): T {
  let value = table.get(key);
  if (value === undefined) {
    if (table.size >= MAX_INTERNED) table.clear();
    value = make();
    table.set(key, value);
  }
  return value;
}

function effectOf(frame: KeyFrame): Effect {
  const entries = [...frame.ownEntries()];
  const key = entries
    .map((entry) => `${entry.key}\u0001${entry.reason ?? ''}\u0001${entry.producer}`)
    .join('\u0002');
  return interned(effects, `${frame.unknown ? '?' : ''}${key}`, () => ({
    entries,
    unknown: frame.unknown,
  }));
}

function nextSignature(before: Signature, effect: Effect): Signature {
  let next = before.next.get(effect);
  if (!next) {
    next = { next: new WeakMap() };
    before.next.set(effect, next);
  }
  return next;
}

function initialKeys(context: RuleContext): readonly string[] {
  return [...BUILTIN_CONTEXT_KEYS, ...(context.options.initialContextKeys ?? [])]
    .map((key) => key.trim().replace(/^context\./, ''))
    .filter((key) => key !== '');
}

function baseFrame(keys: readonly string[]): KeyFrame {
  const frame = new KeyFrame(undefined, undefined, true);
  for (const key of keys) frame.add(keyEntry(key, 'the run'));
  return new KeyFrame(frame);
}

/**
 * The frame of the top-level sequence, built only as far as a step that must re-run needs it
 * (a revalidation that reuses every step never builds it).
 */
class TopFrame {
  private frame: KeyFrame | undefined;
  private built = 0;

  constructor(
    private readonly keys: readonly string[],
    private readonly results: readonly TopResult[],
  ) {}

  before(index: number): KeyFrame {
    const frame = (this.frame ??= baseFrame(this.keys));
    for (; this.built < index; this.built++) {
      const effect = this.results[this.built]?.effect;
      for (const entry of effect?.entries ?? []) frame.add(entry);
      if (effect?.unknown) frame.unknown = true;
    }
    return frame;
  }
}

function reusable(
  cached: TopResult | undefined,
  index: number,
  before: Signature,
  context: RuleContext,
): cached is TopResult {
  return (
    cached?.index === index &&
    cached.before === before &&
    cached.types === context.types &&
    cached.agents === context.pipeline.agents &&
    (cached.imports === undefined || cached.imports === context.imports)
  );
}

/** Where each top-level step's visit sits in the engine's pre-order visit list. */
function topLevelStarts(context: RuleContext): readonly number[] {
  const starts: number[] = [];
  let at = 0;
  for (const subtree of context.subtrees) {
    starts.push(at);
    at += subtree.visits.length;
  }
  return starts;
}

function runTopStep(
  context: RuleContext,
  at: { step: StepNode; index: number; start: number },
  before: Signature,
  top: KeyFrame,
): TopResult {
  const flow = new ContextFlow(context, context.steps, at.start);
  const frame = new KeyFrame(top);
  flow.step(at.step, frame);
  return {
    index: at.index,
    before,
    types: context.types,
    agents: context.pipeline.agents,
    imports: flow.usesImports ? context.imports : undefined,
    effect: effectOf(frame),
    missing: flow.problems.filter((problem) => problem.lookup.kind === 'missing'),
    some: flow.problems.filter((problem) => problem.lookup.kind !== 'missing'),
  };
}

const producersAfter = new WeakMap<Signature, ReadonlyMap<string, readonly KnownProducer[]>>();

/** Every produced key by root, from the top-level effects (kept per effect history). */
function producerIndex(results: readonly TopResult[], after: Signature) {
  const known = producersAfter.get(after);
  if (known) return known;
  const byRoot = new Map<string, KnownProducer[]>();
  for (const result of results) {
    for (const { key, root, producer } of result.effect.entries) {
      const list = byRoot.get(root);
      if (list) list.push({ key, producer });
      else byRoot.set(root, [{ key, producer }]);
    }
  }
  producersAfter.set(after, byRoot);
  return byRoot;
}

/**
 * The context-key pass over the pipeline of `context`, computed once per validation (V-CTX1 and
 * V-CTX2 share it) and re-running only the top-level steps an edit touched.
 */
export function contextFlow(context: RuleContext): ContextFlowResult {
  const known = flowByContext.get(context);
  if (known) return known;
  const keys = initialKeys(context);
  let before = interned(roots, keys.join('\u0000'), (): Signature => ({ next: new WeakMap() }));
  const results: TopResult[] = [];
  const top = new TopFrame(keys, results);
  let starts: readonly number[] | undefined;
  context.pipeline.steps.forEach((step, index) => {
    const cached = topResults.get(step);
    let result: TopResult;
    if (reusable(cached, index, before, context)) result = cached;
    else {
      starts ??= topLevelStarts(context);
      const at = { step, index, start: starts[index] ?? context.steps.length };
      result = runTopStep(context, at, before, top.before(index));
      topResults.set(step, result);
    }
    before = nextSignature(before, result.effect);
    results.push(result);
  });
  const after = before;
  let producers: ReadonlyMap<string, readonly KnownProducer[]> | undefined;
  const flow: ContextFlowResult = {
    missing: results.flatMap((result) => result.missing),
    some: results.flatMap((result) => result.some),
    producers: () => (producers ??= producerIndex(results, after)),
  };
  flowByContext.set(context, flow);
  return flow;
}
