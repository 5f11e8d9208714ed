import { describe, expect, it } from 'vitest';

import { corpus, edit, loadText, newStep, updateStep } from './__fixtures__/editSupport';
import { lineChanges, stripSource } from './__fixtures__/testSupport';
import { parsePipelineYaml } from './parsePipelineYaml';
import { printPipelineYaml } from './printPipelineYaml';

describe('printing: edge cases', () => {
  it('returns the original text for an equal model rebuilt without sources', () => {
    const text = corpus('hitl_sink_demo.yaml');
    const { pipeline, document } = loadText(text);
    expect(printPipelineYaml(document, stripSource(pipeline))).toBe(text);
  });

  it('can print one document handle many times (the parsed document is never modified)', () => {
    const text = corpus('context_helpers_demo.yaml');
    const { pipeline, document } = loadText(text);
    const first = printPipelineYaml(
      document,
      updateStep(pipeline, 0, (s) => ({ ...s, name: 'one' })),
    );
    expect(lineChanges(text, first).added).toEqual(['    name: one']);
    expect(printPipelineYaml(document, pipeline)).toBe(text);
    const deleted = printPipelineYaml(document, { ...pipeline, steps: pipeline.steps.slice(1) });
    expect(lineChanges(text, deleted).added).toEqual([]);
    const second = printPipelineYaml(
      document,
      updateStep(pipeline, 1, (s) => ({ ...s, name: 'two' })),
    );
    expect(lineChanges(text, second)).toEqual({
      removed: ['    name: set_user_name'],
      added: ['    name: two'],
    });
  });

  it('keeps CRLF line endings, in edited lines too', () => {
    const text = corpus('hitl_sink_demo.yaml').replace(/\n/g, '\r\n');
    const { pipeline, document } = loadText(text);
    const printed = printPipelineYaml(
      document,
      updateStep(pipeline, 0, (s) => ({ ...s, name: 'ask_name' })),
    );
    expect(printed.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lineChanges(text, printed).added).toEqual(['    name: ask_name\r']);
  });

  it('keeps a missing final newline', () => {
    const text = 'steps:\n  - name: a\n  - name: b';
    const printed = edit(text, (p) => updateStep(p, 0, (s) => ({ ...s, name: 'z' }))).printed;
    expect(printed).toBe('steps:\n  - name: z\n  - name: b');
  });

  it('keeps steps the model could not read when other steps change', () => {
    const text = 'steps:\n  - kind: step # no name\n    agent: x\n  - name: good\n';
    const { pipeline, document } = loadText(text);
    const printed = printPipelineYaml(
      document,
      updateStep(pipeline, 0, (s) => ({ ...s, name: 'better' })),
    );
    expect(printed).toBe('steps:\n  - kind: step # no name\n    agent: x\n  - name: better\n');
  });

  it('does not add fields the loader had to invent', () => {
    const text = 'steps:\n  - kind: loop\n    name: l\n    loop:\n      max_loops: 2\n';
    const { pipeline, document } = loadText(text);
    const printed = printPipelineYaml(
      document,
      updateStep(pipeline, 0, (s) => ({ ...s, name: 'renamed' })),
    );
    expect(printed).toBe(
      'steps:\n  - kind: loop\n    name: renamed\n    loop:\n      max_loops: 2\n',
    );
  });

  it('writes the first step into an empty file', () => {
    const { pipeline, document } = loadText('');
    const printed = printPipelineYaml(document, { ...pipeline, steps: [newStep('first')] });
    expect(printed).toBe('steps:\n  - kind: step\n    name: first\n');
  });

  it('adds `steps` to a file that had none', () => {
    const text = corpus('test_context.yaml');
    const { pipeline, document } = loadText(text);
    const printed = printPipelineYaml(document, { ...pipeline, steps: [newStep('first')] });
    expect(printed).toBe(`${text}steps:\n  - kind: step\n    name: first\n`);
  });

  it("uses the file's quote style for new values that need quotes", () => {
    const text = "version: '0.1'\nsteps:\n  - name: a\n    input: 'x'\n";
    const printed = edit(text, (p) => updateStep(p, 0, (s) => ({ ...s, sink_to: 'yes' }))).printed;
    expect(printed).toBe(
      "version: '0.1'\nsteps:\n  - name: a\n    input: 'x'\n    sink_to: 'yes'\n",
    );
  });

  it('follows the indentation width of the file', () => {
    const text = 'steps:\n    -   name: a\n        config:\n            max_retries: 1\n';
    const printed = edit(text, (p) => ({
      ...p,
      steps: [...p.steps, newStep('b', { agent: { id: 'k', extra: {} } })],
    })).printed;
    expect(printed).toBe(`${text}    - kind: step\n      name: b\n      agent:\n          id: k\n`);
  });

  it('keeps `<<` merge keys and does not copy merged keys into the step', () => {
    const text =
      'defaults: &defaults\n  agent: { id: flujo.builtins.passthrough }\n  updates_context: true\nsteps:\n  - <<: *defaults\n    name: a\n  - <<: *defaults\n    name: b\n';
    const renamed = edit(text, (p) => updateStep(p, 1, (s) => ({ ...s, name: 'c' })));
    expect([renamed.removed, renamed.added]).toEqual([['    name: b'], ['    name: c']]);
    const overridden = edit(text, (p) =>
      updateStep(p, 1, (s) => ({ ...s, updates_context: false })),
    );
    expect([overridden.removed, overridden.added]).toEqual([[], ['    updates_context: false']]);
  });

  it('keeps an aliased step as an alias while it is unchanged', () => {
    const text =
      'x-step: &shared\n  kind: step\n  name: shared\nsteps:\n  - *shared\n  - name: other\n';
    const moved = edit(text, (p) => ({ ...p, steps: [...p.steps].reverse() }));
    expect(moved.printed).toBe(
      'x-step: &shared\n  kind: step\n  name: shared\nsteps:\n  - name: other\n  - *shared\n',
    );
    const changed = edit(text, (p) => updateStep(p, 0, (s) => ({ ...s, name: 'own' })));
    expect(changed.printed).toContain('steps:\n  - kind: step\n    name: own\n  - name: other\n');
  });

  it('refuses to edit a file whose YAML does not parse', () => {
    const broken = parsePipelineYaml('steps: [\n');
    expect(() => printPipelineYaml(broken.document, { steps: [newStep('a')], extra: {} })).toThrow(
      /YAML errors/,
    );
  });
});
