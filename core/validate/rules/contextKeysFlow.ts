/**
 * One pass over a step subtree that follows which context keys exist at each step (DECISIONS 5),
 * path-sensitive through conditionals, parallel merge strategies, routers, loops, maps, state
 * machines, fallbacks and background steps, and records every read that is not certainly there.
 * It walks the engine's pre-order visit list with a cursor, so it builds no step paths.
 */
import type { StepNode, StepPath, StepTypes, StepVisit } from '../../model';
import { isBackgroundStep } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { ContextRead, ReadPhase, StepContextUse } from './contextKeysAnalysis';
import { agentVariableReads, stepContextUse } from './contextKeysAnalysis';
import type { KeyEntry, KeyLookup } from './contextKeysAvailability';
import { foldFrame, keyEntry, KeyFrame, lookupKey, someEntry } from './contextKeysAvailability';
import type { ContainerFlow } from './contextKeysContainers';
import { flowChildren } from './contextKeysContainers';
import { subtreeWrites, updatesContextKeys } from './contextKeysProducts';
import { backgroundReason, fallbackReason, someOutputsReason } from './contextKeysReasons';

/** Context fields that always exist (DECISIONS 5). */
export const BUILTIN_CONTEXT_KEYS: readonly string[] = [
  'initial_prompt',
  'run_id',
  'hitl_history',
  'conversation_history',
  'step_outputs',
  'import_artifacts',
];

/** A read that is not certainly available where it happens. */
export interface KeyReadProblem {
  readonly visit: StepVisit;
  readonly read: ContextRead;
  readonly lookup: Exclude<KeyLookup, { kind: 'available' }>;
}

/** A key some step writes, anywhere in the pipeline. */
export interface KnownProducer {
  readonly key: string;
  readonly producer: string;
}

const AGENT_USE = /^agents\.(.+)$/;

function inBackground(entry: KeyEntry): KeyEntry {
  return someEntry(entry, backgroundReason(entry.producer));
}

/**
 * The pass over one subtree: `step` runs a step over a frame (appending what it produces to it),
 * taking its visit from `visits` at the cursor, and records the reads that are not certainly
 * available and whether it needed the loaded import children.
 */
export class ContextFlow implements ContainerFlow {
  readonly problems: KeyReadProblem[] = [];
  readonly types: ReadonlyMap<StepPath, StepTypes>;
  /** Whether an import merging its whole child context was resolved through `context.imports`. */
  usesImports = false;
  /** Keys already reported per step and kind (missing / some paths), so each is reported once. */
  private reported: Map<StepVisit, Set<string>> | undefined;

  /**
   * @param visits the engine's visits in pre-order (`walkSteps` order)
   * @param cursor the index of the first step this pass runs
   */
  constructor(
    private readonly context: RuleContext,
    private readonly visits: readonly StepVisit[],
    private cursor: number,
  ) {
    this.types = context.types;
  }

  list(steps: readonly StepNode[], frame: KeyFrame): void {
    for (const step of steps) this.step(step, frame);
  }

  add(frame: KeyFrame, key: string, producer: string, reason?: string): void {
    frame.add(keyEntry(key, producer, reason));
  }

  check(
    visit: StepVisit | undefined,
    reads: readonly ContextRead[],
    phase: ReadPhase,
    frame: KeyFrame,
  ): void {
    if (!visit) return;
    for (const read of reads) {
      if (read.phase !== phase) continue;
      const lookup = lookupKey(frame, read.key);
      if (lookup.kind === 'available') continue;
      const id = `${lookup.kind === 'missing' ? '!' : '?'}${read.key}`;
      const reported = (this.reported ??= new Map<StepVisit, Set<string>>());
      let seen = reported.get(visit);
      if (!seen) reported.set(visit, (seen = new Set<string>()));
      if (seen.has(id)) continue;
      seen.add(id);
      this.problems.push({ visit, read, lookup });
    }
  }

