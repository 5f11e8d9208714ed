// @vitest-environment happy-dom
import './__fixtures__/domStubs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EditResult, Pipeline } from '../../core/model';
import { parsePipelineYaml } from '../../core/yaml';
import type { CanvasLayout } from './canvasLayout';
import { requestPaletteAppend } from './paletteEvents';
import { STEP_KIND_MIME } from './paletteItems';
import type { PipelineCanvasProps } from './PipelineCanvas';
import { PipelineCanvas } from './PipelineCanvas';
import { emptyLayout, loopAndParallel } from './__fixtures__/pipelines';

afterEach(cleanup);

function hello(): Pipeline {
  const text = readFileSync(path.join(import.meta.dirname, '../../examples/hello.yaml'), 'utf8');
  const { pipeline } = parsePipelineYaml(text);
  if (!pipeline) throw new Error('examples/hello.yaml did not parse');
  return pipeline;
}

const placed: CanvasLayout = {
  positions: { 'steps[0]': { x: 0, y: 0 }, 'steps[1]': { x: 300, y: 0 } },
  collapsed: [],
};

function renderCanvas(overrides: Partial<PipelineCanvasProps> = {}) {
  const props: PipelineCanvasProps = {
    pipeline: hello(),
    diagnostics: [],
    layout: placed,
    selectedPath: undefined,
    onSelect: vi.fn(),
    onEdit: vi.fn(),
    onLayoutChange: vi.fn(),
    ...overrides,
  };
  const view = render(
    <div style={{ width: 1000, height: 700 }}>
      <PipelineCanvas {...props} />
    </div>,
  );
  return { props, view };
}

describe('PipelineCanvas', () => {
  it('renders a node per step of examples/hello.yaml, named "<name> (<kind>)"', () => {
    renderCanvas();
    expect(screen.getByLabelText('greet (step)')).toBeTruthy();
    expect(screen.getByLabelText('shout (step)')).toBeTruthy();
    expect(screen.getByText('builtin stringify')).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Find step' })).toBeTruthy();
  });

  it('renders containers as groups with their children', () => {
    renderCanvas({ pipeline: loopAndParallel, layout: emptyLayout });
    expect(screen.getByLabelText('repeat (loop)')).toBeTruthy();
    expect(screen.getByLabelText('r2 (step)')).toBeTruthy();
    expect(screen.getByLabelText('right of fan')).toBeTruthy();
  });

  it('appends a palette item on request as a model edit', () => {
    const onEdit = vi.fn<(edit: (p: Pipeline) => EditResult, label: string) => void>();
    const { props } = renderCanvas({ onEdit });
    act(() => {
      requestPaletteAppend('loop');
    });
    expect(onEdit).toHaveBeenCalledTimes(1);
    const [edit, label] = onEdit.mock.calls[0] ?? [];
    expect(label).toBe('Add Loop');
    const result = edit?.(props.pipeline);
    expect(result?.ok && result.pipeline.steps.map((s) => s.kind)).toEqual([
      'step',
      'step',
      'loop',
    ]);
  });

  it('deletes the selected step with the Delete key', () => {
    const onEdit = vi.fn<(edit: (p: Pipeline) => EditResult, label: string) => void>();
    const { props } = renderCanvas({ onEdit, selectedPath: 'steps[0]' });
    fireEvent.keyDown(screen.getByLabelText('greet (step)'), { key: 'Delete' });
    const [edit, label] = onEdit.mock.calls[0] ?? [];
    expect(label).toBe('Delete step');
    const result = edit?.(props.pipeline);
    expect(result?.ok && result.pipeline.steps.map((s) => s.name)).toEqual(['shout']);
  });

  it('moves the selection with the arrow keys', () => {
    const onSelect = vi.fn();
    renderCanvas({ onSelect, selectedPath: 'steps[0]' });
    fireEvent.keyDown(screen.getByRole('region', { name: 'Pipeline canvas' }), {
      key: 'ArrowRight',
    });
    expect(onSelect).toHaveBeenLastCalledWith('steps[1]');
  });

  it('leaves a step dropped on empty canvas loose, in the sidecar only', () => {
    const onLayoutChange = vi.fn<(layout: CanvasLayout) => void>();
    const onEdit = vi.fn();
    renderCanvas({ onLayoutChange, onEdit });
    const dataTransfer = {
      types: [STEP_KIND_MIME],
      getData: (type: string) => (type === STEP_KIND_MIME ? 'loop' : ''),
      dropEffect: 'none',
    };
    const canvas = screen.getByRole('region', { name: 'Pipeline canvas' });
    fireEvent.dragOver(canvas, { dataTransfer, clientX: 400, clientY: 500 });
    fireEvent.drop(canvas, { dataTransfer, clientX: 400, clientY: 500 });
    expect(onEdit).not.toHaveBeenCalled();
    const [layout] = onLayoutChange.mock.calls.at(-1) ?? [];
    expect(layout?.loose).toEqual([expect.objectContaining({ kind: 'loop', name: 'loop' })]);
  });

  it('shows why an edit was refused next to the pointer', async () => {
    const onRefused = vi.fn();
    const pipeline = hello();
    renderCanvas({
      pipeline,
      onRefused,
      onEdit: (edit) => {
        edit(pipeline);
      },
    });
    fireEvent.keyDown(screen.getByRole('region', { name: 'Pipeline canvas' }), {
      key: 'v',
      ctrlKey: true,
    });
    const status = await screen.findByRole('status');
    expect(status.textContent).toMatch(/Nothing to paste/);
    // The shell learns of a failed edit from its EditResult; onRefused is for refused gestures.
    expect(onRefused).not.toHaveBeenCalled();
  });

  it('lays out automatically when the sidecar has no positions', async () => {
    const onLayoutChange = vi.fn();
    renderCanvas({ layout: emptyLayout, onLayoutChange });
    await vi.waitFor(() => {
      expect(onLayoutChange).toHaveBeenCalled();
    });
    const [layout] = (onLayoutChange.mock.calls[0] ?? []) as [CanvasLayout];
    expect(Object.keys(layout.positions).sort()).toEqual(['steps[0]', 'steps[1]']);
  });
});
