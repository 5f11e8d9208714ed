import { randomUUID } from 'node:crypto';
import type { FlujoErrorData, RunEvent, RunResult, Usage } from '../../../core/engine';
import { NO_USAGE } from '../../../core/engine/runTypes';
import { EventWriter } from '../../../core/node/sqlite/eventWriter';
import type { RunStore } from '../../../core/store';
import type { ChannelRequest } from '../../../shared';
import type { DocumentScope } from '../documents/documentPaths';
import { resolveDocumentPath } from '../documents/documentPaths';
import type { HostEventBus } from '../hostEventBus';
import { HostFailure } from '../hostFailure';
import type { HostLogger } from '../hostLogger';
import type { SecretStore } from '../settings/secretStore';
import { checkHitlAnswer } from './checkHitlAnswer';
import { preparePipeline } from './preparePipeline';
import type { RunLaunchRecord } from './runLaunchRecord';
import { readLaunchRecord, saveLaunchRecord } from './runLaunchRecord';
import type { RunWorkerFactory, RunWorkerHandle } from './runWorkerEntry';
import { buildWorkerData } from './buildWorkerData';
import type { HostToWorker, RunWorkerData, WorkerToHost } from './workerProtocol';

/** What the run manager needs from the host. */
export interface RunManagerServices {
  readonly store: RunStore;
  readonly secrets: SecretStore;
  readonly bus: HostEventBus;
  readonly scope: DocumentScope;
  readonly now: () => number;
  readonly logger: HostLogger;
  readonly workerFactory: RunWorkerFactory;
}

/** A run executing in a worker of this host. */
interface ActiveRun {
  readonly runId: string;
  readonly worker: RunWorkerHandle;
  readonly writer: EventWriter;
  ended: boolean;
  lastSeq: number;
  usage: Usage;
}

/**
 * Starts runs (and resumes paused ones) in worker threads, stores their events in batches,
 * forwards each batch to subscribers, records how each run ended, and relays debugger commands.
 */
export class RunManager {
  private readonly active = new Map<string, ActiveRun>();

  constructor(private readonly services: RunManagerServices) {}

  /** Validates the document, records the run and starts it in a worker; returns its id. */
  async start(request: ChannelRequest<'runs.start'>): Promise<string> {
    const { store, now } = this.services;
    if (request.from !== undefined && store.readStepResults(request.from.baseRunId).length === 0) {
      throw new HostFailure(
        'NotFound',
        `The earlier run ${request.from.baseRunId} has no recorded step results to start from.`,
        'Run the whole pipeline once, then use "Run from here".',
      );
    }
    const file =
      request.file === undefined
        ? undefined
        : resolveDocumentPath(this.services.scope, request.file);
    const pipeline = preparePipeline(request.text, file);
    const runId = randomUUID();
    const record: RunLaunchRecord = {
      text: request.text,
      ...(file === undefined ? {} : { file }),
      options: {
        ...(request.context === undefined ? {} : { context: request.context }),
        ...(request.limits === undefined ? {} : { limits: request.limits }),
        ...(request.mocks === undefined ? {} : { mocks: request.mocks }),
        ...(request.debug === undefined ? {} : { debug: request.debug }),
        ...(request.from === undefined ? {} : { from: request.from }),
      },
    };
    const data = await buildWorkerData(this.services, runId, record);
    store.createRun({
      runId,
      pipelineName: pipeline.name ?? 'pipeline',
      ...(file === undefined ? {} : { file }),
      input: request.input,
      status: 'running',
      startedAt: now(),
      pid: process.pid,
    });
    saveLaunchRecord(store, runId, record);
    this.launch(runId, {
      ...data,
      mode: 'start',
      input: request.input,
      ...(request.debug === undefined ? {} : { debug: request.debug }),
    });
    return runId;
  }

