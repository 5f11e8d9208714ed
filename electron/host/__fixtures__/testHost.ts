import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunStore } from '../../../core/store';
import { createMemoryRunStore } from '../../../core/store';
import type { ChannelName, ChannelResponse, Envelope, HostEvent } from '../../../shared';
import type { Host, HostOptions } from '../createHost';
import { createHost } from '../createHost';
import { createEnvSecretStore } from '../settings/secretStore';

/** A host over a memory store and temp folders, recording its events and warnings. */
export interface TestHost {
  readonly host: Host;
  readonly store: RunStore;
  readonly dir: string;
  readonly events: HostEvent[];
  readonly warnings: string[];
  /** Calls a channel and returns its result; a failed envelope throws with its code. */
  readonly call: <C extends ChannelName>(channel: C, payload: unknown) => Promise<ChannelResponse<C>>;
  /** Resolves with the first event (already received or later) that matches. */
  readonly waitFor: (match: (event: HostEvent) => boolean, timeoutMs?: number) => Promise<HostEvent>;
  readonly dispose: () => Promise<void>;
}

/** Starts a test host; `overrides` replace the defaults (workspace = the temp folder). */
export async function startTestHost(overrides: Partial<HostOptions> = {}): Promise<TestHost> {
  const dir = await mkdtemp(path.join(tmpdir(), 'flujo-host-'));
  const store = overrides.store ?? createMemoryRunStore();
  const events: HostEvent[] = [];
  const warnings: string[] = [];
  const waiters: { match: (event: HostEvent) => boolean; resolve: (event: HostEvent) => void }[] = [];
  const host = createHost({
    store,
    mode: 'browser',
    workspace: dir,
    secrets: createEnvSecretStore({}),
    appDataDir: path.join(dir, '.appdata'),
    logger: { warn: (message) => warnings.push(message) },
    ...overrides,
  });
  host.subscribe((event) => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.match(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  });
  const call = async <C extends ChannelName>(channel: C, payload: unknown) => {
    const envelope: Envelope<unknown> = await host.dispatch(channel, payload);
    if (!envelope.ok) {
      throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    }
    return envelope.result as ChannelResponse<C>;
  };
  const waitFor = (match: (event: HostEvent) => boolean, timeoutMs = 30_000) => {
    const seen = events.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<HostEvent>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`No matching host event within ${String(timeoutMs)} ms`));
      }, timeoutMs);
      waiters.push({
        match,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      });
    });
  };
  return {
    host,
    store,
    dir,
    events,
    warnings,
    call,
    waitFor,
    dispose: async () => {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Whether an event is the end of `runId`. */
export function runEnded(runId: string) {
  return (event: HostEvent): boolean => event.type === 'run.ended' && event.runId === runId;
}
