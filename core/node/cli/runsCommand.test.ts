import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { CliRun } from './__fixtures__/spawnCli';
import { cli, finished, hasStackTrace, startCli } from './__fixtures__/spawnCli';

const folder = mkdtempSync(path.join(tmpdir(), 'flujo-cli-runs-'));
let dbIndex = 0;
let db = '';

beforeEach(() => {
  dbIndex += 1;
  db = path.join(folder, `runs-${String(dbIndex)}.sqlite`);
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const env = () => ({ FLUJO_STUDIO_DB: db, FLUJO_INPUT: undefined });
const runs = (...args: string[]): Promise<CliRun> => cli(['runs', ...args], { env: env() });

interface ListedRun {
  run_id: string;
  status: string;
  pipeline_name: string;
}

async function listRuns(): Promise<ListedRun[]> {
  const listed = await runs('list', '--json');
  expect(listed.code).toBe(0);
  return JSON.parse(listed.stdout) as ListedRun[];
}

async function eventsOf(runId: string): Promise<{ seq: number; type: string }[]> {
  const result = await runs('events', runId, '--json');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { seq: number; type: string }[];
}

async function pausedApprovalRun(): Promise<string> {
  const paused = await cli(['run', 'examples/human-approval.yaml'], { env: env() });
  expect(paused.code).toBe(0);
  const runId = /Run (\S+) paused at "approve"/.exec(paused.stdout)?.[1] ?? '';
  expect(paused.stdout).toContain('Publish this announcement?');
  expect(paused.stdout).toContain(`Resume with: flujo-studio runs resume ${runId} --input`);
  expect(paused.stderr).toMatch(/^paused in \d+ ms/m);
  return runId;
}

/** Polls until `check` passes (the child process writes in the meantime). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the CLI run');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('flujo-studio runs: durable HITL across processes', { timeout: 180_000 }, () => {
  it('pauses, then resumes in a second process exactly once', async () => {
    const runId = await pausedApprovalRun();
    expect(await listRuns()).toEqual([
      expect.objectContaining({ run_id: runId, status: 'paused' }),
    ]);

    const wrong = await runs('resume', runId, '--input', '{"decision": "maybe"}');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/does not match its input_schema.*still pending/);

    const resumed = await runs(
      'resume',
      runId,
      '--input',
      '{"decision": "approve", "comment": "ok"}',
      '--json',
    );
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      run_id: runId,
      status: 'succeeded',
      output: 'Published. Reviewer said: ok',
    });

    const again = await runs('resume', runId, '--input', '{"decision": "reject"}');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('flujo-studio: This request was already answered.\n');
    expect(await listRuns()).toEqual([
      expect.objectContaining({ run_id: runId, status: 'succeeded' }),
    ]);
    const seqs = (await eventsOf(runId)).map((event) => event.seq);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
  });

  it('shows a run with its step tree, its trace and its events', async () => {
    const runId = await pausedApprovalRun();
    await runs('resume', runId, '-i', '{"decision": "reject"}');
    const shown = await runs('show', runId);
    expect(shown.stdout).toContain(`Run ${runId}: human_approval succeeded`);
    expect(shown.stdout).toMatch(/^ {2}✓ approve \(hitl\) \d+ ms$/m);
    expect(shown.stdout).toMatch(/^ {4}✓ archive \(step\) \[reject\] \d+ ms$/m);
    const trace = await runs('trace', runId);
    expect(trace.stdout).toMatch(/^pipeline_run \[completed\] \d+/);
    expect(trace.stdout).toMatch(/^ {2}act_on_decision \(conditional\) \[completed\] \d+ ms$/m);
    expect(trace.stdout).toMatch(/^ {4}archive \(step\) \[completed\] \d+ ms$/m);
    const events = await runs('events', runId);
    expect(events.stdout.split('\n')[0]).toMatch(/^\s+1 {2}\S+ {2}run\.started {2}-$/);
    expect(events.stdout).toMatch(/run\.paused {2}steps\[1\] approve/);
    const json = await runs('show', runId, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      run_id: runId,
      status: 'succeeded',
      steps: [{ name: 'draft' }, { name: 'approve' }, { name: 'act_on_decision' }],
    });
  });

  it('exits 1 with one line for an unknown run, and 2 without --input', async () => {
    for (const command of ['show', 'trace', 'events', 'resume']) {
      const result = await runs(
        command,
        'no-such-run',
        ...(command === 'resume' ? ['-i', 'x'] : []),
      );
      expect(result.code, command).toBe(1);
      expect(result.stderr).toBe(
        'flujo-studio: no run with id no-such-run is stored. List the runs with flujo-studio runs list.\n',
      );
    }
    const usage = await runs('resume', 'some-run');
    expect(usage.code).toBe(2);
    expect(hasStackTrace(usage)).toBe(false);
    expect((await runs('list', '--status', 'sleeping')).code).toBe(2);
  });
});

describe('flujo-studio run: interruption', { timeout: 180_000 }, () => {
  const slowLoop = 'core/node/cli/__fixtures__/run/slow-loop.yaml';

  async function startSlowRun(): Promise<{ child: ReturnType<typeof startCli>; runId: string }> {
    const child = startCli(['run', slowLoop, '-i', 'go'], { env: env() });
    let runId = '';
    await eventually(async () => {
      const [listed] = await listRuns();
      if (listed === undefined) return false;
      runId = listed.run_id;
      return (await eventsOf(runId)).length >= 12;
    });
    return { child, runId };
  }

  it('after kill -9, the run is interrupted and its earlier events are intact', async () => {
    const { child, runId } = await startSlowRun();
    const before = await eventsOf(runId);
    const exited = finished(child);
    child.kill('SIGKILL');
    expect((await exited).code).toBe(null);
    expect(await listRuns()).toEqual([
      expect.objectContaining({ run_id: runId, status: 'interrupted' }),
    ]);
    const after = await eventsOf(runId);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after[0]?.type).toBe('run.started');
  });

  it('Ctrl-C cancels the run, records it as cancelled and exits 130', async () => {
    const { child, runId } = await startSlowRun();
    const exited = finished(child);
    child.kill('SIGINT');
    const result = await exited;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`flujo-studio: run ${runId} was cancelled.`);
    expect(await listRuns()).toEqual([
      expect.objectContaining({ run_id: runId, status: 'cancelled' }),
    ]);
    expect((await eventsOf(runId)).at(-1)?.type).toBe('run.cancelled');
  });
});