  /** Answers a pending HITL request (exactly once) and resumes its run in a new worker. */
  async answer(requestId: string, answer: unknown): Promise<string> {
    const { store, bus, now } = this.services;
    const stored = store.getHitl(requestId);
    if (stored === undefined) {
      throw new HostFailure('NotFound', `There is no human-input request with id ${requestId}.`);
    }
    if (stored.status === 'answered') throw alreadyAnswered();
    const record = readLaunchRecord(store, stored.runId);
    if (record === undefined) {
      throw new HostFailure(
        'NotResumable',
        `Run ${stored.runId} was not started by the studio, so its pipeline text is not stored here.`,
        `Resume it with \`flujo-studio runs resume ${stored.runId}\`.`,
      );
    }
    checkHitlAnswer(preparePipeline(record.text, record.file), stored, answer);
    const data = await buildWorkerData(this.services, stored.runId, record);
    // The store's conditional update decides: of two racing answers only the first gets through.
    const answered = store.answerHitl({ requestId }, answer, { at: now(), pid: process.pid });
    if (!answered.ok) {
      if (answered.reason === 'already-answered') throw alreadyAnswered();
      throw new HostFailure('NotFound', `There is no human-input request with id ${requestId}.`);
    }
    bus.emit({ type: 'hitl.changed' });
    const debug = record.options.debug;
    this.launch(stored.runId, {
      ...data,
      mode: 'resume',
      checkpoint: answered.checkpoint,
      answer,
      ...(debug === undefined ? {} : { debug: { ...debug, pauseOnStart: false } }),
    });
    return stored.runId;
  }

  /**
   * Cancels a run: a running one through its worker; one paused for a human answer (no worker) by
   * closing its pending request (answered once, with `{ cancelled: true }`) and recording it cancelled.
   */
  cancel(runId: string): void {
    const run = this.active.get(runId);
    if (run !== undefined && !run.ended) {
      run.worker.postMessage({ type: 'cancel' });
      return;
    }
    const { store, bus, now } = this.services;
    const stored = store.getRun(runId);
    const pending = store.listPendingHitl(runId)[0];
    if (stored?.status !== 'paused' || pending === undefined) {
      throw new HostFailure(
        'RunNotActive',
        `Run ${runId} is not running or waiting for an answer in this studio.`,
        'Only a running, debug-paused or HITL-paused run can be cancelled.',
      );
    }
    const answered = store.answerHitl(
      { requestId: pending.requestId },
      { cancelled: true },
      { at: now() },
    );
    if (!answered.ok) throw alreadyAnswered();
    store.finishRun(runId, 'cancelled', {
      usage: stored.usage ?? { costUsd: 0, tokens: 0 },
      endedAt: now(),
    });
    bus.emit({ type: 'hitl.changed' });
    bus.emit({ type: 'run.ended', runId, status: 'cancelled' });
  }

  /** Relays a debugger command or a cancellation to a run's worker. */
  send(runId: string, message: HostToWorker): void {
    const run = this.active.get(runId);
    if (run === undefined || run.ended) {
      throw new HostFailure(
        'RunNotActive',
        `Run ${runId} is not running in this studio.`,
        'Only a running (or debug-paused) run can be stepped or cancelled.',
      );
    }
    run.worker.postMessage(message);
  }

  /** Stops every running worker; their runs are recorded as cancelled. */
  async close(): Promise<void> {
    const runs = [...this.active.values()];
    await Promise.all(
      runs.map(async (run) => {
        this.end(run, { status: 'cancelled', usage: run.usage });
        await run.worker.terminate();
      }),
    );
  }

  private launch(runId: string, data: RunWorkerData): void {
    const { store, logger } = this.services;
    const writer = new EventWriter(store, {
      onError: (error, events) => {
        logger.warn(
          `Could not store ${String(events.length)} events of run ${runId}: ${messageOf(error)}`,
        );
      },
    });
    const worker = this.services.workerFactory(data);
    const run: ActiveRun = { runId, worker, writer, ended: false, lastSeq: 0, usage: NO_USAGE };
    this.active.set(runId, run);
    worker.on('message', (message) => {
      this.onMessage(run, message as WorkerToHost);
    });
    worker.on('error', (error) => {
      this.crash(run, error.message);
    });
    worker.on('exit', (code) => {
      this.crash(run, `it exited (code ${String(code)}) before the run finished`);
    });
  }

