import { describe, expect, it } from 'vitest';
import { canvasCommand } from './canvasKeys';
import { findDropTarget } from './dropTargets';
import { deriveGraph } from './deriveGraph';
import { createGraphCache } from './graphCache';
import { findStepByName, navigate } from './navigation';
import { emptyLayout, loopAndParallel } from './__fixtures__/pipelines';

describe('keyboard navigation', () => {
  it('moves between siblings, into a container and back out', () => {
    expect(navigate(loopAndParallel, 'steps[0]', 'next')).toBe('steps[1]');
    expect(navigate(loopAndParallel, 'steps[0]', 'previous')).toBeUndefined();
    expect(navigate(loopAndParallel, 'steps[1]', 'into')).toBe('steps[1].loop.body[0]');
    expect(navigate(loopAndParallel, 'steps[1].loop.body[0]', 'next')).toBe(
      'steps[1].loop.body[1]',
    );
    expect(navigate(loopAndParallel, 'steps[1].loop.body[1]', 'out')).toBe('steps[1]');
  });

  it('maps keys to commands', () => {
    const key = (k: string, ctrl = false) =>
      canvasCommand({ key: k, ctrlKey: ctrl, metaKey: false, altKey: false });
    expect(key('f', true)).toEqual({ type: 'find' });
    expect(key('d', true)).toEqual({ type: 'duplicate' });
    expect(key('Delete')).toEqual({ type: 'delete' });
    expect(key('ArrowRight')).toEqual({ type: 'navigate', key: 'next' });
  });

  it('finds a step by exact or partial name', () => {
    expect(findStepByName(loopAndParallel, 'r2')).toBe('steps[2].branches.right[1]');
    expect(findStepByName(loopAndParallel, 'REP')).toBe('steps[1]');
    expect(findStepByName(loopAndParallel, 'nope')).toBeUndefined();
  });
});

describe('drop targets', () => {
  const graph = deriveGraph(loopAndParallel, emptyLayout, [], createGraphCache());
  const absolute = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const node of graph.nodes) {
    const parent = node.parentId === undefined ? undefined : absolute.get(node.parentId);
    absolute.set(node.id, {
      x: node.position.x + (parent?.x ?? 0),
      y: node.position.y + (parent?.y ?? 0),
      width: node.width ?? 0,
      height: node.height ?? 0,
    });
  }
  const boxOf = (id: string) => absolute.get(id);

  it('finds the edge between two steps', () => {
    const a = boxOf('steps[0]');
    const b = boxOf('steps[1]');
    if (!a || !b) throw new Error('layout');
    const point = { x: (a.x + a.width + b.x) / 2, y: a.y + a.height / 2 };
    expect(findDropTarget(point, graph.nodes, graph.edges, boxOf)).toEqual({
      kind: 'edge',
      slot: { owner: 'root', slot: 'steps' },
      index: 1,
    });
  });

  it('finds the branch of a container under the point', () => {
    const r2 = boxOf('steps[2].branches.right[1]');
    if (!r2) throw new Error('layout');
    const point = { x: r2.x + r2.width + 5, y: r2.y + 5 };
    expect(findDropTarget(point, graph.nodes, graph.edges, boxOf)).toEqual({
      kind: 'container',
      slot: { owner: 'steps[2]', slot: 'branches', key: 'right' },
    });
  });
});
