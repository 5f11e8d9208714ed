import type { StepNode } from '../model';
import {
  bindSkillArguments,
  findBuiltinSkill,
  HUMAN_INPUT_BUILTIN,
  SkillError,
  UNAVAILABLE_BUILTINS,
} from '../agents/builtins';
import type { SkillContext } from '../agents/builtins';
import { callDeclaredAgent, DEFAULT_PRICING, mergePricing } from '../agents/llm';
import { contextPathSegments } from './context/contextPath';
import type { ContextTx } from './context/contextTx';
import { ConfigurationError, ExecutionError, FlujoError } from './errors';
import type { RunState } from './runState';
import type { Usage } from './runTypes';

/** One call of a step's agent on one attempt. */
export interface InvokeCall {
  readonly input: unknown;
  readonly ctx: ContextTx;
  readonly signal: AbortSignal;
  readonly onChunk?: (text: string) => void;
}

/** What an agent call produced. */
export interface InvokeResult {
  readonly output: unknown;
  readonly usage?: Usage;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** How a plain step produces its output. `human` asks for human input (a HITL pause). */
export type Invoker =
  | {
      readonly kind: 'call';
      readonly label: string;
      readonly invoke: (call: InvokeCall) => Promise<InvokeResult>;
    }
  | { readonly kind: 'human' };

/**
 * Resolves what a plain step runs: a mocked output, a built-in, a declared agent, a JS skill (also as
 * a stand-in for a Python path), or a pass-through when the step names nothing. An agent that cannot
 * be resolved is a ConfigurationError (DECISIONS 1, 9), never a silent pass-through.
 */
export function resolveInvoker(step: StepNode, path: string, run: RunState): Invoker | FlujoError {
  const mocks = run.options.mocks;
  if (mocks !== undefined && Object.hasOwn(mocks, path)) {
    const output = mocks[path];
    return {
      kind: 'call',
      label: 'mock',
      invoke: () => Promise.resolve({ output, metadata: { mocked: true } }),
    };
  }
  if (step.uses !== undefined) return resolveUses(step, step.uses.trim(), run);
  const agent = step.agent;
  if (agent === undefined) return PASSTHROUGH;
  if (typeof agent === 'string') return resolveReference(step, agent.trim(), undefined, run);
  if ('id' in agent) return resolveReference(step, agent.id.trim(), agent.params, run);
  return resolveReference(step, agent.path.trim(), undefined, run);
}

/** A step that names no agent returns its (rendered) input; one shared invoker for all of them. */
const PASSTHROUGH: Invoker = {
  kind: 'call',
  label: 'passthrough',
  invoke: (call) => Promise.resolve({ output: call.input }),
};

function resolveUses(step: StepNode, uses: string, run: RunState): Invoker | FlujoError {
  if (uses.startsWith('agents.')) return declaredAgent(step, uses.slice('agents.'.length), run);
  return resolveReference(step, uses, undefined, run);
}

function resolveReference(
  step: StepNode,
  reference: string,
  params: Readonly<Record<string, unknown>> | undefined,
  run: RunState,
): Invoker | FlujoError {
  const builtinId = reference.replace(/^flujo\.builtins:/, 'flujo.builtins.');
  if (builtinId === HUMAN_INPUT_BUILTIN) return { kind: 'human' };
  const skill = findBuiltinSkill(builtinId);
  if (skill !== undefined) {
    return {
      kind: 'call',
      label: builtinId,
      invoke: async (call) => {
        const bound = bindSkillArguments(skill, call.input, params);
        if (!bound.ok) throw new ExecutionError(bound.message);
        try {
          const output: unknown = await skill.run({
            args: bound.args,
            context: skillContext(call.ctx),
            signal: call.signal,
          });
          return { output };
        } catch (error) {
          if (error instanceof SkillError) {
            throw new ExecutionError(
              error.message,
              error.suggestion === undefined ? {} : { suggestion: error.suggestion },
            );
          }
          throw error;
        }
      },
    };
  }
  const unavailable = UNAVAILABLE_BUILTINS.get(builtinId);
  if (unavailable !== undefined) {
    return new ConfigurationError(
      `Step '${step.name}' uses ${builtinId}, which cannot run in the studio: ${unavailable}`,
      {
        suggestion:
          "Mock this step's output in the studio, or write a JS skill under skills/ and reference it with uses: skills.<module>:<fn>.",
      },
    );
  }
  if (builtinId.startsWith('flujo.builtins.')) {
    return new ConfigurationError(
      `Step '${step.name}' names ${builtinId}, which is not a Flujo built-in.`,
      {
        suggestion: 'Check the spelling against the list of flujo.builtins.* skills.',
      },
    );
  }
  return skillReference(step, reference, run);
}

function skillReference(step: StepNode, reference: string, run: RunState): Invoker | FlujoError {
  const skills = run.options.skills;
  const isJsSkill = /^skills[.:]/.test(reference);
  if (skills === undefined) {
    return new ConfigurationError(
      isJsSkill
        ? `Step '${step.name}' runs the JS skill ${reference}, but this run has no skill runner.`
        : `Step '${step.name}' names the Python callable ${reference}, which cannot run in the studio.`,
      {
        suggestion: isJsSkill
          ? 'Run it from the studio or the CLI, which run skills in a worker.'
          : 'Mock its output, or add a JS skill of the same name under skills/.',
      },
    );
  }
  return {
    kind: 'call',
    label: reference,
    invoke: async (call) => {
      if (!(await skills.has(reference))) {
        throw new ConfigurationError(
          isJsSkill
            ? `The JS skill ${reference} of step '${step.name}' was not found.`
            : `Step '${step.name}' names the Python callable ${reference}, which cannot run in the studio.`,
          {
            suggestion: isJsSkill
              ? 'Create it under skills/ next to the YAML file, exporting the function.'
              : 'Mock its output, or add a JS skill of the same name under skills/.',
          },
        );
      }
      const output = await skills.run(reference, {
        input: call.input,
        context: JSON.parse(JSON.stringify(call.ctx.value)) as unknown,
        signal: call.signal,
      });
      return { output };
    },
  };
}

function declaredAgent(step: StepNode, name: string, run: RunState): Invoker | FlujoError {
  const agent = run.pipeline.agents?.[name];
  if (agent === undefined) {
    return new ConfigurationError(
      `Step '${step.name}' uses agents.${name}, which is not declared under agents:.`,
      {
        suggestion: `Declare it under agents: with a model, or fix the name.`,
      },
    );
  }
  const options = run.options;
  return {
    kind: 'call',
    label: `agents.${name}`,
    invoke: async (call) => {
      const fetchPort = options.agents?.fetch ?? globalThis.fetch;
      const systemPrompt = await resolveSystemPrompt(agent.system_prompt, run);
      const result = await callDeclaredAgent(
        {
          agentName: name,
          agent,
          input: call.input,
          ...(systemPrompt === undefined ? {} : { systemPrompt }),
          signal: call.signal,
          ...(call.onChunk === undefined ? {} : { onChunk: call.onChunk }),
        },
        {
          fetch: fetchPort,
          sleep: run.ports.sleep,
          settings: options.agents?.settings ?? {},
          pricing: mergePricing(DEFAULT_PRICING, options.pricing ?? {}),
          strictPricing: options.strictPricing ?? true,
        },
      );
      return {
        output: result.output,
        usage: { costUsd: result.costUsd, tokens: result.usage.totalTokens },
        metadata: { model: `${result.provider}:${result.model}`, agent_attempts: result.attempts },
      };
    },
  };
}

async function resolveSystemPrompt(
  prompt: string | { readonly from_file: string } | undefined,
  run: RunState,
): Promise<string | undefined> {
  if (prompt === undefined || typeof prompt === 'string') return prompt;
  const readText = run.options.loader?.readText;
  if (readText === undefined) {
    throw new ConfigurationError(
      `The system prompt file ${prompt.from_file} cannot be read in this run.`,
      {
        suggestion: 'Run the pipeline from a saved file so prompt files can be loaded.',
      },
    );
  }
  return readText(prompt.from_file, run.options.file);
}

/** The engine's context access for built-ins, writing through the attempt's transaction (merge = Python `update`). */
export function skillContext(ctx: ContextTx): SkillContext {
  return {
    read: () => ctx.value,
    setPath: (path, value) => ctx.setPath(path, value),
    mergePath: (path, value) => {
      const target = contextPathSegments(path);
      const created = ctx.mergeAt(target, {}, 'replace');
      if (!created.ok) return created;
      for (const [key, item] of Object.entries(value)) {
        const set = ctx.setPath([...target, key], item);
        if (!set.ok) return set;
      }
      return { ok: true, mergedKeys: Object.keys(value) };
    },
  };
}

/** True when `error` is a FlujoError. */
export function isFlujoError(error: unknown): error is FlujoError {
  return error instanceof FlujoError;
}
