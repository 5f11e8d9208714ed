import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeLlmServer } from '../../agents/llm/__fixtures__/fakeLlmServer';
import { startFakeLlmServer } from '../../agents/llm/__fixtures__/fakeLlmServer';
import type { CliRun } from './__fixtures__/spawnCli';
import { cli, hasStackTrace } from './__fixtures__/spawnCli';

const folder = mkdtempSync(path.join(tmpdir(), 'flujo-cli-run-'));
let dbIndex = 0;
let db = '';

beforeEach(() => {
  dbIndex += 1;
  db = path.join(folder, `runs-${String(dbIndex)}.sqlite`);
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** `flujo-studio run …` against this test's database, without FLUJO_INPUT from the outside. */
function run(
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
) {
  return cli(['run', ...args], {
    env: { FLUJO_STUDIO_DB: db, FLUJO_INPUT: undefined, ...options.env },
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
  });
}

const SUMMARY = /^succeeded in \d+ ms · 0 tokens · \$0\.0000$/m;

function expectOutput(result: CliRun, output: string): void {
  expect(result.stderr).toMatch(SUMMARY);
  expect(result.stdout).toBe(`${output}\n`);
  expect(result.code).toBe(0);
}

describe('flujo-studio run: input sources', { timeout: 120_000 }, () => {
  it('uses --input TEXT, before FLUJO_INPUT and piped stdin', async () => {
    expectOutput(
      await run(['examples/hello.yaml', '-i', 'Ana'], {
        env: { FLUJO_INPUT: 'env' },
        stdin: 'piped',
      }),
      'HELLO, ANA!',
    );
  });

  it('reads stdin (trimmed) for --input -', async () => {
    expectOutput(
      await run(['examples/hello.yaml', '--input', '-'], { stdin: '  Bo\n' }),
      'HELLO, BO!',
    );
  });

  it('uses FLUJO_INPUT before piped stdin', async () => {
    expectOutput(
      await run(['examples/hello.yaml'], { env: { FLUJO_INPUT: 'Cy' }, stdin: 'piped' }),
      'HELLO, CY!',
    );
  });

  it('uses piped stdin when there is no flag and no FLUJO_INPUT', async () => {
    expectOutput(await run(['examples/hello.yaml'], { stdin: 'Di\n' }), 'HELLO, DI!');
  });

  it('runs with the empty string when nothing gives an input', async () => {
    expectOutput(await run(['examples/hello.yaml']), 'HELLO, WORLD!');
  });
});

describe('flujo-studio run: results and exit codes', { timeout: 120_000 }, () => {
  it('--json prints run_id, status, output, steps and usage, and records the run', async () => {
    const result = await run(['examples/loop-with-context.yaml', '-i', 'a poem', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['output', 'run_id', 'status', 'steps', 'usage']);
    expect(json).toMatchObject({
      status: 'succeeded',
      output: 'Collected: draft 0 of a poem, draft 1 of a poem, then draft 2 of a poem',
      usage: { cost_usd: 0, tokens: 0 },
    });
    expect((json.steps as { name: string }[]).map((step) => step.name)).toEqual([
      'collect_drafts',
      'summary',
    ]);
    const listed = await cli(['runs', 'list', '--json', '--db', db]);
    const runs = JSON.parse(listed.stdout) as { run_id: string; status: string; file: string }[];
    expect(runs).toEqual([
      expect.objectContaining({
        run_id: json.run_id,
        status: 'succeeded',
        file: path.resolve('examples/loop-with-context.yaml'),
      }),
    ]);
  });

  it('exits 2 on bad usage (unknown option, missing file argument, bad number)', async () => {
    for (const args of [
      ['examples/hello.yaml', '--frobnicate'],
      [],
      ['examples/hello.yaml', '--limit-tokens', 'many'],
      ['examples/hello.yaml', '--context-data', '[1, 2]'],
    ]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(hasStackTrace(result)).toBe(false);
    }
  });

  it('exits 1 with one clear line for a missing file', async () => {
    const result = await run(['no/such/pipeline.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'flujo-studio: cannot read no/such/pipeline.yaml: no such file. Check the path and that you may read it.\n',
    );
    expect(result.stdout).toBe('');
  });

  it('exits 1 on YAML that does not load, with the validate text report', async () => {
    const result = await run(['core/node/cli/__fixtures__/broken.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/__fixtures__\/broken\.yaml:\d+:\d+ error YAML-PARSE /);
    expect(result.stderr).toMatch(/the YAML does not load/);
    expect(hasStackTrace(result)).toBe(false);
  });

  it('exits 1 on a pipeline with validation errors, printing only the errors', async () => {
    const result = await run(['core/node/cli/__fixtures__/errors.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/errors\.yaml:14:17 error HITL-NESTED-001 approve: /);
    expect(result.stderr).toMatch(
      /errors\.yaml: not valid \(1 error, 0 warnings, 0 infos; profile studio\)/,
    );
    const listed = await cli(['runs', 'list', '--json', '--db', db]);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });
});

describe('flujo-studio run: budgets with a fake provider', { timeout: 120_000 }, () => {
  let server: FakeLlmServer;

  beforeEach(async () => {
    server = await startFakeLlmServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('stops at --limit-tokens with "Budget exceeded" and exit 1', async () => {
    server.enqueue(
      { kind: 'text', text: '"one"', promptTokens: 60, completionTokens: 40 },
      { kind: 'text', text: '"two"', promptTokens: 60, completionTokens: 40 },
    );
    const result = await run(
      ['core/node/cli/__fixtures__/run/agent-budget.yaml', '-i', 'hi', '--limit-tokens', '150'],
      { env: { OPENAI_BASE_URL: server.openaiBaseUrl } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^flujo-studio: Budget exceeded: .+/m);
    expect(result.stderr).toMatch(/^failed in \d+ ms · 200 tokens · \$/m);
    expect(server.requests.length).toBe(2);
    expect(hasStackTrace(result)).toBe(false);
  });

  it('runs the agent within the budget', async () => {
    server.enqueue({ kind: 'text', text: '"one"' }, { kind: 'text', text: '"two"' });
    const result = await run(
      ['core/node/cli/__fixtures__/run/agent-budget.yaml', '-i', 'hi', '--limit-cost', '1'],
      { env: { OPENAI_BASE_URL: server.openaiBaseUrl } },
    );
    expect(result.stdout).toBe('two\n');
    expect(result.code).toBe(0);
  });
});
