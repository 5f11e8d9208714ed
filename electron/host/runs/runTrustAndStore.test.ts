import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteRunStore } from '../../../core/node/sqlite';
import { createMemoryRunStore } from '../../../core/store';
import type { TestHost } from '../__fixtures__/testHost';
import { runEnded, startTestHost } from '../__fixtures__/testHost';
import { createEnvSecretStore } from '../settings/secretStore';

const SECRET = 'sk-run-secret-never-shown-987654321';
const SKILL_PIPELINE = `version: "0.1"
name: skilled
steps:
  - name: greet
    uses: skills.greet:hello
`;

describe('workspace trust and JS skills', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = await startTestHost({ secrets: createEnvSecretStore({ OPENAI_API_KEY: SECRET }) });
    await mkdir(path.join(t.dir, 'skills'));
    await writeFile(
      path.join(t.dir, 'skills', 'greet.mjs'),
      'export function hello(input) { return `hi ${String(input)}`; }\n',
    );
    await writeFile(path.join(t.dir, 'skilled.yaml'), SKILL_PIPELINE);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('runs custom skills only after the folder is trusted, and says so', async () => {
    const start = () =>
      t.call('runs.start', { text: SKILL_PIPELINE, file: 'skilled.yaml', input: 'Ada' });
    const untrusted = await start();
    expect(await t.waitFor(runEnded(untrusted.runId))).toMatchObject({ status: 'failed' });
    const { run } = await t.call('runs.get', { runId: untrusted.runId });
    expect(run.error?.message).toContain('run only after you trust this folder');

    await t.call('workspace.trust', { trusted: true });
    const trusted = await start();
    expect(await t.waitFor(runEnded(trusted.runId))).toMatchObject({ status: 'succeeded' });
    expect((await t.call('runs.get', { runId: trusted.runId })).run.output).toBe('hi Ada');

    const everything = JSON.stringify({
      events: t.events,
      warnings: t.warnings,
      stored: [untrusted.runId, trusted.runId].map((runId) => t.store.readEvents(runId)),
    });
    expect(everything).not.toContain(SECRET);
  });
});

describe('with the SQLite store', () => {
  it('records a run, its events and its end in the database file', async () => {
    const probe = await startTestHost();
    const file = path.join(probe.dir, 'db', 'runs.sqlite');
    const store = openSqliteRunStore({ path: file });
    const t = await startTestHost({ store });
    try {
      const text = await readFile(new URL('../../../examples/hello.yaml', import.meta.url), 'utf8');
      const { runId } = await t.call('runs.start', { text, input: 'db' });
      expect(await t.waitFor(runEnded(runId))).toMatchObject({ status: 'succeeded' });
      await t.host.close();
      store.close();
      const reopened = openSqliteRunStore({ path: file });
      try {
        expect(reopened.getRun(runId)).toMatchObject({ status: 'succeeded', output: 'HELLO, DB!' });
        expect(reopened.readEvents(runId).at(-1)?.type).toBe('run.succeeded');
      } finally {
        reopened.close();
      }
    } finally {
      await t.dispose();
      await probe.dispose();
    }
  });
});

describe('host start', () => {
  it('marks runs left running by a dead process as interrupted', async () => {
    const store = createMemoryRunStore();
    store.createRun({
      runId: 'orphan',
      pipelineName: 'p',
      input: null,
      status: 'running',
      startedAt: 1,
      pid: 2 ** 22 + 12_345,
    });
    const t = await startTestHost({ store });
    try {
      expect((await t.call('runs.get', { runId: 'orphan' })).run.status).toBe('interrupted');
    } finally {
      await t.dispose();
    }
  });
});
