import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../checkpoint';
import { resumePipeline } from '../resumePipeline';
import { fakeSkills, pipelineOf, runYaml, stepNamed } from '../__fixtures__/engineHarness';

/** A router whose agent passes its input through, so the run input is the selection. */
const ROUTER = `
name: route
steps:
  - kind: dynamic_router
    name: route
    router:
      router_agent: { id: flujo.builtins.passthrough }
      branches:
        billing:
          - name: bill
            agent: { id: flujo.builtins.context_set }
            input: { path: notes.billing, value: refund issued }
          - name: bill_reply
            input: "billing handled"
        support:
          - name: help
            agent: { id: flujo.builtins.context_set }
            input: { path: notes.support, value: ticket opened }
          - name: help_reply
            input: "support handled"
        broken:
          - name: crash
            uses: skills.t:crash
            config: { max_retries: 0 }
`;

const skills = () =>
  fakeSkills({
    'skills.t:crash': () => {
      throw new Error('the CRM is down');
    },
  });

async function route(selection: unknown) {
  return runYaml(ROUTER, { input: selection, skills: skills(), context: { notes: {} } });
}

describe('dynamic_router (FLUJO-SPEC §8.6, DECISIONS 11)', () => {
  it('a string selects one branch; its context changes become the router’s context', async () => {
    const { result } = await route('billing');
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual({ billing: 'billing handled' });
    expect(result.context.notes).toEqual({ billing: 'refund issued' });
    const router = stepNamed(result, 'route');
    expect(router.metadata).toMatchObject({ executed_branches: ['billing'] });
    expect(router.children.map((child) => child.name)).toEqual([
      'route.router',
      'bill',
      'bill_reply',
    ]);
  });

  it('a list selects several branches, run concurrently and merged', async () => {
    const { result, events } = await route(['support', 'billing']);
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual({ support: 'support handled', billing: 'billing handled' });
    expect(result.context.notes).toEqual({ billing: 'refund issued', support: 'ticket opened' });
    const started = events.flatMap((event) => (event.type === 'branch.started' ? [event.key] : []));
    expect(started).toEqual(['support', 'billing']);
  });

  it('an empty selection succeeds with {} and runs nothing', async () => {
    const { result } = await route([]);
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual({});
    expect(stepNamed(result, 'route').metadata).toMatchObject({ executed_branches: [] });
  });

  it('unknown branch names are dropped (and reported in metadata)', async () => {
    const { result } = await route(['sales', 'support']);
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual({ support: 'support handled' });
    expect(stepNamed(result, 'route').metadata).toMatchObject({
      executed_branches: ['support'],
      unknown_branches: ['sales'],
    });
    const onlyUnknown = await route('sales');
    expect(onlyUnknown.result.output).toEqual({});
  });

  it('a failed branch fails the router; executed_branches still lists it', async () => {
    const { result } = await route(['billing', 'broken']);
    expect(result.status).toBe('failed');
    const router = stepNamed(result, 'route');
    expect(router.feedback).toBe("Failure in branch 'broken': the CRM is down");
    expect(router.metadata).toMatchObject({
      executed_branches: ['billing', 'broken'],
      failed_branches: ['broken'],
    });
    expect(result.context.notes).toEqual({});
  });

  it('a router output that is neither a name nor a list fails with what it must return', async () => {
    const { result } = await route({ pick: 'billing' });
    expect(result.status).toBe('failed');
    expect(stepNamed(result, 'route').feedback).toContain(
      'it must return a branch name or a list of branch names',
    );
  });

  it('runs a JS skill router on the input and resumes a pause inside a selected branch', async () => {
    const runner = fakeSkills({
      'pkg.routing:choose': ({ input }) => (input === 'vip' ? ['ask', 'log'] : 'log'),
    });
    const pipeline = pipelineOf(`
name: vip
steps:
  - kind: dynamic_router
    name: route
    router:
      router_agent: pkg.routing:choose
      branches:
        ask:
          - kind: hitl
            name: confirm
            message: "Serve {{ previous_step }}?"
          - name: answered
            input: "asked: {{ previous_step }}"
        log:
          - name: log
            input: "logged {{ previous_step }}"
`);
    const { result: paused } = await runYaml(pipeline, { input: 'vip', skills: runner });
    expect(paused.status).toBe('paused');
    const checkpoint = JSON.parse(JSON.stringify(paused.checkpoint)) as Checkpoint;
    const resumed = await resumePipeline(pipeline, checkpoint, 'ok', { skills: runner });
    expect(resumed.status).toBe('succeeded');
    expect(resumed.output).toEqual({ ask: 'asked: ok', log: 'logged vip' });
    expect(runner.calls['pkg.routing:choose']).toBe(1);
    expect(stepNamed(resumed, 'route').metadata).toMatchObject({
      executed_branches: ['ask', 'log'],
    });
  });
});
