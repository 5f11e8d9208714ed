// Entry of a run worker (see runWorkerEntry.ts for how it is started). Executes one run — a start or
// a resume — and posts its events in batches, then the result. Runs off the host's event loop so
// the host stays responsive while a pipeline runs.
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { RunOptions, RunResult } from '../../../core/engine';
import {
  executePipeline,
  FlujoError,
  resumePipeline,
  toFlujoErrorData,
} from '../../../core/engine';
import type { DebugSession } from '../../../core/engine/debug';
import { createDebugSession } from '../../../core/engine/debug';
import { parsePipelineYaml } from '../../../core/yaml';
import { createEventBatcher } from './eventBatcher';
import { filePipelineLoader } from './filePipelineLoader';
import { trustGatedSkills } from './trustGatedSkills';
import type { HostToWorker, RunWorkerData, WorkerToHost } from './workerProtocol';

function post(port: MessagePort, message: WorkerToHost): void {
  port.postMessage(message);
}

function runOptions(
  data: RunWorkerData,
  onEvent: RunOptions['onEvent'],
  signal: AbortSignal,
  debug: DebugSession | undefined,
): RunOptions {
  const { providers, pricing, strictPricing } = data.settings;
  const endpoint = (baseUrl: string | undefined, apiKey: string | undefined) => ({
    baseUrl: baseUrl ?? '',
    ...(apiKey === undefined ? {} : { apiKey }),
  });
  const skills = trustGatedSkills(data.skills);
  return {
    runId: data.runId,
    ...(data.context === undefined ? {} : { context: data.context }),
    ...(data.limits === undefined ? {} : { limits: data.limits }),
    ...(data.mocks === undefined ? {} : { mocks: data.mocks }),
    ...(data.from === undefined
      ? {}
      : { from: { path: data.from.path, baseRun: { steps: data.from.baseSteps } } }),
    ...(data.file === undefined ? {} : { file: data.file }),
    ...(skills === undefined ? {} : { skills }),
    ...(debug === undefined ? {} : { debug }),
    pricing,
    strictPricing,
    agents: {
      settings: {
        openai: endpoint(providers.openai?.baseUrl, data.apiKeys.openai),
        anthropic: endpoint(providers.anthropic?.baseUrl, data.apiKeys.anthropic),
      },
    },
    loader: filePipelineLoader,
    onEvent,
    signal,
  };
}

function handleCommand(
  message: HostToWorker,
  controller: AbortController,
  debug: DebugSession | undefined,
): void {
  switch (message.type) {
    case 'cancel':
      debug?.cancel();
      controller.abort();
      return;
    case 'debug':
      debug?.[message.command]();
      return;
    case 'editFrame':
      debug?.editFrame({
        ...(message.input === undefined ? {} : { input: message.input }),
        ...(message.context === undefined ? {} : { context: message.context }),
      });
      return;
    case 'setBreakpoints':
      debug?.setBreakpoints(message.breakpoints);
      return;
    default:
      message satisfies never;
  }
}

async function main(port: MessagePort, data: RunWorkerData): Promise<void> {
  const parsed = parsePipelineYaml(data.text, data.file === undefined ? {} : { file: data.file });
  if (parsed.pipeline === undefined) {
    post(port, {
      type: 'refused',
      error: { code: 'ValidationError', message: 'The run text is not a pipeline.' },
    });
    return;
  }
  const batcher = createEventBatcher((events) => {
    post(port, { type: 'events', events });
  });
  const controller = new AbortController();
  const debug = data.debug ? createDebugSession(data.debug) : undefined;
  port.on('message', (message: HostToWorker) => {
    try {
      handleCommand(message, controller, debug);
    } catch (error) {
      post(port, { type: 'commandFailed', error: toFlujoErrorData(error) });
    }
  });
  const options = runOptions(data, batcher.push, controller.signal, debug);
  let result: RunResult;
  try {
    result =
      data.mode === 'start'
        ? await executePipeline(parsed.pipeline, { ...options, input: data.input })
        : await resumePipeline(parsed.pipeline, data.checkpoint, data.answer, options);
  } catch (error) {
    batcher.flush();
    if (!(error instanceof FlujoError)) throw error;
    post(port, { type: 'refused', error: error.toData() });
    return;
  }
  batcher.flush();
  post(port, { type: 'result', result });
}

if (parentPort !== null) {
  const port = parentPort;
  await main(port, workerData as RunWorkerData);
  // Nothing is left to do: let the worker exit once its messages are out.
  port.unref();
}
