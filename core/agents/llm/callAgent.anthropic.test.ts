import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, ProviderError } from '../../engine/errors';
import { startFakeLlmServer } from './__fixtures__/fakeLlmServer';
import type { FakeLlmServer } from './__fixtures__/fakeLlmServer';
import { agentSpec, failure, testPorts } from './__fixtures__/llmTestPorts';
import { ANTHROPIC_API_VERSION } from './anthropicProvider';
import { callDeclaredAgent } from './callAgent';
import type { AgentCallRequest } from './llmTypes';

const KEY = 'sk-ant-test-SECRET-abcdef0123456789';

let server: FakeLlmServer;
beforeEach(async () => {
  server = await startFakeLlmServer();
});
afterEach(async () => {
  await server.close();
});

function ports() {
  return testPorts({ settings: { anthropic: { baseUrl: server.anthropicBaseUrl, apiKey: KEY } } });
}

function request(fields: Partial<AgentCallRequest> = {}): AgentCallRequest {
  return {
    agentName: 'critic',
    agent: agentSpec({ model: 'anthropic:claude-3-5-haiku-latest', system_prompt: 'Be brief.' }),
    input: 'Review this',
    ...fields,
  };
}

describe('callDeclaredAgent over the Anthropic Messages API', () => {
  it('sends the key, API version, top-level system prompt and default max_tokens', async () => {
    server.enqueue({
      kind: 'text',
      text: 'Looks good.',
      promptTokens: 2000,
      completionTokens: 100,
    });
    const result = await callDeclaredAgent(request(), ports());

    expect(result).toEqual({
      output: 'Looks good.',
      usage: { promptTokens: 2000, completionTokens: 100, totalTokens: 2100 },
      costUsd: (2000 * 0.8 + 100 * 4) / 1_000_000,
      model: 'claude-3-5-haiku-latest',
      provider: 'anthropic',
      attempts: 1,
    });
    const [sent] = server.requests;
    expect(sent?.path).toBe('/v1/messages');
    expect(sent?.headers['x-api-key']).toBe(KEY);
    expect(sent?.headers['anthropic-version']).toBe(ANTHROPIC_API_VERSION);
    expect(sent?.headers.authorization).toBeUndefined();
    expect(sent?.body).toEqual({
      model: 'claude-3-5-haiku-latest',
      max_tokens: 1024,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Review this' }],
    });
  });

  it('lets model_settings override max_tokens and drops OpenAI-only settings', async () => {
    const agent = agentSpec({
      model: 'anthropic:claude-sonnet-4-0',
      model_settings: { max_tokens: 4000, temperature: 0, seed: 7 },
    });
    await callDeclaredAgent(request({ agent }), ports());

    const body = server.requests[0]?.body as Record<string, unknown>;
    expect(body.max_tokens).toBe(4000);
    expect(body.temperature).toBe(0);
    expect(body).not.toHaveProperty('seed');
  });

  it('streams text deltas in order and reads usage from message_start and message_delta', async () => {
    server.enqueue({
      kind: 'text',
      text: 'Needs more tests.',
      chunks: ['Needs ', 'more ', 'tests.'],
      promptTokens: 30,
      completionTokens: 6,
    });
    const chunks: string[] = [];
    const result = await callDeclaredAgent(
      request({ onChunk: (text) => chunks.push(text) }),
      ports(),
    );

    expect(chunks).toEqual(['Needs ', 'more ', 'tests.']);
    expect(result.output).toBe('Needs more tests.');
    expect(result.usage).toEqual({ promptTokens: 30, completionTokens: 6, totalTokens: 36 });
    expect(server.requests[0]?.body).toMatchObject({ stream: true });
  });

  it('asks for JSON in the system prompt and parses the reply when output_schema is declared', async () => {
    const schema = { type: 'object', properties: { score: { type: 'number' } } };
    server.enqueue({ kind: 'text', text: '```\n{"score": 0.5}\n```' });
    const agent = agentSpec({
      model: 'anthropic:claude-3-5-haiku-latest',
      system_prompt: 'Score it.',
      output_schema: schema,
    });
    const result = await callDeclaredAgent(request({ agent }), ports());

    expect(result.output).toEqual({ score: 0.5 });
    const system = (server.requests[0]?.body as { system: string }).system;
    expect(system.startsWith('Score it.')).toBe(true);
    expect(system).toContain('JSON');
    expect(system).toContain(JSON.stringify(schema));
  });

  it('reports an overloaded API (529) after retrying, without the key', async () => {
    const overloaded = {
      kind: 'status',
      status: 529,
      body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    } as const;
    server.enqueue(overloaded, overloaded);
    const agent = agentSpec({ model: 'anthropic:claude-3-5-haiku-latest', max_retries: 1 });
    const error = await failure(callDeclaredAgent(request({ agent }), ports()));

    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toContain('HTTP 529: Overloaded');
    expect(error.message).not.toContain(KEY);
    expect(server.requests).toHaveLength(2);
  });

  it('asks for ANTHROPIC_API_KEY before calling api.anthropic.com without a key', async () => {
    const error = await failure(callDeclaredAgent(request(), testPorts({ settings: {} })));

    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.suggestion).toContain('ANTHROPIC_API_KEY');
  });
});
