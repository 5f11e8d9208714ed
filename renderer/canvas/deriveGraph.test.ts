import { describe, expect, it } from 'vitest';
import type { Diagnostic, Pipeline } from '../../core/model';
import { deriveGraph } from './deriveGraph';
import { createGraphCache } from './graphCache';
import { emptyLayout, loopAndParallel, plain, threeSteps } from './__fixtures__/pipelines';

function byId(pipeline: Pipeline, layout = emptyLayout, diagnostics: readonly Diagnostic[] = []) {
  const graph = deriveGraph(pipeline, layout, diagnostics, createGraphCache());
  return { graph, node: (id: string) => graph.nodes.find((node) => node.id === id) };
}

describe('deriveGraph', () => {
  it('draws every step, each child list label, and an edge between consecutive steps', () => {
    const { graph } = byId(loopAndParallel);
    const steps = graph.nodes.filter((node) => node.type === 'step' || node.type === 'group');
    const labels = graph.nodes.filter((node) => node.type === 'branchLabel');
    expect(steps).toHaveLength(9);
    expect(labels).toHaveLength(3);
    // top level 3, loop body label→a→b 2, left label→l1 1, right label→r1→r2 2
    expect(graph.edges).toHaveLength(8);
    expect(graph.edges.map((edge) => `${edge.source} > ${edge.target}`)).toContain(
      'steps[0] > steps[1]',
    );
  });

  it('puts container children in groups, parents before children', () => {
    const { graph, node } = byId(loopAndParallel);
    expect(node('steps[1]')?.type).toBe('group');
    expect(node('steps[1].loop.body[0]')?.parentId).toBe('steps[1]');
    expect(node('steps[2].branches.right[1]')?.parentId).toBe('steps[2]');
    const order = graph.nodes.map((n) => n.id);
    for (const child of graph.nodes) {
      if (child.parentId !== undefined) {
        expect(order.indexOf(child.parentId)).toBeLessThan(order.indexOf(child.id));
      }
    }
    const group = node('steps[2]');
    const inner = node('steps[2].branches.right[1]');
    expect(group?.width).toBeGreaterThan((inner?.position.x ?? 0) + (inner?.width ?? 0));
  });

  it('labels branches with their keys and loop bodies with "body"', () => {
    const { graph } = byId(loopAndParallel);
    const labels = graph.nodes.flatMap((node) =>
      node.type === 'branchLabel' ? [`${node.parentId ?? ''}:${node.data.label}`] : [],
    );
    expect(labels).toEqual(['steps[1]:body', 'steps[2]:left', 'steps[2]:right']);
  });

  it('names nodes "<step name> (<kind>)" and lays them out left to right', () => {
    const { node } = byId(loopAndParallel);
    expect(node('steps[1]')?.ariaLabel).toBe('repeat (loop)');
    expect(node('steps[0]')?.ariaLabel).toBe('first (step)');
    expect(node('steps[1]')?.position.x).toBeGreaterThan(node('steps[0]')?.position.x ?? 0);
  });

  it('gives edges the insert position of their target', () => {
    const { graph } = byId(threeSteps);
    const edge = graph.edges.find((e) => e.target === 'steps[1]');
    expect(edge?.data).toEqual({
      role: 'sequence',
      slot: { owner: 'root', slot: 'steps' },
      index: 1,
    });
  });

  it('draws a collapsed container as one node without its children', () => {
    const { graph, node } = byId(loopAndParallel, { positions: {}, collapsed: ['steps[1]'] });
    expect(node('steps[1]')?.type).toBe('step');
    expect(graph.nodes.some((n) => n.id.startsWith('steps[1].'))).toBe(false);
  });

  it('uses sidecar positions', () => {
    const { node } = byId(threeSteps, {
      positions: { 'steps[1]': { x: 500, y: 300 } },
      collapsed: [],
    });
    expect(node('steps[1]')?.position).toEqual({ x: 500, y: 300 });
  });

  it('places a step without a position after its previous sibling and shifts the rest right', () => {
    const pipeline: Pipeline = { ...threeSteps, steps: [...threeSteps.steps, plain('four')] };
    const { node } = byId(pipeline, {
      positions: { 'steps[0]': { x: 0, y: 50 }, 'steps[2]': { x: 300, y: 50 } },
      collapsed: [],
    });
    const inserted = node('steps[1]');
    expect(inserted?.position).toEqual({ x: 280, y: 50 });
    expect(node('steps[2]')?.position.x).toBeGreaterThanOrEqual(280 + 220 + 60);
  });

  it('keeps the node objects of unchanged steps when one step is replaced', () => {
    const cache = createGraphCache();
    const before = deriveGraph(loopAndParallel, emptyLayout, [], cache);
    const edited: Pipeline = {
      ...loopAndParallel,
      steps: loopAndParallel.steps.map((step, i) =>
        i === 3 ? plain('last', { input: 'changed' }) : step,
      ),
    };
    const after = deriveGraph(edited, emptyLayout, [], cache);
    const find = (graph: typeof before, id: string) => graph.nodes.find((n) => n.id === id);
    for (const id of [
      'steps[0]',
      'steps[1]',
      'steps[1].loop.body[0]',
      'steps[2]',
      'steps[2].branches.left[0]',
    ]) {
      expect(find(after, id)).toBe(find(before, id));
    }
    expect(find(after, 'steps[3]')).not.toBe(find(before, 'steps[3]'));
    expect(after.edges[0]).toBe(before.edges[0]);
  });

  it('counts diagnostics by severity on the step they are about', () => {
    const diagnostics: Diagnostic[] = [
      { code: 'X', severity: 'error', message: 'bad', path: 'steps[1]' },
      { code: 'Y', severity: 'warning', message: 'meh', stepName: 'repeat' },
      { code: 'Z', severity: 'warning', message: 'meh', path: 'steps[1]' },
    ];
    const { node } = byId(loopAndParallel, emptyLayout, diagnostics);
    const repeat = node('steps[1]');
    expect(repeat?.type === 'group' && repeat.data.diagnostics).toEqual({
      error: 1,
      warning: 2,
      info: 0,
    });
  });

  it('draws loose steps from the sidecar, outside the model', () => {
    const { graph, node } = byId(threeSteps, {
      positions: {},
      collapsed: [],
      loose: [{ id: 'l1', kind: 'loop', name: 'later', position: { x: 10, y: 400 } }],
    });
    const loose = node('loose:l1');
    expect(loose?.type).toBe('loose');
    expect(loose?.className).toContain('flujo-loose');
    expect(loose?.position).toEqual({ x: 10, y: 400 });
    expect(graph.edges.some((e) => e.source === 'loose:l1' || e.target === 'loose:l1')).toBe(false);
  });
});
