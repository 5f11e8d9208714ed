import type { PlainStep } from '../../model';
import { resolveInvoker } from '../agentInvoker';
import type { InvokeResult } from '../agentInvoker';
import { attemptSignal } from '../attemptSignal';
import {
  CancelledError,
  ConfigurationError,
  describeCause,
  FlujoError,
  PricingNotConfigured,
  toFlujoErrorData,
} from '../errors';
import { Interrupt, isInterrupt } from '../interrupt';
import { coordinates } from '../runStep';
import type { Usage } from '../runTypes';
import { chargeUsage, withStepMeter } from '../usageGovernor';
import { humanInput } from './humanInput';
import { normalizeOutput } from './normalizeOutput';
import { runPlugins } from './plugins';
import { renderStepInput } from './renderStepInput';
import { runFallback } from './runFallback';
import { runImportStep } from './importStep';
import type { StepCall, StepOutcome } from './stepHandler';
import { checkValidators } from './validators';

/**
 * `kind: step` (FLUJO-SPEC §8.2–8.4): attempts = `max_retries + 1` (one in a fallback, or with
 * plugins and no fallback), each on an isolated context with the input rendered anew and an optional
 * timeout; plugins may fail an attempt or replace the output; validators end the step after one
 * attempt (DECISIONS 6); then the fallback, if any. Import steps go to their handler.
 */
export async function runPlainStep(call: StepCall<PlainStep>): Promise<StepOutcome> {
  if (call.step.uses?.trim().startsWith('imports.') === true) return runImportStep(call);
  const { step, run, path } = call;
  const where = withStepMeter(call.where, step);
  const invoker = resolveInvoker(step, path, run);
  if (invoker instanceof FlujoError)
    return runFallback(call, failure(invoker, 1, { costUsd: 0, tokens: 0 }), where);
  if (invoker.kind === 'human') return askUser(call);
  // Flujo forces one attempt for a fallback, and for a step with plugins but no fallback.
  const singleAttempt =
    where.inFallback === true ||
    (step.plugins !== undefined && step.plugins.length > 0 && step.fallback === undefined);
  const maxAttempts = singleAttempt ? 1 : Math.max(1, (step.config?.max_retries ?? 1) + 1);
  const timeoutS = step.config?.timeout_s ?? step.config?.timeout;
  let usage: Usage = { costUsd: 0, tokens: 0 };
  let lastError: unknown;
  let attempts = 0;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    attempts = attempt;
    if (attempt > 1) {
      run.emit({
        type: 'step.retrying',
        path,
        stepName: step.name,
        attempt,
        reason: describeCause(lastError),
        ...coordinates(where),
      });
    }
    run.emit({ type: 'step.attempt', path, stepName: step.name, attempt, ...coordinates(where) });
    const tx = call.ctx.begin();
    const signal = attemptSignal(where.signal, timeoutS, step.name);
    try {
      const input = renderStepInput(step, call.input, tx.value);
      if (!input.ok)
        throw new ConfigurationError(input.message, {
          suggestion: 'Fix the template; the validator shows where.',
        });
      const invocation = invoker.invoke({
        input: input.value,
        ctx: tx,
        signal: signal.signal,
        onChunk: (text) => {
          run.emit({
            type: 'step.chunk',
            path,
            stepName: step.name,
            text,
            ...coordinates(where),
          });
        },
      });
      const result: InvokeResult =
        timeoutS !== undefined && timeoutS > 0
          ? await Promise.race([invocation, signal.timedOut])
          : await invocation;
      if (result.usage) {
        usage = {
          costUsd: usage.costUsd + result.usage.costUsd,
          tokens: usage.tokens + result.usage.tokens,
        };
        const breach = chargeUsage(run, where, step, path, result.usage);
        if (breach) {
          tx.commit();
          throw new Interrupt('usage', {
            error: breach,
            outcome: {
              output: result.output,
              success: false,
              feedback: breach.message,
              usage,
              attempts,
              metadata: { exit_reason: 'usage_limit_exceeded' },
            },
          });
        }
      }
      const normalized = normalizeOutput(step, result.output);
      const output =
        step.plugins === undefined
          ? normalized
          : await runPlugins(step, normalized, tx, run, signal.signal);
      const invalid =
        step.validators === undefined
          ? undefined
          : await checkValidators(step, output, tx, run, signal.signal);
      if (invalid !== undefined) {
        tx.rollback();
        const validationFailure: StepOutcome = {
          output,
          success: false,
          feedback: `Validation failed: ${invalid}`,
          attempts,
          usage,
          metadata: { validation_failure: invalid },
        };
        return await runFallback(call, validationFailure, where);
      }
      tx.commit();
      return {
        output,
        success: true,
        attempts,
        usage,
        ...(result.metadata === undefined ? {} : { metadata: result.metadata }),
      };
    } catch (error) {
      if (isInterrupt(error)) throw error;
      tx.rollback();
      if (where.signal.aborted) {
        throw new Interrupt('cancel', { error: new CancelledError('The run was cancelled.') });
      }
      lastError = error;
      if (error instanceof ConfigurationError || error instanceof PricingNotConfigured) break;
    } finally {
      signal.dispose();
    }
  }
  return runFallback(call, failure(lastError, attempts, usage), where);
}

/** `flujo.builtins.ask_user`: the rendered step input is the question, shown verbatim. */
function askUser(call: StepCall<PlainStep>): Promise<StepOutcome> {
  const input = renderStepInput(call.step, call.input, call.ctx.value);
  if (!input.ok) {
    const error = new ConfigurationError(input.message, {
      suggestion: 'Fix the template; the validator shows where.',
    });
    return Promise.resolve(failure(error, 1, { costUsd: 0, tokens: 0 }));
  }
  const question = input.value;
  if (question === undefined || question === null || question === '')
    return humanInput(call, undefined);
  return humanInput(call, typeof question === 'string' ? question : JSON.stringify(question), {
    literal: true,
  });
}

function failure(error: unknown, attempts: number, usage: Usage): StepOutcome {
  const data = toFlujoErrorData(error);
  return {
    output: undefined,
    success: false,
    feedback: data.message,
    attempts,
    usage,
    metadata: { error: data },
  };
}
