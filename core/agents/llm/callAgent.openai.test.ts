import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, PricingNotConfigured, ProviderError } from '../../engine/errors';
import { startFakeLlmServer } from './__fixtures__/fakeLlmServer';
import type { FakeLlmServer } from './__fixtures__/fakeLlmServer';
import { agentSpec, failure, testPorts } from './__fixtures__/llmTestPorts';
import { callDeclaredAgent } from './callAgent';
import type { AgentCallRequest } from './llmTypes';

const KEY = 'sk-test-SECRET-0123456789abcdef';

let server: FakeLlmServer;
beforeEach(async () => {
  server = await startFakeLlmServer();
});
afterEach(async () => {
  await server.close();
});

function ports(apiKey: string | null = KEY) {
  return testPorts({
    settings: { openai: { baseUrl: server.openaiBaseUrl, ...(apiKey === null ? {} : { apiKey }) } },
  });
}

function request(fields: Partial<AgentCallRequest> = {}): AgentCallRequest {
  return {
    agentName: 'writer',
    agent: agentSpec({ model: 'openai:gpt-4o-mini', system_prompt: 'You write.' }),
    input: 'Say hi',
    ...fields,
  };
}

describe('callDeclaredAgent over an OpenAI-compatible API', () => {
  it('sends system and user messages with the key and model_settings, and prices the usage', async () => {
    server.enqueue({
      kind: 'text',
      text: 'hello world',
      promptTokens: 1000,
      completionTokens: 500,
    });
    const agent = agentSpec({
      model: 'openai:gpt-4o-mini',
      system_prompt: 'You write.',
      model_settings: { temperature: 0.2, max_tokens: 50 },
    });
    const result = await callDeclaredAgent(request({ agent }), ports());

    expect(result).toEqual({
      output: 'hello world',
      usage: { promptTokens: 1000, completionTokens: 500, totalTokens: 1500 },
      costUsd: (1000 * 0.15 + 500 * 0.6) / 1_000_000,
      model: 'gpt-4o-mini',
      provider: 'openai',
      attempts: 1,
    });
    const [sent] = server.requests;
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent?.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You write.' },
        { role: 'user', content: 'Say hi' },
      ],
      temperature: 0.2,
      max_tokens: 50,
    });
  });

  it('sends no Authorization header to a local server without a key, and JSON for object input', async () => {
    await callDeclaredAgent(request({ input: { topic: 'cats', n: 2 } }), ports(null));

    const [sent] = server.requests;
    expect(sent?.headers.authorization).toBeUndefined();
    expect(sent?.body).toMatchObject({
      messages: [{ role: 'system' }, { role: 'user', content: '{"topic":"cats","n":2}' }],
    });
  });

  it('prefers the caller-resolved system prompt over the agent spec', async () => {
    await callDeclaredAgent(request({ systemPrompt: 'Rendered prompt' }), ports());

    expect(server.requests[0]?.body).toMatchObject({
      messages: [{ role: 'system', content: 'Rendered prompt' }, { role: 'user' }],
    });
  });

  it('streams content deltas to onChunk in order and returns their concatenation with usage', async () => {
    server.enqueue({
      kind: 'text',
      text: 'Hello, wide world',
      chunks: ['Hel', 'lo, ', 'wide ', 'world'],
      promptTokens: 7,
      completionTokens: 4,
    });
    const chunks: string[] = [];
    const result = await callDeclaredAgent(
      request({ onChunk: (text) => chunks.push(text) }),
      ports(),
    );

    expect(chunks).toEqual(['Hel', 'lo, ', 'wide ', 'world']);
    expect(result.output).toBe(chunks.join(''));
    expect(result.usage).toEqual({ promptTokens: 7, completionTokens: 4, totalTokens: 11 });
    expect(server.requests[0]?.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('asks for a JSON schema and parses a fenced JSON reply when output_schema is declared', async () => {
    const schema = { type: 'object', properties: { answer: { type: 'integer' } } };
    server.enqueue({ kind: 'text', text: '```json\n{"answer": 42}\n```' });
    const agent = agentSpec({ model: 'openai:gpt-4o-mini', output_schema: schema });
    const result = await callDeclaredAgent(request({ agent }), ports());

    expect(result.output).toEqual({ answer: 42 });
    expect(server.requests[0]?.body).toMatchObject({
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'output', schema, strict: false },
      },
    });
  });

  it('wraps a primitive output_schema as { value } and unwraps the reply', async () => {
    server.enqueue({ kind: 'text', text: '{"value": "short"}' });
    const agent = agentSpec({ model: 'openai:gpt-4o-mini', output_schema: { type: 'string' } });
    const result = await callDeclaredAgent(request({ agent }), ports());

    expect(result.output).toBe('short');
    expect(server.requests[0]?.body).toMatchObject({
      response_format: {
        json_schema: {
          schema: { type: 'object', properties: { value: { type: 'string' } } },
        },
      },
    });
  });

  it('fails with a ProviderError, without retrying, when a JSON reply is not JSON', async () => {
    server.enqueue({ kind: 'text', text: 'Sure! The answer is 42.' });
    const agent = agentSpec({ model: 'openai:gpt-4o-mini', output_schema: { type: 'object' } });
    const error = await failure(callDeclaredAgent(request({ agent }), ports()));

    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toContain('not valid JSON');
    expect(server.requests).toHaveLength(1);
  });

  it('fails fast with PricingNotConfigured for an unpriced model under strict pricing', async () => {
    const agent = agentSpec({ model: 'openai:llama3.2' });
    const error = await failure(callDeclaredAgent(request({ agent }), ports()));

    expect(error).toBeInstanceOf(PricingNotConfigured);
    expect(error.message).toContain('llama3.2');
    expect(server.requests).toHaveLength(0);
  });

  it('costs 0 for an unpriced model when strict pricing is off, and uses user prices', async () => {
    const agent = agentSpec({ model: 'openai:llama3.2' });
    const lenient = testPorts({
      settings: { openai: { baseUrl: server.openaiBaseUrl } },
      strictPricing: false,
    });
    expect((await callDeclaredAgent(request({ agent }), lenient)).costUsd).toBe(0);

    server.enqueue({ kind: 'text', text: 'ok', promptTokens: 1_000_000, completionTokens: 0 });
    const priced = testPorts({
      settings: { openai: { baseUrl: server.openaiBaseUrl } },
      pricing: { 'llama3.2': { inputPerMillion: 0.5, outputPerMillion: 0 } },
    });
    expect((await callDeclaredAgent(request({ agent }), priced)).costUsd).toBe(0.5);
  });

  it('asks for OPENAI_API_KEY before calling api.openai.com without a key', async () => {
    let fetched = false;
    const error = await failure(
      callDeclaredAgent(
        request(),
        testPorts({
          settings: {},
          fetch: () => {
            fetched = true;
            return Promise.reject(new Error('must not be called'));
          },
        }),
      ),
    );

    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.suggestion).toContain('OPENAI_API_KEY');
    expect(fetched).toBe(false);
  });

  it('rejects an unknown provider with a ConfigurationError', async () => {
    const agent = agentSpec({ model: 'ollama:llama3' });
    const error = await failure(callDeclaredAgent(request({ agent }), ports()));

    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.suggestion).toContain('openai:llama3');
  });
});
