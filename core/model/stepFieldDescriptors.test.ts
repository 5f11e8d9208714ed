import { describe, expect, it } from 'vitest';

import { createStep } from './createStep';
import type { KeyListFieldDescriptor, ValueFieldDescriptor } from './stepFieldDescriptors';
import { stepFieldDescriptors } from './stepFieldDescriptors';
import { STEP_KINDS } from './createStep';

function valueField(kind: Parameters<typeof stepFieldDescriptors>[0], id: string) {
  const field = stepFieldDescriptors(kind).find((f) => f.id === id);
  if (field?.type !== 'value') throw new Error(`no value field ${id} for ${kind}`);
  return field satisfies ValueFieldDescriptor;
}

describe('stepFieldDescriptors', () => {
  it('gives every kind a name, agent and input field, and unique ids', () => {
    for (const kind of STEP_KINDS) {
      const ids = stepFieldDescriptors(kind).map((f) => f.id);
      expect(ids.slice(0, 3)).toEqual(['name', 'agent', 'input']);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('reads and writes nested loop options, removing a cleared key', () => {
    const loop = createStep('loop', 'l');
    const field = valueField('loop', 'loop.max_loops');
    const written = field.write(loop, '5');
    if (!written.ok) throw new Error(written.reason);
    expect(field.read(written.value)).toBe('5');
    const cleared = field.write(written.value, '');
    expect(cleared.ok && 'max_loops' in (cleared.value as typeof loop).loop).toBe(false);
    expect(field.write(loop, '2.5')).toMatchObject({ ok: false });
  });

  it('drops an emptied config mapping', () => {
    const field = valueField('step', 'config.max_retries');
    const set = field.write(createStep('step', 's'), '2');
    if (!set.ok) throw new Error(set.reason);
    expect(set.value.config?.max_retries).toBe(2);
    const cleared = field.write(set.value, '');
    expect(cleared.ok && cleared.value.config).toBeUndefined();
  });

  it('writes agent references as `uses` or `agent` by their form', () => {
    const field = valueField('step', 'agent');
    const step = createStep('step', 's');
    const declared = field.write(step, 'agents.writer');
    expect(declared.ok && declared.value.uses).toBe('agents.writer');
    const builtin = field.write(step, 'flujo.builtins.stringify');
    expect(builtin.ok && builtin.value.agent).toEqual({
      id: 'flujo.builtins.stringify',
      extra: {},
    });
  });

  it('validates JSON schemas', () => {
    const field = valueField('step', 'output_schema');
    expect(field.write(createStep('step', 's'), '{"type": "string"}').ok).toBe(true);
    expect(field.write(createStep('step', 's'), '[1]')).toMatchObject({ ok: false });
    expect(field.write(createStep('step', 's'), '{')).toMatchObject({ ok: false });
  });

  it('adds, renames and removes branch keys, refusing duplicates', () => {
    const field = stepFieldDescriptors('parallel').find(
      (f): f is KeyListFieldDescriptor => f.type === 'keys',
    );
    if (!field) throw new Error('no keys field');
    const step = createStep('parallel', 'p');
    const added = field.add(step, 'b');
    if (!added.ok) throw new Error(added.reason);
    expect(field.read(added.value)).toEqual(['branch_1', 'b']);
    expect(field.add(added.value, 'b')).toMatchObject({ ok: false });
    const renamed = field.rename(added.value, 'b', 'c');
    expect(renamed.ok && field.read(renamed.value)).toEqual(['branch_1', 'c']);
    const removed = field.remove(added.value, 'branch_1');
    expect(removed.ok && field.read(removed.value)).toEqual(['b']);
  });
});
