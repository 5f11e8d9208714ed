import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError, ProviderError, TimeoutError } from '../../engine/errors';
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

describe('callDeclaredAgent failures, retries and cancellation', () => {
  it('retries a 429 after the Retry-After wait: 2 attempts', async () => {
    server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '0' } });
    server.enqueue({ kind: 'text', text: 'second time lucky' });
    const testPortsWithSleeps = ports();
    const result = await callDeclaredAgent(request(), testPortsWithSleeps);

    expect(result.output).toBe('second time lucky');
    expect(result.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
    expect(testPortsWithSleeps.sleeps).toEqual([0]);
  });

  it('backs off exponentially on 5xx and gives up after max_retries', async () => {
    for (let i = 0; i < 3; i++) server.enqueue({ kind: 'status', status: 500 });
    const agent = agentSpec({ model: 'openai:gpt-4o-mini', max_retries: '2' });
    const withSleeps = ports();
    const error = await failure(callDeclaredAgent(request({ agent }), withSleeps));

    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toContain('HTTP 500');
    expect(server.requests).toHaveLength(3);
    expect(withSleeps.sleeps).toEqual([500, 1000]);
  });

  it('succeeds after 5xx failures within the default 3 retries', async () => {
    server.enqueue({ kind: 'status', status: 502 }, { kind: 'status', status: 503 });
    const result = await callDeclaredAgent(request(), ports());

    expect(result.attempts).toBe(3);
  });

  it('does not retry a 400 and reports the status and the provider message', async () => {
    server.enqueue({
      kind: 'status',
      status: 400,
      body: { error: { message: "Unrecognized request argument: 'tempature'" } },
    });
    const error = await failure(callDeclaredAgent(request(), ports()));

    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain("Unrecognized request argument: 'tempature'");
    expect(server.requests).toHaveLength(1);
  });

  it('retries a network error', async () => {
    let calls = 0;
    const flakyFetch: typeof fetch = (input, init) => {
      calls++;
      if (calls === 1) return Promise.reject(new TypeError('fetch failed'));
      return fetch(input, init);
    };
    const result = await callDeclaredAgent(
      request(),
      testPorts({
        settings: { openai: { baseUrl: server.openaiBaseUrl, apiKey: KEY } },
        fetch: flakyFetch,
      }),
    );

    expect(result.attempts).toBe(2);
    expect(server.requests).toHaveLength(1);
  });

  it("fails with TimeoutError when a reply takes longer than the agent's timeout", async () => {
    server.enqueue({ kind: 'text', text: 'too late', delayMs: 10_000 });
    const agent = agentSpec({ model: 'openai:gpt-4o-mini', timeout: 0.2 });
    const started = Date.now();
    const error = await failure(callDeclaredAgent(request({ agent }), ports()));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(1);
  });

  it('fails with CancelledError, without retrying, when the caller aborts mid-request', async () => {
    server.enqueue({ kind: 'text', text: 'never seen', delayMs: 10_000 });
    const controller = new AbortController();
    const call = callDeclaredAgent(request({ signal: controller.signal }), ports());
    await expect.poll(() => server.requests.length).toBe(1);
    controller.abort();
    const error = await failure(call);

    expect(error).toBeInstanceOf(CancelledError);
    expect(server.requests).toHaveLength(1);
  });

  it('fails with CancelledError when aborted while waiting to retry', async () => {
    server.enqueue({ kind: 'status', status: 500 });
    const controller = new AbortController();
    const error = await failure(
      callDeclaredAgent(
        request({ signal: controller.signal }),
        testPorts({
          settings: { openai: { baseUrl: server.openaiBaseUrl, apiKey: KEY } },
          onSleep: () => {
            controller.abort();
          },
        }),
      ),
    );

    expect(error).toBeInstanceOf(CancelledError);
    expect(server.requests).toHaveLength(1);
  });

  it('does not call the provider when the signal is already aborted', async () => {
    const error = await failure(
      callDeclaredAgent(request({ signal: AbortSignal.abort() }), ports()),
    );

    expect(error).toBeInstanceOf(CancelledError);
    expect(server.requests).toHaveLength(0);
  });

  it('never puts the API key into an error, even when the provider echoes it', async () => {
    server.enqueue({
      kind: 'status',
      status: 401,
      body: { error: { message: `Incorrect API key provided: ${KEY}.` } },
    });
    const httpError = await failure(callDeclaredAgent(request(), ports()));
    expect(httpError.message).toContain('HTTP 401');
    expect(JSON.stringify(httpError.toData())).not.toContain(KEY);
    expect(httpError.message).not.toContain(KEY);

    const unreachable = testPorts({
      settings: { openai: { baseUrl: 'http://127.0.0.1:1/v1', apiKey: KEY } },
    });
    const agent = agentSpec({ model: 'openai:gpt-4o-mini', max_retries: 0 });
    const networkError = await failure(callDeclaredAgent(request({ agent }), unreachable));
    expect(networkError).toBeInstanceOf(ProviderError);
    expect(JSON.stringify(networkError.toData())).not.toContain(KEY);
  });
});

describe('a stream cut off mid-answer', () => {
  it('fails without retrying once chunks reached the caller', async () => {
    server.enqueue({
      kind: 'text',
      text: 'abcdef',
      chunks: ['ab', 'cd', 'ef'],
      breakAfterChunks: 2,
    });
    const chunks: string[] = [];
    const error = await failure(
      callDeclaredAgent(request({ onChunk: (text) => chunks.push(text) }), ports()),
    );

    expect(error).toBeInstanceOf(ProviderError);
    expect(chunks).toEqual(['ab', 'cd']);
    expect(server.requests).toHaveLength(1);
  });

  it('is retried when nothing was streamed yet', async () => {
    server.enqueue(
      { kind: 'text', text: 'abc', breakAfterChunks: 0 },
      { kind: 'text', text: 'xyz' },
    );
    const chunks: string[] = [];
    const result = await callDeclaredAgent(
      request({ onChunk: (text) => chunks.push(text) }),
      ports(),
    );

    expect(result.output).toBe('xyz');
    expect(chunks.join('')).toBe('xyz');
    expect(result.attempts).toBe(2);
  });
});