  private onMessage(run: ActiveRun, message: WorkerToHost): void {
    switch (message.type) {
      case 'events':
        this.forward(run, message.events);
        return;
      case 'result':
        this.finish(run, message.result);
        return;
      case 'refused':
        this.end(run, { status: 'failed', error: message.error, usage: run.usage });
        return;
      case 'commandFailed':
        this.services.logger.warn(
          `A debugger command for run ${run.runId} failed: ${message.error.message}`,
        );
        return;
      default:
        message satisfies never;
    }
  }

  private forward(run: ActiveRun, events: readonly RunEvent[]): void {
    if (run.ended || events.length === 0) return;
    for (const event of events) {
      if (event.type === 'usage.updated') run.usage = event.total;
    }
    run.lastSeq = events[events.length - 1]?.seq ?? run.lastSeq;
    run.writer.pushAll(events);
    this.flushEvents(run);
    this.services.bus.emit({ type: 'run.events', runId: run.runId, events });
  }

  private flushEvents(run: ActiveRun): void {
    try {
      run.writer.flush();
    } catch (error) {
      // The writer's onError has already logged which events were lost; the run goes on.
      if (!(error instanceof Error)) throw error;
    }
  }

  private finish(run: ActiveRun, result: RunResult): void {
    if (run.ended) return;
    const { store } = this.services;
    this.persist(run, () => {
      store.saveStepResults(run.runId, result.steps);
    });
    if (result.status === 'paused' && result.checkpoint !== undefined) {
      const checkpoint = result.checkpoint;
      run.ended = true;
      this.active.delete(run.runId);
      this.flushEvents(run);
      this.persist(run, () => store.savePause(run.runId, checkpoint));
      this.services.bus.emit({ type: 'hitl.changed' });
      this.services.bus.emit({ type: 'run.ended', runId: run.runId, status: 'paused' });
      void run.worker.terminate();
      return;
    }
    this.end(run, {
      status: result.status,
      usage: result.usage,
      ...(result.output === undefined ? {} : { output: result.output }),
      ...(result.error === undefined ? {} : { error: result.error }),
    });
  }

  /** A worker that died without a result: the run fails, its events so far are kept. */
  private crash(run: ActiveRun, reason: string): void {
    if (run.ended) return;
    const error: FlujoErrorData = {
      code: 'ExecutionError',
      message: `The run's worker stopped unexpectedly: ${reason}.`,
      suggestion: 'Run it again; if it keeps happening, report it with the run id.',
    };
    this.forward(run, [
      {
        type: 'run.failed',
        runId: run.runId,
        seq: run.lastSeq + 1,
        at: this.services.now(),
        path: '',
        error,
        usage: run.usage,
      },
    ]);
    this.end(run, { status: 'failed', error, usage: run.usage });
  }

  private end(
    run: ActiveRun,
    outcome: {
      readonly status: 'succeeded' | 'failed' | 'cancelled' | 'paused';
      readonly usage: Usage;
      readonly output?: unknown;
      readonly error?: FlujoErrorData;
    },
  ): void {
    if (run.ended) return;
    run.ended = true;
    this.active.delete(run.runId);
    this.flushEvents(run);
    const { status, ...summary } = outcome;
    this.persist(run, () => {
      this.services.store.finishRun(run.runId, status, {
        ...summary,
        endedAt: this.services.now(),
      });
    });
    this.services.bus.emit({ type: 'run.ended', runId: run.runId, status });
    void run.worker.terminate();
  }

  private persist(run: ActiveRun, write: () => unknown): void {
    try {
      write();
    } catch (error) {
      this.services.logger.warn(
        `Could not record the end of run ${run.runId}: ${messageOf(error)}`,
      );
    }
  }
}

function alreadyAnswered(): HostFailure {
  return new HostFailure(
    'AlreadyAnswered',
    'This request was already answered.',
    'Open the run to see the answer it got; each request is answered once.',
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
