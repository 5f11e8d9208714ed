import type { CacheStep, StepNode } from '../../model';
import { applyStepOutput } from '../applyStepOutput';
import { LruCacheStore } from '../cache/lruCacheStore';
import { jsonClone } from '../checkpoint';
import { CancelledError } from '../errors';
import { Interrupt, isInterrupt } from '../interrupt';
import type { CacheStore } from '../runOptions';
import { coordinates, runStep } from '../runStep';
import type { StepResult } from '../runTypes';
import { cacheKey } from './cacheKey';
import { childWhere } from './childWhere';
import type { StepCall, StepOutcome } from './stepHandler';

/** The store of runs that pass no `options.cache`: shared by every run of this process. */
const defaultStore = new LruCacheStore();

/** Keys being computed right now, per store; settles (never rejects) when the computation ends. */
const inFlight = new WeakMap<CacheStore, Map<string, Promise<void>>>();

/**
 * `kind: cache` (FLUJO-SPEC §8.10): runs `wrapped_step` unless a successful result for the same step
 * fingerprint and input is stored. A hit returns a copy of it (`cache_hit: true`) and re-applies the
 * wrapped step's `updates_context`/`sink_to`; only successes are stored; concurrent identical calls
 * wait for the first one and then read its result.
 */
export async function runCacheStep(call: StepCall<CacheStep>): Promise<StepOutcome> {
  const { step, run } = call;
  const wrapped = step.wrapped_step;
  if (wrapped === undefined) {
    return {
      output: undefined,
      success: false,
      feedback: `Cache step '${step.name}' has no wrapped_step to run.`,
    };
  }
  const store = run.options.cache ?? defaultStore;
  const key = cacheKey(wrapped, run.pipeline, call.input);
  if (call.resume?.kind === 'wrapped') return runAndStore(call, wrapped, store, key);
  for (;;) {
    const stored = await store.get(key);
    if (stored !== undefined) return hit(call, wrapped, key, stored);
    const pending = pendingCalls(store).get(key);
    if (pending === undefined) break;
    await untilSettledOrAborted(pending, call.where.signal);
    if (call.where.signal.aborted) {
      throw new Interrupt('cancel', { error: new CancelledError('The run was cancelled.') });
    }
  }
  return runAndStore(call, wrapped, store, key);
}

async function runAndStore(
  call: StepCall<CacheStep>,
  wrapped: StepNode,
  store: CacheStore,
  key: string,
): Promise<StepOutcome> {
  const pending = pendingCalls(store);
  let settle: () => void = () => undefined;
  const mine = new Promise<void>((resolve) => {
    settle = resolve;
  });
  pending.set(key, mine);
  try {
    const inner = call.resume?.kind === 'wrapped' ? call.resume.inner : undefined;
    let result: StepResult;
    try {
      result = await runStep(wrapped, call.input, call.ctx, call.run, childWhere(call, {}), inner);
    } catch (error) {
      if (isInterrupt(error) && error.reason === 'pause' && error.stepCursor) {
        error.stepCursor = { kind: 'wrapped', inner: error.stepCursor };
      }
      throw error;
    }
    if (result.success) await store.set(key, result);
    return {
      output: result.output,
      success: result.success,
      ...(result.feedback === undefined ? {} : { feedback: result.feedback }),
      children: [result],
      metadata: { cache_hit: false, cache_key: key },
    };
  } finally {
    if (pending.get(key) === mine) pending.delete(key);
    settle();
  }
}

function hit(
  call: StepCall<CacheStep>,
  wrapped: StepNode,
  key: string,
  stored: StepResult,
): StepOutcome {
  const output = jsonClone(stored.output);
  const failure = applyStepOutput(wrapped, output, call.ctx);
  if (failure !== undefined) return { output, success: false, feedback: failure };
  call.run.emit({
    type: 'cache.hit',
    path: call.path,
    stepName: call.step.name,
    key,
    ...coordinates(call.where),
  });
  const where = childWhere(call, {});
  const child: StepResult = {
    name: stored.name,
    path: call.run.pathOf(wrapped),
    kind: stored.kind,
    output,
    success: true,
    attempts: stored.attempts,
    latencyMs: 0,
    tokens: 0,
    costUsd: 0,
    ...(stored.feedback === undefined ? {} : { feedback: stored.feedback }),
    metadata: { ...stored.metadata, cache_hit: true },
    children: stored.children,
    ...(where.iteration === undefined ? {} : { iteration: where.iteration }),
    ...(where.branch === undefined ? {} : { branch: where.branch }),
  };
  return {
    output,
    success: true,
    children: [child],
    metadata: { cache_hit: true, cache_key: key },
  };
}

function pendingCalls(store: CacheStore): Map<string, Promise<void>> {
  let calls = inFlight.get(store);
  if (calls === undefined) {
    calls = new Map();
    inFlight.set(store, calls);
  }
  return calls;
}

/** Waits for another call's computation, but no longer than this run wants to wait. */
function untilSettledOrAborted(pending: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    void pending.then(done);
  });
}
