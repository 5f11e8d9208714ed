// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { renderWithStudio } from './__fixtures__/renderWithStudio';
import { App } from './App';

// React Flow and Monaco are not under test here (renderer/canvas has its own tests).
vi.mock('./canvas', () => ({
  PipelineCanvas: () => <div>canvas</div>,
  StepPalette: () => <section aria-label="Step palette" />,
  autoLayout: (_pipeline: unknown, layout: unknown) => Promise.resolve(layout),
}));
vi.mock('./panels/yaml/YamlCodeEditor', () => ({ default: () => <pre>yaml</pre> }));
vi.mock('./panels/inspector/TemplateCodeEditor', () => ({ default: () => <textarea /> }));

const SAMPLE = `name: hello
steps:
  - kind: step
    name: greet
    input: "Hello {{ context.initial_prompt }}"
`;

afterEach(() => {
  cleanup();
  localStorage.clear();
});

function renderApp(handlers = {}) {
  return renderWithStudio(<App />, {
    handlers: {
      'app.info': () => ({ mode: 'browser' as const, version: '0' }),
      'drafts.list': () => ({ drafts: [] }),
      'documents.samples': () => ({
        samples: [
          {
            id: 'hello',
            title: 'Hello',
            description: 'Greets',
            path: 'examples/hello.yaml',
            text: SAMPLE,
          },
        ],
      }),
      'documents.save': ({ path }) => ({ path, savedAt: 1 }),
      'drafts.discard': () => ({ ok: true as const }),
      ...handlers,
    },
  });
}

describe('App', () => {
  it('opens a sample from the welcome screen into the workbench and saves it', async () => {
    const { transport, store } = renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Open Hello' }));
    expect(await screen.findByRole('tree')).toBeTruthy();
    expect(screen.getByRole('treeitem').textContent).toContain('greet');
    expect(screen.getByRole('region', { name: 'Problems' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Step palette' })).toBeTruthy();
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    // A sample opens untitled: Save asks where, suggesting the sample's file name.
    const fileName = await screen.findByLabelText<HTMLInputElement>('File name');
    expect(fileName.value).toBe('hello.yaml');
    fireEvent.change(fileName, { target: { value: 'mine.yaml' } });
    const dialog = screen.getByRole('dialog', { name: 'Save pipeline' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(transport.calls.some((c) => c.channel === 'documents.save')).toBe(true);
    });
    const save = transport.calls.find((c) => c.channel === 'documents.save');
    expect(save?.payload).toMatchObject({ path: 'mine.yaml', text: SAMPLE });
    expect(store.getState().savedText).toBe(SAMPLE);
  });

  it('says clearly when the host cannot be reached', async () => {
    renderApp({
      'documents.samples': () => {
        throw new Error('Could not connect to the studio host.');
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Cannot reach the studio host',
    );
  });

  it('asks before discarding unsaved changes on New', async () => {
    const { store } = renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Open Hello' }));
    await screen.findByRole('tree');
    store.getState().setText(`${SAMPLE}# edited\n`);
    store.getState().flush();
    fireEvent.click(screen.getByRole('button', { name: 'New' }));
    const dialog = await screen.findByRole('dialog', { name: 'Discard unsaved changes?' });
    expect(dialog).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(store.getState().text).toContain('# edited');
  });
});
