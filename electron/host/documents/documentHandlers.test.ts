import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHost } from '../__fixtures__/testHost';
import { startTestHost } from '../__fixtures__/testHost';

const PIPELINE = 'version: "0.1"\nname: demo\nsteps:\n  - kind: step\n    name: a\n    input: hi\n';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.dispose();
});

describe('documents', () => {
  it('opens a file with its sidecar and remembers it as recent', async () => {
    const file = path.join(t.dir, 'demo.yaml');
    await writeFile(file, PIPELINE);
    await writeFile(`${file}.studio.json`, '{"layout":{"a":[1,2]}}');
    const opened = await t.call('documents.open', { path: 'demo.yaml' });
    expect(opened).toEqual({ path: file, text: PIPELINE, sidecar: { layout: { a: [1, 2] } } });
    expect((await t.call('documents.recent', {})).files.map((f) => f.path)).toEqual([file]);
  });

  it('opens a file whose sidecar is broken, with no sidecar and a logged warning', async () => {
    const file = path.join(t.dir, 'demo.yaml');
    await writeFile(file, PIPELINE);
    await writeFile(`${file}.studio.json`, '{ not json');
    const opened = await t.call('documents.open', { path: file });
    expect(opened.text).toBe(PIPELINE);
    expect(opened.sidecar).toBeNull();
    expect(t.warnings.join('\n')).toContain('demo.yaml.studio.json');
  });

  it('saves the text and the sidecar, leaving no temp files behind', async () => {
    const saved = await t.call('documents.save', {
      path: 'sub/new.yaml',
      text: PIPELINE,
      sidecar: { layout: {} },
    });
    const file = path.join(t.dir, 'sub', 'new.yaml');
    expect(saved.path).toBe(file);
    expect(await readFile(file, 'utf8')).toBe(PIPELINE);
    expect(JSON.parse(await readFile(`${file}.studio.json`, 'utf8'))).toEqual({ layout: {} });
    expect((await readdir(path.dirname(file))).sort()).toEqual([
      'new.yaml',
      'new.yaml.studio.json',
    ]);
    const reopened = await t.call('documents.open', { path: file });
    expect(reopened.text).toBe(PIPELINE);
  });

  it('exports the YAML text as given', async () => {
    await t.call('documents.export', { path: 'out.yaml', text: PIPELINE });
    expect(await readFile(path.join(t.dir, 'out.yaml'), 'utf8')).toBe(PIPELINE);
  });

  it('lists workspace pipelines recursively, sorted, skipping node_modules and .git', async () => {
    await mkdir(path.join(t.dir, 'b', 'deep'), { recursive: true });
    await mkdir(path.join(t.dir, 'node_modules', 'x'), { recursive: true });
    await mkdir(path.join(t.dir, '.git'), { recursive: true });
    for (const name of [
      'z.yaml',
      'a.yml',
      'b/deep/c.yaml',
      'node_modules/x/n.yaml',
      '.git/g.yaml',
      'notes.txt',
    ]) {
      await writeFile(path.join(t.dir, name), PIPELINE);
    }
    const { files } = await t.call('documents.list', {});
    expect(files.map((f) => f.name)).toEqual(['a.yml', 'b/deep/c.yaml', 'z.yaml']);
    expect(files[0]?.path).toBe(path.join(t.dir, 'a.yml'));
  });

  it("offers the repository's examples with titles and descriptions", async () => {
    const { samples } = await t.call('documents.samples', {});
    const hello = samples.find((sample) => sample.id === 'hello');
    expect(hello).toMatchObject({ title: 'Hello' });
    expect(hello?.description).toContain('two template steps');
    expect(hello?.text).toContain('name: hello');
    const approval = samples.find((sample) => sample.id === 'human-approval');
    expect(approval?.title).toBe('Human approval');
    expect(approval?.description).toContain('ask a human to approve');
  });

  it('refuses paths outside the workspace in browser mode', async () => {
    for (const escape of ['../outside.yaml', '/etc/passwd']) {
      const envelope = await t.host.dispatch('documents.open', { path: escape });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'PathOutsideWorkspace' } });
      const save = await t.host.dispatch('documents.save', { path: escape, text: 'x' });
      expect(save).toMatchObject({ ok: false, error: { code: 'PathOutsideWorkspace' } });
    }
  });

  it('refuses a symbolic link that leads out of the workspace in browser mode', async () => {
    const outside = await startTestHost();
    try {
      await writeFile(path.join(outside.dir, 'secret.yaml'), PIPELINE);
      await symlink(outside.dir, path.join(t.dir, 'link'));
      const envelope = await t.host.dispatch('documents.open', { path: 'link/secret.yaml' });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'PathOutsideWorkspace' } });
    } finally {
      await outside.dispose();
    }
  });

  it('allows absolute paths anywhere in electron mode', async () => {
    const outside = await startTestHost();
    const electron = await startTestHost({ mode: 'electron', workspace: t.dir });
    try {
      const file = path.join(outside.dir, 'elsewhere.yaml');
      await writeFile(file, PIPELINE);
      expect((await electron.call('documents.open', { path: file })).text).toBe(PIPELINE);
    } finally {
      await electron.dispose();
      await outside.dispose();
    }
  });
});

describe('drafts', () => {
  it('saves, lists (newest first) and discards crash-recovery copies', async () => {
    await t.call('drafts.save', { key: 'untitled-1', text: 'one' });
    await t.call('drafts.save', { key: '/some/path.yaml', text: 'two', sidecar: { a: 1 } });
    await t.call('drafts.save', { key: 'untitled-1', text: 'one, edited' });
    const { drafts } = await t.call('drafts.list', {});
    expect(drafts.map((d) => [d.key, d.text]).sort()).toEqual([
      ['/some/path.yaml', 'two'],
      ['untitled-1', 'one, edited'],
    ]);
    await t.call('drafts.discard', { key: 'untitled-1' });
    await t.call('drafts.discard', { key: 'never-saved' });
    expect((await t.call('drafts.list', {})).drafts.map((d) => d.key)).toEqual(['/some/path.yaml']);
    const files = await readdir(path.join(t.dir, '.appdata', 'drafts'));
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
