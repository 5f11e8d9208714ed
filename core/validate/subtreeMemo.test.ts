import { describe, expect, it } from 'vitest';

import { generatePipelineYaml } from '../../bench/generatePipeline';
import type { Pipeline } from '../model';
import { updateStep, walkSteps } from '../model';
import { parsePipelineYaml } from '../yaml';
import { collectStepVisits } from './stepVisits';
import { memoBySubtree } from './subtreeMemo';

function generated(): Pipeline {
  const { pipeline } = parsePipelineYaml(generatePipelineYaml(120, 4, 7));
  if (!pipeline) throw new Error('did not load');
  return pipeline;
}

describe('memoBySubtree', () => {
  it('recomputes after an edit only the top-level subtree that changed', () => {
    const before = generated();
    let nested = '';
    walkSteps(before, ({ path, depth }) => {
      if (!nested && depth >= 2) nested = path;
    });
    const edited = updateStep(before, nested, (step) => ({ ...step, name: 'renamed' }));
    if (!edited.ok) throw new Error(edited.reason);
    const computed: number[] = [];
    const names = memoBySubtree((subtree) => {
      computed.push(subtree.index);
      return subtree.visits.map((visit) => visit.step.name);
    });

    const first = collectStepVisits(before).subtrees.map(names);
    const touched = Number(/^steps\[(\d+)\]/.exec(nested)?.[1]);
    computed.length = 0;
    const second = collectStepVisits(edited.pipeline).subtrees.map(names);

    expect(computed).toEqual([touched]);
    expect(second[touched]).toContain('renamed');
    expect(second.filter((list, i) => list !== first[i])).toHaveLength(1);
  });
});
