export { createHost } from './createHost';
export type { Host, HostOptions } from './createHost';
export { HostFailure } from './hostFailure';
export type { HostLogger } from './hostLogger';
export { createEnvSecretStore, SECRET_PROVIDERS } from './settings/secretStore';
export type { SecretProvider, SecretStore } from './settings/secretStore';
export { createRunWorker, runWorkerEntry } from './runs/runWorkerEntry';
export type { RunWorkerFactory, RunWorkerHandle } from './runs/runWorkerEntry';
export type { RunWorkerData } from './runs/workerProtocol';
