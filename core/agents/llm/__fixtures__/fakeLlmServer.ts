import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A scripted answer of the fake server; queued answers are used in order, then `ok`. */
export type FakeReply =
  | {
      readonly kind: 'text';
      readonly text: string;
      /** Streamed pieces (default: the text split in three); their concatenation should be `text`. */
      readonly chunks?: readonly string[];
      readonly promptTokens?: number;
      readonly completionTokens?: number;
      /** Wait before answering (for timeouts and cancellation). */
      readonly delayMs?: number;
      /** When streaming, cut the connection after this many chunks (a mid-stream failure). */
      readonly breakAfterChunks?: number;
    }
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    };

/** A request the fake server received. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** A running fake OpenAI-compatible + Anthropic server on 127.0.0.1. */
export interface FakeLlmServer {
  /** `http://127.0.0.1:<port>/v1`, the OpenAI-style base URL. */
  readonly openaiBaseUrl: string;
  /** `http://127.0.0.1:<port>`, the Anthropic-style base URL. */
  readonly anthropicBaseUrl: string;
  readonly requests: RecordedRequest[];
  enqueue(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

const DEFAULT_REPLY: FakeReply = { kind: 'text', text: 'ok' };

function splitInThree(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / 3));
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Writes SSE events; with `dropAt`, the connection is cut before event number `dropAt`. */
function sse(
  response: ServerResponse,
  events: readonly (readonly [string | undefined, unknown])[],
  dropAt?: number,
): void {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  const sent = dropAt === undefined ? events : events.slice(0, dropAt);
  for (const [index, [event, data]] of sent.entries()) {
    const payload = typeof data === 'string' ? data : JSON.stringify(data);
    // `event:` lines (Anthropic) and CRLF-free framing as the real APIs send them.
    const text = `${event === undefined ? '' : `event: ${event}\n`}data: ${payload}\n\n`;
    if (dropAt !== undefined && index === sent.length - 1) {
      response.write(text, () => response.destroy());
      return;
    }
    response.write(text);
  }
  if (dropAt === undefined) response.end();
  else response.destroy();
}

function answerOpenAi(
  response: ServerResponse,
  reply: Extract<FakeReply, { kind: 'text' }>,
  stream: boolean,
): void {
  const prompt = reply.promptTokens ?? 10;
  const completion = reply.completionTokens ?? 5;
  const usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  };
  if (!stream) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        choices: [
          { index: 0, message: { role: 'assistant', content: reply.text }, finish_reason: 'stop' },
        ],
        usage,
      }),
    );
    return;
  }
  const chunks = reply.chunks ?? splitInThree(reply.text);
  sse(
    response,
    [
      [undefined, { choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] }],
      ...chunks.map(
        (content) => [undefined, { choices: [{ index: 0, delta: { content } }] }] as const,
      ),
      [undefined, { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }],
      [undefined, { choices: [], usage }],
      [undefined, '[DONE]'],
    ],
    reply.breakAfterChunks === undefined ? undefined : 1 + reply.breakAfterChunks,
  );
}

function answerAnthropic(
  response: ServerResponse,
  reply: Extract<FakeReply, { kind: 'text' }>,
  stream: boolean,
): void {
  const input = reply.promptTokens ?? 10;
  const output = reply.completionTokens ?? 5;
  if (!stream) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'msg_fake',
        type: 'message',
        role: 'assistant',
        content: [{ type: 'text', text: reply.text }],
        stop_reason: 'end_turn',
        usage: { input_tokens: input, output_tokens: output },
      }),
    );
    return;
  }
  const chunks = reply.chunks ?? splitInThree(reply.text);
  sse(
    response,
    [
      [
        'message_start',
        {
          type: 'message_start',
          message: { id: 'msg_fake', usage: { input_tokens: input, output_tokens: 1 } },
        },
      ],
      [
        'content_block_start',
        { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      ],
      ['ping', { type: 'ping' }],
      ...chunks.map(
        (text) =>
          [
            'content_block_delta',
            { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
          ] as const,
      ),
      ['content_block_stop', { type: 'content_block_stop', index: 0 }],
      [
        'message_delta',
        {
          type: 'message_delta',
          delta: { stop_reason: 'end_turn' },
          usage: { output_tokens: output },
        },
      ],
      ['message_stop', { type: 'message_stop' }],
    ],
    reply.breakAfterChunks === undefined ? undefined : 3 + reply.breakAfterChunks,
  );
}

/** Starts the fake server on 127.0.0.1 with a free port; close it in `afterEach`/`afterAll`. */
export async function startFakeLlmServer(): Promise<FakeLlmServer> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const path = request.url ?? '';
      requests.push({ method: request.method ?? '', path, headers: request.headers, body });
      const reply = queue.shift() ?? DEFAULT_REPLY;
      if (reply.kind === 'status') {
        response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        response.end(
          JSON.stringify(reply.body ?? { error: { message: `status ${reply.status}` } }),
        );
        return;
      }
      const stream =
        typeof body === 'object' && body !== null && 'stream' in body && body.stream === true;
      const answer = (): void => {
        if (path.endsWith('/chat/completions')) answerOpenAi(response, reply, stream);
        else if (path.endsWith('/v1/messages')) answerAnthropic(response, reply, stream);
        else {
          response.writeHead(404, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: { message: `no route ${path}` } }));
        }
      };
      if (reply.delayMs === undefined) {
        answer();
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!response.destroyed) answer();
      }, reply.delayMs);
      timers.add(timer);
    })();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    openaiBaseUrl: `${origin}/v1`,
    anthropicBaseUrl: origin,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
