import type { Pipeline } from '../../model';
import { parsePipelineYaml } from '../../yaml';
import { executePipeline } from '../executePipeline';
import type { RunEvent } from '../runEvent';
import type { RunOptions, SkillRunner } from '../runOptions';
import type { RunResult, StepResult } from '../runTypes';

/** Parses a pipeline from YAML; throws when the text does not parse into a pipeline. */
export function pipelineOf(yaml: string): Pipeline {
  const parsed = parsePipelineYaml(yaml);
  if (parsed.pipeline === undefined) {
    throw new Error(
      `The test YAML did not parse: ${parsed.diagnostics.map((d) => d.message).join('; ')}`,
    );
  }
  return parsed.pipeline;
}

/** A finished run with every event it emitted. */
export interface RecordedRun {
  readonly result: RunResult;
  readonly events: RunEvent[];
}

/** Runs `yaml` (or a parsed pipeline) and records its events. */
export async function runYaml(
  yaml: string | Pipeline,
  options: RunOptions = {},
): Promise<RecordedRun> {
  const pipeline = typeof yaml === 'string' ? pipelineOf(yaml) : yaml;
  const events: RunEvent[] = [];
  const result = await executePipeline(pipeline, {
    ...options,
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  return { result, events };
}

/** A test skill: gets the input, a JSON copy of the context and the attempt's signal. */
export type FakeSkill = (call: {
  readonly input: unknown;
  readonly context: unknown;
  readonly signal: AbortSignal;
}) => unknown;

/** A SkillRunner over in-memory functions; `calls` counts calls per reference. */
export function fakeSkills(skills: Readonly<Record<string, FakeSkill>>): SkillRunner & {
  readonly calls: Record<string, number>;
} {
  const calls: Record<string, number> = {};
  return {
    calls,
    has: (ref) => Promise.resolve(Object.hasOwn(skills, ref)),
    run: async (ref, call) => {
      calls[ref] = (calls[ref] ?? 0) + 1;
      const skill = skills[ref];
      if (skill === undefined) throw new Error(`no skill ${ref}`);
      return await skill(call);
    },
  };
}

/** A skill that throws `message` the first `times` calls, then returns `output`. */
export function failingTimes(times: number, message: string, output: unknown): FakeSkill {
  let count = 0;
  return () => {
    count += 1;
    if (count <= times) throw new Error(`${message} #${String(count)}`);
    return output;
  };
}

/** A skill that resolves only when its signal aborts (then rejects with the abort reason). */
export const waitsForAbort: FakeSkill = ({ signal }) =>
  new Promise((_resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    signal.addEventListener(
      'abort',
      () => {
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });

/** The top-level step result named `name` (throws when absent). */
export function stepNamed(result: RunResult, name: string): StepResult {
  const found = findStep(result.steps, name);
  if (found === undefined) throw new Error(`no step result named ${name}`);
  return found;
}

function findStep(steps: readonly StepResult[], name: string): StepResult | undefined {
  for (const step of steps) {
    if (step.name === name) return step;
    const inner = findStep(step.children, name);
    if (inner) return inner;
  }
  return undefined;
}

/** One reply of the fake OpenAI-compatible endpoint. */
export interface FakeCompletion {
  readonly text: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/**
 * A `fetch` answering OpenAI chat-completions requests: SSE when the request asks to stream (the
 * engine always does, it forwards chunks), JSON otherwise. `requests` records the bodies.
 */
export function fakeOpenAiFetch(reply: (body: Record<string, unknown>) => FakeCompletion): {
  readonly fetch: typeof fetch;
  readonly requests: Record<string, unknown>[];
} {
  const requests: Record<string, unknown>[] = [];
  const fakeFetch = (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as Record<
      string,
      unknown
    >;
    requests.push(body);
    const { text, promptTokens, completionTokens } = reply(body);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    };
    if (body.stream === true) {
      const events = [
        { choices: [{ index: 0, delta: { content: text } }] },
        { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
        { choices: [], usage },
      ];
      const sse = events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('');
      return Promise.resolve(
        new Response(`${sse}data: [DONE]\n\n`, {
          status: 200,
          headers: { 'content-type': 'text/event-stream' },
        }),
      );
    }
    return Promise.resolve(
      Response.json({
        choices: [{ index: 0, message: { role: 'assistant', content: text } }],
        usage,
      }),
    );
  };
  return { fetch: fakeFetch, requests };
}

/** Types of the events, in order, for events of `path` (all when omitted). */
export function eventTypes(events: readonly RunEvent[], path?: string): string[] {
  return events.filter((event) => path === undefined || event.path === path).map((e) => e.type);
}
