import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../../model';
import { parsePipelineYaml } from '../../yaml';
import type { Checkpoint } from '../checkpoint';
import { executePipeline } from '../executePipeline';
import { resumePipeline } from '../resumePipeline';
import type { RunEvent } from '../runEvent';
import type { PipelineLoader, RunOptions } from '../runOptions';
import type { RunResult, StepResult } from '../runTypes';

function parse(text: string): Pipeline {
  const parsed = parsePipelineYaml(text);
  if (!parsed.pipeline)
    throw new Error(`Fixture did not parse: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.pipeline;
}

/** An in-memory loader over `files` (POSIX paths relative to the importing file). */
function memoryLoader(files: Record<string, string>): PipelineLoader & { loads: string[] } {
  const loads: string[] = [];
  return {
    loads,
    loadPipeline: (path, fromFile) => {
      const dir = fromFile === undefined ? '' : fromFile.split('/').slice(0, -1).join('/');
      const file = dir === '' ? path : `${dir}/${path}`;
      loads.push(file);
      const text = files[file];
      if (text === undefined) return Promise.resolve({ error: `${file} does not exist` });
      return Promise.resolve({ pipeline: parse(text), file });
    },
  };
}

async function run(
  main: string,
  files: Record<string, string>,
  options: RunOptions = {},
): Promise<RunResult & { events: RunEvent[] }> {
  const events: RunEvent[] = [];
  const result = await executePipeline(parse(main), {
    input: 'hello',
    file: 'main.yaml',
    loader: memoryLoader(files),
    onEvent: (event) => events.push(event),
    ...options,
  });
  return { ...result, events };
}

const ECHO_CHILD = `
steps:
  - name: shout
    input: "child got {{ previous_step }} / {{ context.initial_prompt }}"
`;

function importStep(config: string, extra = ''): string {
  return `
imports:
  kid: child.yaml
steps:
  - name: call_kid
    uses: imports.kid
${extra}    config:
${config}
`;
}

describe('import steps: loading', () => {
  it('runs the child and returns its last output, with the child results as children', async () => {
    const result = await run(importStep('      input_to: initial_prompt\n'), {
      'child.yaml': ECHO_CHILD,
    });
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('child got hello / hello');
    const step = result.steps[0];
    expect(step?.children.map((child) => [child.name, child.path])).toEqual([
      ['shout', 'steps[0].import.steps[0]'],
    ]);
  });

  it('fails with a clear message for an unknown alias', async () => {
    const result = await run('steps:\n  - name: x\n    uses: imports.nope\n', {});
    expect(result.status).toBe('failed');
    expect(result.error?.message).toContain("declares no import 'nope'");
  });

  it('fails saying the run needs a loader when there is none', async () => {
    const result = await executePipeline(parse(importStep('      on_failure: abort\n')), {
      input: 'x',
    });
    expect(result.status).toBe('failed');
    expect(result.error?.message).toMatch(/no way to load files/);
    expect(result.error?.code).toBe('ConfigurationError');
  });

  it('fails when the child file cannot be loaded', async () => {
    const result = await run(importStep('      on_failure: abort\n'), {});
    expect(result.status).toBe('failed');
    expect(result.error?.message).toContain('child.yaml does not exist');
  });

  it('reports an import cycle with the chain of files', async () => {
    const a = 'imports:\n  b: b.yaml\nsteps:\n  - name: to_b\n    uses: imports.b\n';
    const b = 'imports:\n  a: a.yaml\nsteps:\n  - name: to_a\n    uses: imports.a\n';
    const result = await run(a, { 'b.yaml': b, 'a.yaml': a }, { file: 'a.yaml' });
    expect(result.status).toBe('failed');
    expect(result.error?.message).toContain('Import cycle: a.yaml → b.yaml → a.yaml');
  });

  it('refuses a child with a hitl in a branch inside a loop (DECISIONS 3)', async () => {
    const child = `
steps:
  - kind: loop
    name: l
    loop:
      body:
        - kind: conditional
          name: c
          branches:
            a:
              - kind: hitl
                name: h
`;
    const result = await run(importStep('      on_failure: abort\n'), { 'child.yaml': child });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('ConfigurationError');
    expect(result.error?.message).toContain('HITL-NESTED-001');
  });

  it('resolves imports inside a child against the child file and its imports', async () => {
    const main = 'imports:\n  mid: sub/mid.yaml\nsteps:\n  - name: m\n    uses: imports.mid\n';
    const mid = 'imports:\n  leaf: leaf.yaml\nsteps:\n  - name: l\n    uses: imports.leaf\n';
    const leaf = 'steps:\n  - name: deep\n    input: "leaf {{ previous_step }}"\n';
    const loader = memoryLoader({ 'sub/mid.yaml': mid, 'sub/leaf.yaml': leaf });
    const result = await executePipeline(parse(main), {
      input: 'in',
      file: 'main.yaml',
      loader,
    });
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('leaf in');
    expect(loader.loads).toEqual(['sub/mid.yaml', 'sub/leaf.yaml']);
    expect(result.steps[0]?.children[0]?.children[0]?.path).toBe(
      'steps[0].import.steps[0].import.steps[0]',
    );
  });

  it('loads a child once per site in a loop, and gives each site its own step paths', async () => {
    const main = `
imports:
  kid: child.yaml
steps:
  - kind: loop
    name: again
    loop:
      max_loops: 3
      body:
        - name: call_kid
          uses: imports.kid
      exit_expression: "'child got child got' in previous_step"
  - name: second
    uses: imports.kid
`;
    const loader = memoryLoader({ 'child.yaml': ECHO_CHILD });
    const events: RunEvent[] = [];
    const result = await executePipeline(parse(main), {
      input: 'x',
      file: 'main.yaml',
      loader,
      onEvent: (event) => events.push(event),
    });
    expect(result.status).toBe('succeeded');
    expect(result.steps[0]?.metadata.iterations).toBe(2);
    expect(loader.loads).toEqual(['child.yaml', 'child.yaml']);
    const started = events.filter(
      (event) => event.type === 'step.started' && event.path.includes('import'),
    );
    expect(new Set(started.map((event) => event.path))).toEqual(
      new Set(['steps[0].loop.body[0].import.steps[0]', 'steps[1].import.steps[0]']),
    );
  });
  it('gives two sites their own step paths even when the loader returns one cached pipeline', async () => {
    const shared = parse(ECHO_CHILD);
    const main = `
imports:
  kid: child.yaml
steps:
  - kind: loop
    name: twice
    loop:
      max_loops: 2
      body:
        - name: one
          uses: imports.kid
        - name: two
          uses: imports.kid
      exit_expression: "'child got child got child got' in previous_step"
`;
    const result = await executePipeline(parse(main), {
      input: 'x',
      file: 'main.yaml',
      loader: { loadPipeline: () => Promise.resolve({ pipeline: shared, file: 'child.yaml' }) },
    });
    expect(result.status).toBe('succeeded');
    const sites = result.steps[0]?.children.map((step) => [
      step.name,
      step.iteration,
      step.children[0]?.path,
    ]);
    expect(sites).toEqual([
      ['one', 1, 'steps[0].loop.body[0].import.steps[0]'],
      ['two', 1, 'steps[0].loop.body[1].import.steps[0]'],
      ['one', 2, 'steps[0].loop.body[0].import.steps[0]'],
      ['two', 2, 'steps[0].loop.body[1].import.steps[0]'],
    ]);
  });
});

describe('import steps: input and context', () => {
  const PROBE = `
steps:
  - name: probe
    agent: { id: flujo.builtins.passthrough }
    input: "{{ context | tojson }}"
`;

  async function childContext(config: string, mainContext: Record<string, unknown>) {
    const result = await run(importStep(config), { 'child.yaml': PROBE }, { context: mainContext });
    expect(result.status).toBe('succeeded');
    return JSON.parse(String(result.output)) as Record<string, unknown>;
  }

  it('gives the child a fresh context with the parent artifacts and conversation copied', async () => {
    const ctx = await childContext('      input_to: initial_prompt\n', {
      secret: 1,
      import_artifacts: { a: 1 },
      hitl_history: [{ human_response: 'h' }],
    });
    expect(ctx.secret).toBeUndefined();
    expect(ctx.import_artifacts).toEqual({ a: 1 });
    expect(ctx.hitl_history).toEqual([{ human_response: 'h' }]);
    expect(ctx.initial_prompt).toBe('hello');
  });

  it('does not copy the conversation with inherit_conversation false', async () => {
    const ctx = await childContext('      inherit_conversation: false\n', {
      hitl_history: [{ human_response: 'h' }],
    });
    expect(ctx.hitl_history).toEqual([]);
  });

  it('inherits the whole parent context with inherit_context', async () => {
    const ctx = await childContext('      inherit_context: true\n', { secret: 1 });
    expect(ctx.secret).toBe(1);
  });

  it('takes the input from import_artifacts[input_scratchpad_key] when set', async () => {
    const ctx = await childContext('      input_scratchpad_key: seed\n', {
      import_artifacts: { seed: { q: 'from artifacts' } },
    });
    expect(ctx.initial_prompt).toBe('{"q":"from artifacts"}');
  });

  it('routes a dict input into import_artifacts with input_to: import_artifacts', async () => {
    const result = await run(
      importStep('      input_to: import_artifacts\n'),
      { 'child.yaml': PROBE },
      { input: { cohort: 'adults' }, context: { import_artifacts: { keep: true } } },
    );
    const ctx = JSON.parse(String(result.output)) as Record<string, unknown>;
    expect(ctx.import_artifacts).toEqual({ keep: true, cohort: 'adults' });
  });

  it('stores a scalar under the scratchpad key and sets initial_prompt with input_to: both', async () => {
    const ctx = await childContext('      input_to: both\n', {});
    expect(ctx.import_artifacts).toEqual({ initial_input: 'hello' });
    expect(ctx.initial_prompt).toBe('hello');
  });
});

describe('import steps: outputs and failures', () => {
  const WRITER = `
steps:
  - name: write
    agent: { id: flujo.builtins.context_set }
    input: { path: import_artifacts.result, value: 42 }
  - name: last
    agent: { id: flujo.builtins.passthrough }
    input: { from_output: yes }
`;

  it('maps outputs under import_artifacts (context first, then the last output)', async () => {
    const config = `      outputs:
        - { child: import_artifacts.result, parent: import_artifacts.answer }
        - { child: from_output, parent: nested.flag }
        - { child: missing.value, parent: never }
`;
    const result = await run(importStep(config, '    updates_context: true\n'), {
      'child.yaml': WRITER,
    });
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual({ import_artifacts: { answer: 42, nested: { flag: true } } });
    expect(result.context.import_artifacts).toEqual({ answer: 42, nested: { flag: true } });
    expect(result.context.never).toBeUndefined();
  });

  it('merges nothing with outputs: []', async () => {
    const result = await run(importStep('      outputs: []\n', '    updates_context: true\n'), {
      'child.yaml': WRITER,
    });
    expect(result.status).toBe('succeeded');
    expect(result.context.import_artifacts).toEqual({});
    expect(result.context.from_output).toBeUndefined();
  });

  it('merges the whole child context without outputs, keeping the parent prompt', async () => {
    const result = await run(
      importStep('      input_to: initial_prompt\n', '    updates_context: true\n'),
      {
        'child.yaml': WRITER,
      },
    );
    expect(result.status).toBe('succeeded');
    expect(result.context.import_artifacts).toEqual({ result: 42 });
    expect(result.context.step_outputs).toMatchObject({
      write: expect.anything() as unknown,
      last: { from_output: true },
    });
    expect(result.context.initial_prompt).toBe('hello');
    expect(result.output).toEqual({ from_output: true });
  });

  it('leaves the parent context alone without updates_context', async () => {
    const result = await run(importStep('      input_to: initial_prompt\n'), {
      'child.yaml': WRITER,
    });
    expect(result.output).toEqual({ from_output: true });
    expect(result.context.import_artifacts).toEqual({});
  });

  const FAILING = 'steps:\n  - name: boom\n    uses: python.module:missing\n';

  it('aborts with the child feedback by default', async () => {
    const result = await run(importStep('      input_to: initial_prompt\n'), {
      'child.yaml': FAILING,
    });
    expect(result.status).toBe('failed');
    expect(result.error?.message).toContain("Imported pipeline 'kid' failed");
    expect(result.steps[0]?.children[0]?.name).toBe('boom');
  });

  it.each([
    ['skip', null],
    ['continue_with_default', {}],
  ])('on_failure: %s succeeds with %j', async (policy, output) => {
    const main = `${importStep(`      on_failure: ${policy}\n`)}  - name: after
    agent: { id: flujo.builtins.passthrough }
`;
    const result = await run(main, { 'child.yaml': FAILING });
    expect(result.status).toBe('succeeded');
    expect(result.steps[0]?.output).toEqual(output);
    expect(result.steps[0]?.metadata.on_failure).toBe(policy);
  });
});

describe('import steps: HITL', () => {
  const ASKING = `
steps:
  - name: before
    input: "before {{ previous_step }}"
  - kind: hitl
    name: ask
    message: "approve {{ previous_step }}?"
  - name: after
    input: "after {{ previous_step }}"
`;

  it('propagates a pause and resumes inside the child', async () => {
    const main = importStep('      input_to: initial_prompt\n');
    const paused = await run(main, { 'child.yaml': ASKING });
    expect(paused.status).toBe('paused');
    expect(paused.checkpoint?.hitl.path).toBe('steps[0].import.steps[1]');
    expect(paused.checkpoint?.cursor.inner.kind).toBe('import');
    const checkpoint = JSON.parse(JSON.stringify(paused.checkpoint)) as Checkpoint;
    const resumed = await resumePipeline(parse(main), checkpoint, 'yes', {
      file: 'main.yaml',
      loader: memoryLoader({ 'child.yaml': ASKING }),
    });
    expect(resumed.status).toBe('succeeded');
    expect(resumed.output).toBe('after yes');
    const names = resumed.steps[0]?.children.map((child) => child.name);
    expect(names).toEqual(['before', 'ask', 'after']);
  });

  it('rejects an answer that does not match the input_schema and keeps the checkpoint usable', async () => {
    const asking = 'steps:\n  - kind: hitl\n    name: ask\n    input_schema: { type: integer }\n';
    const main = importStep('      input_to: initial_prompt\n');
    const paused = await run(main, { 'child.yaml': asking });
    const checkpoint = JSON.parse(JSON.stringify(paused.checkpoint)) as Checkpoint;
    const options = { file: 'main.yaml', loader: memoryLoader({ 'child.yaml': asking }) };
    await expect(resumePipeline(parse(main), checkpoint, 'seven', options)).rejects.toThrow(
      /does not match its input_schema/,
    );
    const resumed = await resumePipeline(parse(main), checkpoint, 7, options);
    expect(resumed.status).toBe('succeeded');
    expect(resumed.output).toBe(7);
  });

  it('suppresses the pause with propagate_hitl: false', async () => {
    const main = `${importStep('      propagate_hitl: false\n')}  - name: next
    agent: { id: flujo.builtins.passthrough }
`;
    const result = await run(main, { 'child.yaml': ASKING });
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual({});
    expect(result.steps[0]?.metadata.hitl_propagation).toBe('suppressed');
  });

  it('a HITL inside a loop inside an import resumes exactly at its iteration from a serialized checkpoint', async () => {
    const child = `
steps:
  - kind: loop
    name: rounds
    loop:
      max_loops: 3
      body:
        - name: note
          input: "{{ context.import_artifacts.round }}x"
          sink_to: import_artifacts.round
        - kind: hitl
          name: confirm
          message: "round?"
      exit_expression: "previous_step == 'stop'"
  - name: done
    input: "done after {{ previous_step }}"
`;
    const main = `
imports:
  kid: child.yaml
steps:
  - name: call_kid
    uses: imports.kid
    updates_context: true
    config:
      outputs:
        - { child: import_artifacts.round, parent: rounds_seen }
`;
    const files = { 'child.yaml': child };
    const options = { file: 'main.yaml', loader: memoryLoader(files) };
    let result = await run(main, files, { context: { import_artifacts: { round: '' } } });
    const iterations: (number | undefined)[] = [];
    for (const answer of ['go', 'stop']) {
      expect(result.status).toBe('paused');
      const events: RunEvent[] = [];
      const checkpoint = JSON.parse(JSON.stringify(result.checkpoint)) as Checkpoint;
      const next = await resumePipeline(parse(main), checkpoint, answer, {
        ...options,
        onEvent: (event) => events.push(event),
      });
      const answered = events.find((event) => event.type === 'hitl.answered');
      iterations.push(answered?.iteration);
      // The resumed run continues after the HITL: nothing before it reruns in that iteration.
      const rerun = events.filter(
        (event) => event.type === 'step.started' && event.iteration === answered?.iteration,
      );
      expect(rerun.map((event) => event.path)).not.toContain(
        'steps[0].import.steps[0].loop.body[0]',
      );
      result = { ...next, events };
    }
    expect(iterations).toEqual([1, 2]);
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual({ import_artifacts: { rounds_seen: 'xx' } });
    expect(findResult(result.steps, 'done')?.output).toBe('done after stop');
    expect(result.context.import_artifacts).toEqual({ round: '', rounds_seen: 'xx' });
    const loop = findResult(result.steps, 'rounds');
    expect(loop?.metadata.iterations).toBe(2);
  });
});

function findResult(results: readonly StepResult[], name: string): StepResult | undefined {
  for (const result of results) {
    if (result.name === name) return result;
    const inner = findResult(result.children, name);
    if (inner) return inner;
  }
  return undefined;
}
