import path from 'node:path';
import type { AgentRuntime, ProviderEndpointSettings, RunOptions } from '../../engine';
import { createNodeSkillRunner } from '../skillRunner';
import { diskPipelineLoader } from './diskPipelineLoader';

/** Run-level budgets from `--limit-cost` / `--limit-tokens`. */
export interface CliLimits {
  readonly totalCostUsd?: number;
  readonly totalTokens?: number;
}

function endpoint(
  baseUrl: string | undefined,
  apiKey: string | undefined,
): ProviderEndpointSettings | undefined {
  const url = baseUrl ?? '';
  const key = apiKey === undefined || apiKey === '' ? undefined : apiKey;
  if (url === '' && key === undefined) return undefined;
  return key === undefined ? { baseUrl: url } : { baseUrl: url, apiKey: key };
}

/** Provider endpoints from `OPENAI_BASE_URL`/`OPENAI_API_KEY`/`ANTHROPIC_BASE_URL`/`ANTHROPIC_API_KEY`. */
export function agentRuntimeFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): AgentRuntime {
  const openai = endpoint(env.OPENAI_BASE_URL, env.OPENAI_API_KEY);
  const anthropic = endpoint(env.ANTHROPIC_BASE_URL, env.ANTHROPIC_API_KEY);
  return {
    settings: {
      ...(openai === undefined ? {} : { openai }),
      ...(anthropic === undefined ? {} : { anthropic }),
    },
  };
}

/**
 * The engine options of a CLI run of `file`: imports and prompt files from disk, JS skills next to
 * the file (the user runs their own file, so running its skills needs no trust prompt), provider
 * endpoints from the environment, and the budgets given on the command line.
 */
export function cliEngineOptions(
  file: string,
  signal: AbortSignal,
  limits: CliLimits,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Omit<RunOptions, 'checkpoint' | 'input' | 'runId' | 'onEvent' | 'resumeAnswer'> {
  const hasLimits = limits.totalCostUsd !== undefined || limits.totalTokens !== undefined;
  return {
    file,
    signal,
    loader: diskPipelineLoader,
    skills: createNodeSkillRunner({ baseDir: path.dirname(file) }),
    agents: agentRuntimeFromEnv(env),
    ...(hasLimits ? { limits } : {}),
  };
}
