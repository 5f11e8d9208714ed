import type { Pipeline, StepNode } from '../model';
import { listSteps } from '../model';
import type { Frame } from './frame';
import { Replay } from './replay';
import type { RunEvent } from './runEvent';
import type { EnginePorts, RunOptions } from './runOptions';
import type { Usage } from './runTypes';

/** Distributive Omit over the event union: an event as handlers write it (the run stamps the rest). */
export type EventDraft = RunEvent extends infer E
  ? E extends RunEvent
    ? Omit<E, 'runId' | 'seq' | 'at'>
    : never
  : never;

/** Where a step runs: its ancestors' frames (for the debugger) and its loop/branch coordinates. */
export interface Where {
  readonly frames: readonly Frame[];
  readonly iteration?: number;
  readonly branch?: string;
  readonly signal: AbortSignal;
  /** The YAML file of the pipeline this step belongs to (differs inside imports). */
  readonly file?: string;
  /** Budgets this step counts against, outermost (the run's) first. */
  readonly meters: readonly UsageMeter[];
  /** Set while running a fallback: one attempt only (FLUJO-SPEC §8.2). */
  readonly inFallback?: boolean;
}

/** A cost/token budget and what was used against it (the run's, or a step's `usage_limits`). */
export interface UsageMeter {
  /** Who set it, for messages: `the run` or `step 'x'`. */
  readonly owner: string;
  readonly maxCostUsd?: number;
  readonly maxTokens?: number;
  costUsd: number;
  tokens: number;
}

/** Step paths per pipeline object: pipelines are immutable values, so every run can share them. */
const pathsByPipeline = new WeakMap<Pick<Pipeline, 'steps'>, WeakMap<StepNode, string>>();

function pipelinePaths(pipeline: Pick<Pipeline, 'steps'>): WeakMap<StepNode, string> {
  let paths = pathsByPipeline.get(pipeline);
  if (paths === undefined) {
    paths = new WeakMap();
    for (const visit of listSteps(pipeline)) paths.set(visit.step, visit.path);
    pathsByPipeline.set(pipeline, paths);
  }
  return paths;
}

/** Run-wide state shared by every step handler of one run. */
export class RunState {
  readonly runId: string;
  readonly pipeline: Pipeline;
  readonly options: RunOptions;
  readonly ports: EnginePorts;
  readonly controller: AbortController;
  /** The run-level meter (every step counts against it). */
  readonly meter: UsageMeter;
  /** The human answer a resumed run hands to the paused HITL step (consumed once). */
  resumeAnswer: { readonly value: unknown } | undefined;
  /** Run from here: replays steps before the start step from an earlier run. */
  readonly replay: Replay | undefined;
  /** Background tasks still running; the run waits for them before it ends. */
  readonly background: Promise<void>[] = [];
  private seq = 0;
  /** Step paths of the run's pipeline (shared by every run of the same pipeline object). */
  private readonly paths: WeakMap<StepNode, string>;
  /** Step paths indexed during this run (import children), over `paths`. */
  private extraPaths: WeakMap<StepNode, string> | undefined;
  private readonly listener: ((event: RunEvent) => void) | undefined;
  /** False when nobody listens: callers may skip building event drafts. */
  readonly emitting: boolean;

  constructor(
    runId: string,
    pipeline: Pipeline,
    options: RunOptions,
    ports: EnginePorts,
    startSeq = 0,
  ) {
    this.runId = runId;
    this.pipeline = pipeline;
    this.options = options;
    this.ports = ports;
    this.seq = startSeq;
    this.controller = new AbortController();
    this.listener = options.onEvent;
    this.emitting = options.onEvent !== undefined;
    this.resumeAnswer = options.resumeAnswer;
    this.replay =
      options.from === undefined || options.checkpoint !== undefined
        ? undefined
        : new Replay(options.from);
    this.meter = {
      owner: 'the run',
      costUsd: 0,
      tokens: 0,
      ...(options.limits?.totalCostUsd === undefined
        ? {}
        : { maxCostUsd: options.limits.totalCostUsd }),
      ...(options.limits?.totalTokens === undefined
        ? {}
        : { maxTokens: options.limits.totalTokens }),
    };
    this.paths = pipelinePaths(pipeline);
  }

  /** Records the step paths of `pipeline` (an import's child gets `prefix`) for this run. */
  indexPaths(pipeline: Pick<Pipeline, 'steps'>, prefix: string): void {
    const extra = (this.extraPaths ??= new WeakMap());
    for (const visit of listSteps(pipeline)) extra.set(visit.step, prefix + visit.path);
  }

  /** The step path of a step of this run (or of an import child indexed with its prefix). */
  pathOf(step: StepNode): string {
    return this.extraPaths?.get(step) ?? this.paths.get(step) ?? step.name;
  }

  /**
   * Stamps `draft` with run id, sequence number and time, and emits it. The draft becomes the event
   * (no copy: this runs several times per step), so pass a fresh object and do not reuse it.
   */
  emit(draft: EventDraft): void {
    const listener = this.listener;
    if (listener === undefined) return;
    const event = draft as EventDraft & { runId: string; seq: number; at: number };
    event.runId = this.runId;
    event.seq = ++this.seq;
    event.at = this.ports.now();
    listener(event);
  }

  /** Usage of the whole run so far. */
  get usage(): Usage {
    return { costUsd: this.meter.costUsd, tokens: this.meter.tokens };
  }

  /** The sequence number of the last event emitted. */
  get lastSeq(): number {
    return this.seq;
  }
}
