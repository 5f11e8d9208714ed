import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { CancelledError, ConfigurationError, ExecutionError, TimeoutError } from '../../engine';
import type { SkillRunner } from '../../engine';
import { parseSkillRef, resolveSkillFile } from './resolveSkillFile';
import { SKILL_WORKER_SOURCE } from './skillWorkerSource';

/** Options of `createNodeSkillRunner`. */
export interface NodeSkillRunnerOptions {
  /** The folder holding `skills/` (the running YAML file's folder). */
  readonly baseDir: string;
  /** Longest a skill call (or an existence check) may take; the worker is terminated after it. */
  readonly timeoutMs?: number;
}

/** What the worker posts back (see skillWorkerSource.ts). */
type WorkerReply =
  | { readonly kind: 'ok'; readonly value: unknown }
  | { readonly kind: 'has'; readonly value: boolean }
  | { readonly kind: 'threw' | 'load-error' | 'not-cloneable'; readonly message: string }
  | { readonly kind: 'missing-export' };

interface WorkerJob {
  readonly ref: string;
  readonly file: string;
  readonly fn: string;
  readonly mode: 'has' | 'run';
  readonly input?: unknown;
  readonly context?: unknown;
  readonly signal?: AbortSignal;
}

/**
 * The engine's `SkillRunner` port for Node: each call runs in a fresh `worker_threads` Worker, so a
 * skill cannot block or crash the host, edits to a skill apply on the next call, and a timeout or an
 * abort ends it by terminating the worker. `has` loads the module in a worker too (parsing exports
 * would miss re-exports and computed ones) and remembers the answer per file version. Files are
 * resolved under `<baseDir>/skills` only.
 */
export function createNodeSkillRunner(options: NodeSkillRunnerOptions): SkillRunner {
  const { baseDir } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const checked = new Map<string, boolean>();
  return {
    has: async (ref) => {
      const parsed = parseSkillRef(ref);
      const file = await resolveSkillFile(baseDir, ref);
      if (parsed === undefined || file === undefined) return false;
      // The engine asks `has` before every call: remember answers until the file changes.
      const info = await stat(file);
      const key = [file, String(info.mtimeMs), String(info.size), parsed.fn].join('\u0000');
      const known = checked.get(key);
      if (known !== undefined) return known;
      const reply = await runWorker({ ref, file, fn: parsed.fn, mode: 'has' }, timeoutMs);
      const exists = reply.kind === 'has' && reply.value;
      checked.set(key, exists);
      return exists;
    },
    run: async (ref, call) => {
      const parsed = parseSkillRef(ref);
      if (parsed === undefined) {
        throw new ConfigurationError(`"${ref}" is not a skill reference.`, {
          suggestion: 'Write it as skills.<module>:<function> (a file under skills/).',
        });
      }
      const file = await resolveSkillFile(baseDir, ref);
      if (file === undefined) {
        throw new ConfigurationError(`The skill ${ref} was not found under ${baseDir}/skills.`, {
          suggestion: `Create skills/${parsed.modules[0]?.join('/') ?? ''}.mjs exporting ${parsed.fn}.`,
        });
      }
      const reply = await runWorker(
        {
          ref,
          file,
          fn: parsed.fn,
          mode: 'run',
          input: call.input,
          context: call.context,
          signal: call.signal,
        },
        timeoutMs,
      );
      switch (reply.kind) {
        case 'ok':
          return reply.value;
        case 'has':
          throw new ExecutionError(`The skill worker for ${ref} answered out of turn.`);
        case 'missing-export':
          throw new ConfigurationError(`${file} does not export a function ${parsed.fn}.`, {
            suggestion: `Add \`export function ${parsed.fn}(input, context) { … }\` to it.`,
          });
        case 'load-error':
          throw new ExecutionError(`The skill ${ref} could not be loaded: ${reply.message}`, {
            suggestion: `Fix ${file} so it imports cleanly.`,
          });
        case 'threw':
          throw new ExecutionError(`The skill ${ref} failed: ${reply.message}`);
        case 'not-cloneable':
          throw new ExecutionError(
            `The skill ${ref} returned a value that cannot be passed back (${reply.message}).`,
            {
              suggestion:
                'Return plain data: objects, arrays, strings, numbers, booleans, null (no functions or class instances with methods).',
            },
          );
        default:
          reply satisfies never;
          throw new ExecutionError(`The skill worker for ${ref} sent an unknown reply.`);
      }
    },
  };
}

/** Runs one job in a new worker; settles on its reply, its crash, the timeout or the abort. */
function runWorker(job: WorkerJob, timeoutMs: number): Promise<WorkerReply> {
  const { signal } = job;
  if (signal?.aborted === true) return Promise.reject(abortReason(signal));
  return new Promise<WorkerReply>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(SKILL_WORKER_SOURCE, {
        eval: true,
        workerData: {
          file: job.file,
          fn: job.fn,
          mode: job.mode,
          input: job.input,
          context: job.context,
        },
      });
    } catch (error) {
      reject(
        new ExecutionError(`The skill ${job.ref} could not start.`, {
          cause: error,
          suggestion: 'Its input and context must be plain data.',
        }),
      );
      return;
    }
    let settled = false;
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      settle();
    };
    const timer = setTimeout(() => {
      finish(() => {
        reject(
          new TimeoutError(`The skill ${job.ref} timed out after ${String(timeoutMs)} ms.`, {
            suggestion: 'Make the skill faster, or raise the skill timeout.',
          }),
        );
      });
    }, timeoutMs);
    const onAbort = (): void => {
      finish(() => {
        reject(signal === undefined ? new CancelledError('Cancelled.') : abortReason(signal));
      });
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: WorkerReply) => {
      finish(() => {
        resolve(reply);
      });
    });
    worker.once('error', (error) => {
      finish(() => {
        reject(
          new ExecutionError(`The skill ${job.ref} crashed: ${error.message}`, { cause: error }),
        );
      });
    });
    worker.once('exit', (code) => {
      finish(() => {
        reject(
          new ExecutionError(
            `The skill ${job.ref} exited (code ${String(code)}) without a result.`,
          ),
        );
      });
    });
  });
}

/** The abort's reason when it is an Error (the engine aborts with a TimeoutError or CancelledError). */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new CancelledError('The skill call was cancelled.');
}
