import { describe, expect, it } from 'vitest';

import type { Pipeline } from '../model';
import {
  ROOT_SLOT,
  STEP_KINDS,
  childSlot,
  createStep,
  deleteStep,
  insertStep,
  moveStep,
  renameStep,
  unwrapStep,
  updateStep,
  wrapSteps,
} from '../model';
import type { EditResult } from '../model';
import { corpus, edit, loadText } from './__fixtures__/editSupport';
import { stripSource } from './__fixtures__/testSupport';
import { parsePipelineYaml } from './parsePipelineYaml';
import { printPipelineYaml } from './printPipelineYaml';

// Every model operation the canvas uses, applied to a corpus file with nested containers
// (StateMachine → loop → conditional), printed, and compared line by line with the original.
const file = corpus('architect_pipeline_state_machine.yaml');
const machine = 'steps[0]';
const loopPath = `${machine}.states.ValidateAndRepair[0]`;

function ok(result: EditResult): Pipeline {
  if (!result.ok) throw new Error(result.reason);
  return result.pipeline;
}

describe('model operations printed back into the file', () => {
  it('insertStep adds only the new step, at its siblings’ indentation', () => {
    const result = edit(file, (p) =>
      ok(
        insertStep(
          p,
          childSlot(machine, { slot: 'states', key: 'Design' }),
          1,
          createStep('hitl', 'confirm_design'),
        ),
      ),
    );
    expect(result.removed).toEqual([]);
    expect(result.added).toEqual(['          - kind: hitl', '            name: confirm_design']);
  });

  it('deleteStep removes exactly the step’s lines', () => {
    const result = edit(file, (p) => ok(deleteStep(p, `${loopPath}.loop.body[1]`)));
    expect(result.added).toEqual([]);
    expect([...result.removed].sort()).toEqual([
      '                  agent: { id: "flujo.builtins.validate_yaml" }',
      '                  name: ValidateGeneratedYAML',
      '                - kind: step',
    ]);
  });

  it('moveStep moves the step’s lines and nothing else', () => {
    const body = childSlot(loopPath, { slot: 'loop.body' });
    const result = edit(file, (p) => ok(moveStep(p, `${loopPath}.loop.body[2]`, body, 0)));
    const moved = [
      '                - kind: step',
      '                  name: SetValidationFlag',
      '                  agent: { id: "flujo.builtins.validation_report_to_flag" }',
      '                  updates_context: true',
    ];
    expect(result.printed).toContain(
      `body:\n${moved.join('\n')}\n                - kind: step\n                  name: ExtractYamlForValidation`,
    );
    expect(result.added.length).toBe(result.removed.length);
    expect([...result.added].sort()).toEqual([...result.removed].sort());
  });

  it('renameStep changes one line', () => {
    const result = edit(file, (p) => ok(renameStep(p, `${loopPath}.loop.body[3]`, 'IsValid')));
    expect(result.removed).toEqual(['                  name: ValidityBranch']);
    expect(result.added).toEqual(['                  name: IsValid']);
  });

  it('updateStep of one field changes one line', () => {
    const result = edit(file, (p) =>
      ok(
        updateStep(p, loopPath, (step) =>
          step.kind === 'loop' ? { ...step, loop: { ...step.loop, max_loops: 4 } } : step,
        ),
      ),
    );
    expect(result.removed).toEqual(['              max_loops: 2']);
    expect(result.added).toEqual(['              max_loops: 4']);
  });

  it('wrapSteps in a cache and unwrapStep restore the original text byte for byte', () => {
    const wrapped = edit(file, (p) =>
      ok(wrapSteps(p, [`${machine}.states.Design[0]`], 'cache', 'cached_design')),
    );
    expect(wrapped.added.slice(0, 3)).toEqual([
      '          - kind: cache',
      '            name: cached_design',
      '            wrapped_step:',
    ]);
    // The wrapped step's own lines move under `wrapped_step:` and are otherwise untouched.
    expect(wrapped.added.slice(3).map((line) => line.trim())).toEqual(
      wrapped.removed.map((line) => line.trim().replace(/^- /, '')),
    );
    const { pipeline, document } = loadText(wrapped.printed);
    const unwrapped = ok(unwrapStep(pipeline, `${machine}.states.Design[0]`));
    expect(printPipelineYaml(document, unwrapped)).toBe(file);
  });

  it.each(STEP_KINDS.filter((kind) => !['custom', 'cache', 'dynamic_router'].includes(kind)))(
    'a new %s step from the palette prints and reads back as the same model',
    (kind) => {
      const result = edit(file, (p) =>
        ok(insertStep(p, ROOT_SLOT, 1, createStep(kind, `new_${kind}`))),
      );
      expect(result.removed).toEqual([]);
      expect(result.added[0]).toBe(`  - kind: ${kind}`);
    },
  );

  it.each([
    ['cache', '`wrapped_step` is required'],
    ['dynamic_router', '`router.router_agent` is required'],
  ] as const)(
    'a new %s step prints, reads back the same, and the loader asks for what it still needs',
    (kind, message) => {
      const { pipeline, document } = loadText(file);
      const edited = ok(insertStep(pipeline, ROOT_SLOT, 1, createStep(kind, `new_${kind}`)));
      const reparsed = parsePipelineYaml(printPipelineYaml(document, edited));
      expect(
        reparsed.diagnostics.map((d) => [d.code, d.stepName, d.message.split(':')[0]]),
      ).toEqual([['YAML-SCHEMA', `new_${kind}`, message]]);
      expect(stripSource(reparsed.pipeline)).toEqual(stripSource(edited));
    },
  );
});
