import { describe, expect, it } from 'vitest';
import { pipelineOf } from '../__fixtures__/engineHarness';
import { executePipeline } from '../executePipeline';
import type { PipelineLoader } from '../runOptions';
import { createDebugSession } from './createDebugSession';

const PARENT = `
version: "0.1"
imports:
  child: child.yaml
steps:
  - name: run_child
    uses: imports.child
  - name: after
    input: "after {{ previous_step }}"
`;

const CHILD = `
version: "0.1"
steps:
  - name: inner_one
    input: "one {{ previous_step }}"
  - name: inner_two
    input: "two {{ previous_step }}"
`;

const loader: PipelineLoader = {
  loadPipeline: (path) =>
    Promise.resolve(
      path === 'child.yaml'
        ? { pipeline: pipelineOf(CHILD), file: 'child.yaml' }
        : { error: `no ${path}` },
    ),
};

describe('stepping across an import (issue 5)', () => {
  it('step over an import runs the whole child and stops at the next top-level step', async () => {
    const session = createDebugSession({ pauseOnStart: true });
    const done = executePipeline(pipelineOf(PARENT), {
      input: 'x',
      loader,
      file: 'parent.yaml',
      debug: session,
    });
    const start = await session.waitForPause();
    expect(start?.frames.at(-1)?.path).toBe('steps[0]');
    session.stepOver();
    const next = await session.waitForPause();
    expect(next?.frames.map((frame) => frame.path)).toEqual(['steps[1]']);
    session.continue();
    const result = await done;
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('after two one x');
  });

  it("step into an import stops at the child file's first step", async () => {
    const session = createDebugSession({ pauseOnStart: true });
    const done = executePipeline(pipelineOf(PARENT), {
      input: 'x',
      loader,
      file: 'parent.yaml',
      debug: session,
    });
    await session.waitForPause();
    session.stepInto();
    const inner = await session.waitForPause();
    expect(inner?.frames.at(-1)?.stepName).toBe('inner_one');
    expect(inner?.frames.length).toBe(2);
    session.continue();
    expect((await done).status).toBe('succeeded');
  });
});
