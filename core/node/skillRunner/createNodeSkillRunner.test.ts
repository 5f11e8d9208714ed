import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeSkillRunner } from './createNodeSkillRunner';
import { parseSkillRef } from './resolveSkillFile';

let baseDir: string;
let outside: string;

const files: Record<string, string> = {
  'skills/text.mjs': `
export function upper(input, context) { return String(input).toUpperCase() + ':' + context.who; }
export async function later(input) { await new Promise((r) => setTimeout(r, 10)); return { got: input }; }
export function boom() { throw new Error('the skill broke'); }
export function hang() { return new Promise(() => { setInterval(() => {}, 1000); }); }
export function never() { return new Promise(() => {}); }
export function spin() { for (;;) {} }
export function fn() { return () => 1; }
export const notAFunction = 3;
`,
  'skills/text/clean.mjs': 'export const strip = (input) => String(input).trim();',
  'skills/legacy.js': 'export function old(input) { return input * 2; }',
  'skills/my_pkg.tools.mjs': 'export function summarize(input) { return "flat " + input; }',
  'skills/other_pkg/mod.mjs': 'export function check(input) { return input === "ok"; }',
  'skills/broken.mjs': 'this is not javascript',
};

beforeAll(async () => {
  baseDir = await mkdtemp(path.join(tmpdir(), 'skills-'));
  outside = await mkdtemp(path.join(tmpdir(), 'outside-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(baseDir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  await writeFile(path.join(baseDir, 'secret.mjs'), 'export function leak() { return "leaked"; }');
  await writeFile(path.join(outside, 'evil.mjs'), 'export function run() { return "evil"; }');
  await symlink(path.join(outside, 'evil.mjs'), path.join(baseDir, 'skills', 'link.mjs'));
});

afterAll(async () => {
  await rm(baseDir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const call = (input: unknown, signal = new AbortController().signal) => ({
  input,
  context: { who: 'ada' },
  signal,
});

describe('createNodeSkillRunner', () => {
  it('runs an exported function in a worker with input and context', async () => {
    const runner = createNodeSkillRunner({ baseDir });
    await expect(runner.run('skills.text:upper', call('hi'))).resolves.toBe('HI:ada');
  });

  it('awaits async functions', async () => {
    const runner = createNodeSkillRunner({ baseDir });
    await expect(runner.run('skills.text:later', call([1, 2]))).resolves.toEqual({ got: [1, 2] });
  });

  it('resolves dotted modules and .js files', async () => {
    const runner = createNodeSkillRunner({ baseDir });
    await expect(runner.run('skills.text.clean:strip', call('  x  '))).resolves.toBe('x');
    await expect(runner.run('skills.legacy:old', call(21))).resolves.toBe(42);
  });

  it('runs JS stand-ins for Python paths (flat or nested file)', async () => {
    const runner = createNodeSkillRunner({ baseDir });
    await expect(runner.run('my_pkg.tools:summarize', call('t'))).resolves.toBe('flat t');
    await expect(runner.run('other_pkg.mod:check', call('ok'))).resolves.toBe(true);
    await expect(runner.run('other_pkg.mod.check', call('no'))).resolves.toBe(false);
  });

  it('passes the message of a thrown error through', async () => {
    const runner = createNodeSkillRunner({ baseDir });
    await expect(runner.run('skills.text:boom', call(null))).rejects.toMatchObject({
      code: 'ExecutionError',
      message: expect.stringContaining('the skill broke') as unknown,
    });
  });

  it('times out, terminating even a busy worker, and says which skill after how long', async () => {
    const runner = createNodeSkillRunner({ baseDir, timeoutMs: 200 });
    await expect(runner.run('skills.text:hang', call(null))).rejects.toMatchObject({
      code: 'TimeoutError',
      message: 'The skill skills.text:hang timed out after 200 ms.',
    });
    await expect(runner.run('skills.text:spin', call(null))).rejects.toMatchObject({
      code: 'TimeoutError',
    });
  });

  it('a skill whose promise can never settle ends without a result', async () => {
    const runner = createNodeSkillRunner({ baseDir });
    await expect(runner.run('skills.text:never', call(null))).rejects.toThrow('without a result');
  });

  it('stops on abort with the abort reason', async () => {
    const runner = createNodeSkillRunner({ baseDir });
    const controller = new AbortController();
    const pending = runner.run('skills.text:hang', call(null, controller.signal));
    setTimeout(() => {
      controller.abort(new Error('user stopped it'));
    }, 50);
    await expect(pending).rejects.toThrow('user stopped it');
  });

  it('reports a missing file, a missing export and a broken module', async () => {
    const runner = createNodeSkillRunner({ baseDir });
    await expect(runner.run('skills.nope:fn', call(null))).rejects.toMatchObject({
      code: 'ConfigurationError',
      message: expect.stringContaining('was not found') as unknown,
    });
    await expect(runner.run('skills.text:missing', call(null))).rejects.toMatchObject({
      code: 'ConfigurationError',
      message: expect.stringContaining('does not export a function missing') as unknown,
    });
    await expect(runner.run('skills.broken:x', call(null))).rejects.toMatchObject({
      code: 'ExecutionError',
      message: expect.stringContaining('could not be loaded') as unknown,
    });
  });

  it('rejects a return value that cannot be passed back', async () => {
    const runner = createNodeSkillRunner({ baseDir });
    await expect(runner.run('skills.text:fn', call(null))).rejects.toMatchObject({
      message: expect.stringContaining('cannot be passed back') as unknown,
    });
  });

  it('has() checks the file and the exported function', async () => {
    const runner = createNodeSkillRunner({ baseDir });
    expect(await runner.has('skills.text:upper')).toBe(true);
    expect(await runner.has('skills.text.clean:strip')).toBe(true);
    expect(await runner.has('my_pkg.tools:summarize')).toBe(true);
    expect(await runner.has('skills.text:missing')).toBe(false);
    expect(await runner.has('skills.text:notAFunction')).toBe(false);
    expect(await runner.has('skills.nope:fn')).toBe(false);
    expect(await runner.has('skills.broken:x')).toBe(false);
  });

  it('never leaves baseDir/skills', async () => {
    const runner = createNodeSkillRunner({ baseDir });
    for (const ref of ['skills...secret:leak', 'skills..:leak', '..secret:leak', 'skills./etc:x']) {
      expect(await runner.has(ref)).toBe(false);
    }
    expect(await runner.has('skills.link:run')).toBe(false);
    await expect(runner.run('skills.link:run', call(null))).rejects.toMatchObject({
      code: 'ConfigurationError',
    });
    expect(parseSkillRef('skills.a/../b:fn')).toBeUndefined();
    expect(parseSkillRef('skills.a..b:fn')).toBeUndefined();
  });

  it('a missing skills folder means no skill exists', async () => {
    const runner = createNodeSkillRunner({ baseDir: outside });
    expect(await runner.has('skills.text:upper')).toBe(false);
  });
});

describe('has() after an edit', () => {
  it('sees a function added to the file later', async () => {
    const runner = createNodeSkillRunner({ baseDir });
    const file = path.join(baseDir, 'skills', 'growing.mjs');
    await writeFile(file, 'export const a = () => 1;');
    expect(await runner.has('skills.growing:b')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(file, 'export const a = () => 1;\nexport const b = () => 2;');
    expect(await runner.has('skills.growing:b')).toBe(true);
    await expect(runner.run('skills.growing:b', call(null))).resolves.toBe(2);
  });
});
