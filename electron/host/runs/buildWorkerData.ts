import path from 'node:path';
import type { RunStore } from '../../../core/store';
import type { SecretStore } from '../settings/secretStore';
import { readStoredSettings } from '../settings/studioSettings';
import { isFolderTrusted } from '../settings/workspaceTrust';
import type { RunLaunchRecord } from './runLaunchRecord';
import type { RunWorkerData } from './workerProtocol';

/** The part of `workerData` shared by starting and resuming a run. */
export type CommonWorkerData = Omit<
  RunWorkerData,
  'mode' | 'input' | 'debug' | 'checkpoint' | 'answer'
>;

/**
 * What a run worker needs besides its mode: the launch record, the current settings, the API keys
 * (read now, so a key set after a pause applies to the resumed run) and the skills folder with
 * its trust.
 */
export async function buildWorkerData(
  services: { readonly store: RunStore; readonly secrets: SecretStore },
  runId: string,
  record: RunLaunchRecord,
): Promise<CommonWorkerData> {
  const { store, secrets } = services;
  const openai = await secrets.get('openai');
  const anthropic = await secrets.get('anthropic');
  const baseDir = record.file === undefined ? undefined : path.dirname(record.file);
  const { context, limits, mocks, from } = record.options;
  const baseSteps = from === undefined ? undefined : store.readStepResults(from.baseRunId);
  return {
    runId,
    text: record.text,
    ...(record.file === undefined ? {} : { file: record.file }),
    ...(context === undefined ? {} : { context }),
    ...(limits === undefined ? {} : { limits }),
    ...(mocks === undefined ? {} : { mocks }),
    ...(from === undefined || baseSteps === undefined
      ? {}
      : { from: { path: from.path, baseSteps } }),
    settings: readStoredSettings(store),
    apiKeys: {
      ...(openai === undefined ? {} : { openai }),
      ...(anthropic === undefined ? {} : { anthropic }),
    },
    ...(baseDir === undefined
      ? {}
      : { skills: { baseDir, trusted: isFolderTrusted(store, baseDir) } }),
  };
}
