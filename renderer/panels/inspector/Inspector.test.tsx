// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { renderWithStudio } from '../../__fixtures__/renderWithStudio';
import { Inspector } from './Inspector';
import type { TemplateCodeEditorProps } from './templateEditorTypes';

// Monaco cannot run in happy-dom: the template editor becomes a textarea.
vi.mock('./TemplateCodeEditor', () => ({
  default: (props: TemplateCodeEditorProps) => (
    <textarea
      id={props.id}
      defaultValue={props.value}
      onBlur={(event) => {
        props.onCommit(event.target.value);
      }}
    />
  ),
}));

const TEXT = `# loops
name: demo
steps:
  - kind: loop # the loop
    name: collect
    loop:
      max_loops: 3
      body:
        - kind: step
          name: inner
`;

afterEach(cleanup);

describe('Inspector', () => {
  it('renders the loop fields from the descriptors, each with a label', async () => {
    const { store } = renderWithStudio(<Inspector />, { text: TEXT });
    store.getState().select('steps[0]', 'canvas');
    expect(await screen.findByLabelText('Name')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Max loops').value).toBe('3');
    expect(screen.getByLabelText('Exit expression')).toBeTruthy();
    expect(screen.getByLabelText('Max retries')).toBeTruthy();
    expect(screen.getByLabelText('Agent / uses')).toBeTruthy();
    expect(await screen.findByLabelText('Input template')).toBeTruthy();
  });

  it('renames a step: the YAML changes in place and the edit is undoable', async () => {
    const { store } = renderWithStudio(<Inspector />, { text: TEXT });
    store.getState().select('steps[0]', 'canvas');
    const name = await screen.findByLabelText('Name');
    fireEvent.change(name, { target: { value: 'gather' } });
    fireEvent.blur(name);
    const text = store.getState().text;
    expect(text).toContain('name: gather');
    expect(text).toContain('# the loop');
    store.getState().undo();
    expect(store.getState().text).toBe(TEXT);
  });

  it('shows why a field value is refused', async () => {
    const { store } = renderWithStudio(<Inspector />, { text: TEXT });
    store.getState().select('steps[0]', 'canvas');
    const maxLoops = await screen.findByLabelText('Max loops');
    fireEvent.change(maxLoops, { target: { value: 'many' } });
    fireEvent.blur(maxLoops);
    expect(screen.getByRole('alert').textContent).toContain('whole number');
    expect(store.getState().text).toBe(TEXT);
  });

  it('edits the pipeline name when nothing is selected', () => {
    const { store } = renderWithStudio(<Inspector />, { text: TEXT });
    const name = screen.getByLabelText('Pipeline name');
    fireEvent.change(name, { target: { value: 'renamed' } });
    fireEvent.blur(name);
    expect(store.getState().text).toContain('name: renamed');
  });
});
