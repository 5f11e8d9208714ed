import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunStore } from '../../core/store';
import type { ChannelHandlers, Envelope, HostEvent } from '../../shared';
import { validateRequest } from '../../shared';
import { documentHandlers } from './documents/documentHandlers';
import { DEFAULT_SAMPLES_DIR } from './documents/samples';
import { HostEventBus } from './hostEventBus';
import type { HostLogger } from './hostLogger';
import { consoleLogger } from './hostLogger';
import { isProcessAlive } from './isProcessAlive';
import { runHandlers } from './runs/runHandlers';
import { RunManager } from './runs/runManager';
import type { RunWorkerFactory } from './runs/runWorkerEntry';
import { createRunWorker } from './runs/runWorkerEntry';
import type { SecretStore } from './settings/secretStore';
import { settingsHandlers } from './settings/settingsHandlers';
import { settle } from './settle';
import { toHostError } from './toHostError';

/** Options of `createHost`. */
export interface HostOptions {
  /** The run database (the caller opens and closes it). */
  readonly store: RunStore;
  /** The folder the studio works in (browser mode refuses paths outside it). */
  readonly workspace?: string;
  /** A file to open at start. */
  readonly initialFile?: string;
  readonly mode: 'electron' | 'browser';
  readonly secrets: SecretStore;
  /** Per-user app-data folder (drafts live in `<appDataDir>/drafts`). */
  readonly appDataDir: string;
  readonly now?: () => number;
  /** Where the bundled example pipelines are (default: the repository's `examples/`). */
  readonly samplesDir?: string;
  readonly logger?: HostLogger;
  /** Starts run workers (tests inject failing ones). */
  readonly workerFactory?: RunWorkerFactory;
}

/** The host API every transport serves. */
export interface Host {
  /** One handler per channel (type-checked against the shared contract). */
  readonly handlers: ChannelHandlers;
  /** Validates and answers one request; never throws (errors come back as envelopes). */
  readonly dispatch: (channel: string, payload: unknown) => Promise<Envelope<unknown>>;
  /** Receives every host event (batched run events, run ends, HITL changes). */
  readonly subscribe: (listener: (event: HostEvent) => void) => () => void;
  /** Stops running workers (their runs end as cancelled). Does not close the store. */
  readonly close: () => Promise<void>;
}

const APP_VERSION = readVersion();

/**
 * The transport-agnostic host: documents, runs, settings, secrets and workspace trust behind the
 * shared channel contract. On start it marks runs left `running` by dead processes `interrupted`.
 */
export function createHost(options: HostOptions): Host {
  const { store, mode, workspace, initialFile } = options;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? consoleLogger;
  const bus = new HostEventBus((error) => {
    logger.warn(
      `A host event listener failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const scope = {
    mode,
    ...(workspace === undefined ? {} : { workspace: path.resolve(workspace) }),
  };
  store.recoverInterrupted(isProcessAlive, now());
  const runs = new RunManager({
    store,
    secrets: options.secrets,
    bus,
    scope,
    now,
    logger,
    workerFactory: options.workerFactory ?? createRunWorker,
  });
  const trustFolder =
    scope.workspace ??
    (initialFile === undefined ? undefined : path.dirname(path.resolve(initialFile)));
  const handlers: ChannelHandlers = {
    'app.info': () =>
      settle(() => ({
        mode,
        version: APP_VERSION,
        ...(scope.workspace === undefined ? {} : { workspace: scope.workspace }),
        ...(initialFile === undefined ? {} : { initialFile: path.resolve(initialFile) }),
      })),
    ...documentHandlers({
      scope,
      store,
      appDataDir: options.appDataDir,
      samplesDir: options.samplesDir ?? DEFAULT_SAMPLES_DIR,
      now,
      logger,
    }),
    ...settingsHandlers({ store, secrets: options.secrets, trustFolder }),
    ...runHandlers(store, runs),
  };
  const dispatch = async (channel: string, payload: unknown): Promise<Envelope<unknown>> => {
    const checked = validateRequest(channel, payload);
    if (!checked.ok) return { ok: false, error: checked.error };
    const handler = handlers[checked.channel] as (request: unknown) => Promise<unknown>;
    try {
      return { ok: true, result: await handler(checked.request) };
    } catch (error) {
      return { ok: false, error: toHostError(error) };
    }
  };
  return {
    handlers,
    dispatch,
    subscribe: (listener) => bus.subscribe(listener),
    close: () => runs.close(),
  };
}

function readVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
}
