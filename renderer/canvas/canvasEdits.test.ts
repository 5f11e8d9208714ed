import { describe, expect, it } from 'vitest';
import type { EditResult, Pipeline } from '../../core/model';
import { childSlot, ROOT_SLOT } from '../../core/model';
import { deleteSteps, insertFromPalette, moveToTarget, pasteSteps } from './canvasEdits';
import { deriveGraph } from './deriveGraph';
import { createGraphCache } from './graphCache';
import { paletteItem } from './paletteItems';
import { emptyLayout, loopAndParallel, plain, threeSteps } from './__fixtures__/pipelines';

function applied(result: EditResult): Pipeline {
  if (!result.ok) throw new Error(result.reason);
  return result.pipeline;
}

function names(steps: Pipeline['steps']): string[] {
  return steps.map((step) => step.name);
}

const loopItem = paletteItem('loop');
if (!loopItem) throw new Error('no Loop palette item');

describe('canvas edit intents', () => {
  it('drops a Loop on the edge between step 1 and 2 at index 1', () => {
    const graph = deriveGraph(threeSteps, emptyLayout, [], createGraphCache());
    const edge = graph.edges.find((e) => e.source === 'steps[0]' && e.target === 'steps[1]');
    if (edge?.data?.role !== 'sequence') throw new Error('no sequence edge');
    const result = applied(
      insertFromPalette(loopItem, { kind: 'edge', slot: edge.data.slot, index: edge.data.index })(
        threeSteps,
      ),
    );
    expect(names(result.steps)).toEqual(['one', 'loop', 'two', 'three']);
    expect(result.steps[1]?.kind).toBe('loop');
  });

  it('appends a step dropped into a container', () => {
    const slot = childSlot('steps[1]', { slot: 'loop.body' });
    const result = applied(
      insertFromPalette(loopItem, { kind: 'container', slot })(loopAndParallel),
    );
    const repeat = result.steps[1];
    expect(repeat?.kind === 'loop' && names(repeat.loop.body.steps)).toEqual(['a', 'b', 'loop']);
  });

  it('gives new steps unique names', () => {
    const once = applied(
      insertFromPalette(loopItem, { kind: 'container', slot: ROOT_SLOT })(threeSteps),
    );
    const twice = applied(
      insertFromPalette(loopItem, { kind: 'container', slot: ROOT_SLOT })(once),
    );
    expect(names(twice.steps).slice(-2)).toEqual(['loop', 'loop_2']);
  });

  it('moves a step into a container', () => {
    const slot = childSlot('steps[2]', { slot: 'branches', key: 'left' });
    const result = applied(moveToTarget('steps[0]', { kind: 'container', slot })(loopAndParallel));
    const fan = result.steps[1];
    expect(fan?.kind === 'parallel' && names(fan.branches[0]?.pipeline.steps ?? [])).toEqual([
      'l1',
      'first',
    ]);
  });

  it('deletes several selected steps at once', () => {
    const result = applied(deleteSteps(['steps[0]', 'steps[2]'])(threeSteps));
    expect(names(result.steps)).toEqual(['two']);
  });

  it('pastes copies with unique names, nested steps included', () => {
    const [, repeat] = loopAndParallel.steps;
    if (!repeat) throw new Error('fixture');
    const result = applied(pasteSteps([repeat], ROOT_SLOT, 2)(loopAndParallel));
    const copy = result.steps[2];
    expect(copy?.name).toBe('repeat_copy');
    expect(copy?.kind === 'loop' && names(copy.loop.body.steps)).toEqual(['a_copy', 'b_copy']);
    const again = applied(pasteSteps([plain('a')], ROOT_SLOT, undefined)(result));
    expect(again.steps.at(-1)?.name).toBe('a_copy_2');
  });
});
