import { describe, expect, it } from 'vitest';

import type { ChildPipeline, StepNode } from '../model';
import { corpus, edit, loadText, newStep, updateStep } from './__fixtures__/editSupport';
import { fixturesDir, readText } from './__fixtures__/testSupport';
import { printPipelineYaml } from './printPipelineYaml';

describe('printing an edited model', () => {
  it('renames a step: one line changes', () => {
    const result = edit(corpus('context_helpers_demo.yaml'), (p) =>
      updateStep(p, 1, (s) => ({ ...s, name: 'set_display_name' })),
    );
    expect(result.removed).toEqual(['    name: set_user_name']);
    expect(result.added).toEqual(['    name: set_display_name']);
  });

  it('changes a scalar field and keeps its quotes', () => {
    const result = edit(corpus('hitl_sink_demo.yaml'), (p) =>
      updateStep(p, 1, (s) =>
        s.kind === 'hitl' ? { ...s, message: 'Which theme do you like?' } : s,
      ),
    );
    expect(result.removed).toEqual(['    message: "What are your preferences?"']);
    expect(result.added).toEqual(['    message: "Which theme do you like?"']);
  });

  it('adds a key at the end of the step mapping', () => {
    const result = edit(corpus('hitl_sink_demo.yaml'), (p) =>
      updateStep(p, 2, (s) => ({ ...s, config: { max_retries: 3, extra: {} } })),
    );
    expect(result.removed).toEqual([]);
    expect(result.added).toEqual(['    config:', '      max_retries: 3']);
  });

  it('deletes a step with its comment', () => {
    const text = corpus('context_helpers_demo.yaml');
    const result = edit(text, (p) => ({ ...p, steps: p.steps.filter((_, i) => i !== 1) }));
    expect(result.added).toEqual([]);
    expect(result.removed).toEqual([
      '  # Step 2: Set user name',
      '  - kind: step',
      '    name: set_user_name',
      '    agent:',
      '      id: "flujo.builtins.context_set"',
      '    input:',
      '      path: "import_artifacts.user_name"',
      '      value: "Alice"',
      '    updates_context: true',
      '',
    ]);
  });

  it('inserts a step in a list, separated by a blank line like its siblings', () => {
    const result = edit(corpus('context_helpers_demo.yaml'), (p) => ({
      ...p,
      steps: [
        ...p.steps.slice(0, 2),
        newStep('log_it', { agent: { id: 'flujo.builtins.stringify', extra: {} } }),
        ...p.steps.slice(2),
      ],
    }));
    expect(result.removed).toEqual([]);
    expect(result.added).toEqual([
      '  - kind: step',
      '    name: log_it',
      '    agent:',
      '      id: flujo.builtins.stringify',
      '',
    ]);
  });

  it('inserts a step into a loop body', () => {
    const result = edit(corpus('architect_pipeline.yaml'), (p) =>
      updateStep(p, 1, (s) =>
        s.kind === 'loop'
          ? {
              ...s,
              loop: {
                ...s.loop,
                body: { ...s.loop.body, steps: [newStep('Trace'), ...s.loop.body.steps] },
              },
            }
          : s,
      ),
    );
    expect(result.removed).toEqual([]);
    expect(result.added.sort()).toEqual(['        - kind: step', '          name: Trace'].sort());
    expect(result.printed).toContain(
      '      body:\n        - kind: step\n          name: Trace\n        - kind: step\n',
    );
  });

  it('moves a step and its comment travels with it', () => {
    const text = corpus('context_helpers_demo.yaml');
    const result = edit(text, (p) => ({
      ...p,
      steps: [p.steps[2], p.steps[0], p.steps[1], ...p.steps.slice(3)] as StepNode[],
    }));
    expect([...result.removed].sort()).toEqual([...result.added].sort());
    expect(result.printed).toContain(
      'steps:\n  # Step 3: Merge a settings dictionary\n  - kind: step\n    name: merge_user_settings\n',
    );
    expect(result.printed).toContain(
      '    updates_context: true\n\n  # Step 1: Set a simple value in context\n',
    );
  });

  it('turns a single-step child into a list when it gains a second step', () => {
    const text = readText(fixturesDir, 'kinds/map.yaml');
    const result = edit(text, (p) =>
      updateStep(p, 0, (s) =>
        s.kind === 'map'
          ? {
              ...s,
              map: {
                ...s.map,
                body: { ...s.map.body, steps: [...s.map.body.steps, newStep('count_it')] },
              },
            }
          : s,
      ),
    );
    expect(result.removed).toEqual([
      '        kind: step',
      '        name: handle_item',
      '        input: "{{ previous_step }}"',
    ]);
    expect(result.added).toEqual([
      '        - kind: step',
      '          name: handle_item',
      '          input: "{{ previous_step }}"',
      '        - kind: step',
      '          name: count_it',
    ]);
  });

  it('adds a parallel branch', () => {
    const result = edit(corpus('conversational_loop_parallel.yaml'), (p) =>
      updateStep(p, 0, (s) => {
        if (s.kind !== 'loop') return s;
        const [par] = s.loop.body.steps;
        if (par?.kind !== 'parallel') return s;
        const branches = [
          ...par.branches,
          { key: 'c', pipeline: { form: 'list' as const, steps: [newStep('branch_c')] } },
        ];
        return {
          ...s,
          loop: { ...s.loop, body: { ...s.loop.body, steps: [{ ...par, branches }] } },
        };
      }),
    );
    expect(result.removed).toEqual([]);
    expect(result.added).toEqual([
      '            c:',
      '              - kind: step',
      '                name: branch_c',
    ]);
  });

  it('adds a transition with a plain `on:` key and grows a flow list', () => {
    const result = edit(corpus('architect_pipeline_state_machine.yaml'), (p) =>
      updateStep(p, 0, (s) =>
        s.kind === 'StateMachine'
          ? {
              ...s,
              end_states: ['Done', 'Failed', 'Cancelled'],
              transitions: [
                ...(s.transitions ?? []),
                { from: 'Design', on: 'failure', to: 'Cancelled', extra: {} },
              ],
            }
          : s,
      ),
    );
    expect(result.removed).toEqual(['    end_states: [Done, Failed]']);
    expect([...result.added].sort()).toEqual(
      [
        '    end_states: [Done, Failed, Cancelled]',
        '',
        '      - from: Design',
        '        on: failure',
        '        to: Cancelled',
      ].sort(),
    );
    // Blank lines separate the transitions in this file, so the new one gets one too.
    expect(
      result.printed.endsWith(
        '        to: Failed\n\n      - from: Design\n        on: failure\n        to: Cancelled\n',
      ),
    ).toBe(true);
  });

  it('writes new steps at the indentation of their siblings when the file mixes styles', () => {
    const text = corpus('state_machine/transitions_example.yaml');
    const result = edit(text, (p) =>
      updateStep(p, 0, (s) => {
        if (s.kind !== 'StateMachine') return s;
        const [first, ...others] = s.states;
        if (!first) return s;
        const grown = {
          ...first,
          pipeline: { ...first.pipeline, steps: [...first.pipeline.steps, newStep('confirm')] },
        };
        return { ...s, states: [grown, ...others] };
      }),
    );
    expect(result.removed).toEqual([]);
    expect(result.added).toEqual(['        - kind: step', '          name: confirm']);
  });

  it('wraps steps in a new loop and unwraps them back to the original text', () => {
    const text = corpus('context_helpers_demo.yaml');
    const wrapped = edit(text, (p) => {
      const body: ChildPipeline = { form: 'list', steps: p.steps.slice(1, 3) };
      const loop = newStep('wrapper', {
        kind: 'loop',
        loop: { body, extra: {} },
      });
      return { ...p, steps: [p.steps[0], loop, ...p.steps.slice(3)] as StepNode[] };
    });
    expect(wrapped.added.slice(0, 6)).toEqual([
      '  - kind: loop',
      '    name: wrapper',
      '    loop:',
      '      body:',
      '        # Step 2: Set user name',
      '        - kind: step',
    ]);
    const { pipeline, document } = loadText(wrapped.printed);
    const [first, loop, ...rest] = pipeline.steps;
    if (loop?.kind !== 'loop' || !first) throw new Error('expected the loop second');
    const unwrapped = { ...pipeline, steps: [first, ...loop.loop.body.steps, ...rest] };
    expect(printPipelineYaml(document, unwrapped)).toBe(text);
  });

  it('renames a branch key and keeps its steps and comments', () => {
    const text =
      'steps:\n  - kind: conditional\n    name: c\n    branches:\n      # the usual case\n      old:\n        - name: x # keep me\n';
    const result = edit(text, (p) =>
      updateStep(p, 0, (s) =>
        s.kind === 'conditional'
          ? { ...s, branches: s.branches.map((b) => ({ ...b, key: 'new' })) }
          : s,
      ),
    );
    expect(result.removed).toEqual(['      old:']);
    expect(result.added).toEqual(['      new:']);
  });
});
