import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executePipeline } from '../../engine';
import { parsePipelineYaml } from '../../yaml';
import { createNodeSkillRunner } from './createNodeSkillRunner';

let baseDir: string;

beforeAll(async () => {
  baseDir = await mkdtemp(path.join(tmpdir(), 'skills-engine-'));
  await mkdir(path.join(baseDir, 'skills'), { recursive: true });
  await writeFile(
    path.join(baseDir, 'skills', 'words.mjs'),
    `export function count(input, context) { return { words: String(input).split(' ').length, who: context.who }; }
export function slow() { return new Promise((resolve) => setTimeout(resolve, 10_000)); }`,
  );
});

afterAll(async () => {
  await rm(baseDir, { recursive: true, force: true });
});

function pipeline(yaml: string) {
  const parsed = parsePipelineYaml(yaml);
  if (parsed.pipeline === undefined) throw new Error('bad test YAML');
  return parsed.pipeline;
}

describe('the engine with the Node skill runner', () => {
  it('runs a JS skill step in a worker', async () => {
    const result = await executePipeline(
      pipeline(`
name: words
steps:
  - name: count
    uses: skills.words:count
`),
      {
        input: 'one two three',
        context: { who: 'ada' },
        skills: createNodeSkillRunner({ baseDir }),
      },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual({ words: 3, who: 'ada' });
  });

  it("ends a skill at the step's timeout_s by terminating its worker", async () => {
    const started = Date.now();
    const result = await executePipeline(
      pipeline(`
name: slow
steps:
  - name: slow
    uses: skills.words:slow
    config: { timeout_s: 0.2, max_retries: 0 }
`),
      { skills: createNodeSkillRunner({ baseDir }) },
    );
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