  private agentReads(step: StepNode): readonly ContextRead[] {
    const name = AGENT_USE.exec(step.uses?.trim() ?? '')?.[1];
    const agents = this.context.pipeline.agents ?? {};
    const agent = name !== undefined && Object.hasOwn(agents, name) ? agents[name] : undefined;
    if (!agent) return [];
    const range = this.context.fieldRange(step, 'uses');
    const where = `the prompt variables of agent "${name ?? ''}"`;
    return agentVariableReads(agent).map((key) => ({ key, where, range, phase: 'before' }));
  }

  /** The visit of `step` at the cursor (undefined if the lists disagree), moving past it. */
  private take(step: StepNode): StepVisit | undefined {
    const visit = this.visits[this.cursor++];
    return visit?.step === step ? visit : undefined;
  }

  /** The index of the fallback visit of the step visited at `index` (last child in pre-order). */
  private fallbackIndex(index: number, depth: number): number | undefined {
    let found: number | undefined;
    for (let at = index + 1; at < this.visits.length; at++) {
      const visit = this.visits[at];
      if (!visit || visit.depth <= depth) break;
      if (visit.depth === depth + 1 && visit.segment.slot === 'fallback') found = at;
    }
    return found;
  }

  step(step: StepNode, frame: KeyFrame): void {
    const index = this.cursor;
    const visit = this.take(step);
    const use = stepContextUse(step);
    this.check(visit, use.reads, 'before', frame);
    if (step.uses !== undefined) this.check(visit, this.agentReads(step), 'before', frame);
    // A fallback sees what its step saw (failed attempts do not write to the context), so it runs
    // first, although it comes last in the visit list.
    let fallback: { frame: KeyFrame; end: number } | undefined;
    const fallbackAt = step.fallback && visit && this.fallbackIndex(index, visit.depth);
    if (step.fallback && fallbackAt !== undefined) {
      const resume = this.cursor;
      this.cursor = fallbackAt;
      const fallbackFrame = new KeyFrame(frame);
      this.step(step.fallback, fallbackFrame);
      fallback = { frame: fallbackFrame, end: this.cursor };
      this.cursor = resume;
    }
    const background = isBackgroundStep(step);
    const target = background ? new KeyFrame(frame) : frame;
    flowChildren(this, step, { visit, use }, target);
    this.ownProducts(step, visit, use, target);
    if (background) foldFrame(frame, target, inBackground, false);
    if (fallback && step.fallback) {
      this.cursor = fallback.end;
      const reason = fallbackReason(step.fallback.name, step.name);
      foldFrame(frame, fallback.frame, (entry) => someEntry(entry, reason));
    }
  }

  private ownProducts(
    step: StepNode,
    visit: StepVisit | undefined,
    use: StepContextUse,
    frame: KeyFrame,
  ): void {
    for (const product of use.products) this.add(frame, product.key, step.name);
    if (step.updates_context === true) {
      const merged = updatesContextKeys(step, visit && this.types.get(visit.path));
      for (const key of merged.certain) this.add(frame, key, step.name);
      for (const key of merged.some) {
        this.add(frame, key, step.name, someOutputsReason(step.name));
      }
      if (merged.unknown) frame.unknown = true;
    }
    if (use.unknownProducts) frame.unknown = true;
    if (use.mergedImport !== undefined) this.childContext(step, use.mergedImport, frame);
  }

  /** An import merging its whole child context writes what the child's steps write. */
  private childContext(step: StepNode, alias: string, frame: KeyFrame): void {
    this.usesImports = true;
    const child = this.context.imports.get(alias);
    if (child?.status !== 'loaded') {
      frame.unknown = true;
      return;
    }
    for (const inner of child.pipeline.steps) {
      const writes = subtreeWrites(inner);
      for (const { key } of writes.keys) this.add(frame, key, step.name);
      if (writes.unknown) frame.unknown = true;
    }
  }
}
