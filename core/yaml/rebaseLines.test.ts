import { describe, expect, it } from 'vitest';

import { rebaseLines } from './rebaseLines';

describe('rebaseLines', () => {
  it('keeps the original spelling of lines the change does not touch', () => {
    const original = 'a: [x]  # note\nb: 1\n';
    const before = 'a: [ x ] # note\nb: 1\n';
    const after = 'a: [ x ] # note\nb: 2\n';
    expect(rebaseLines(original, before, after, '\n')).toBe('a: [x]  # note\nb: 2\n');
  });

  it('keeps blank lines the rendering dropped', () => {
    const original = 'a: 1\n\n\nb: 1\n';
    const before = 'a: 1\n\nb: 1\n';
    const after = 'a: 1\n\nb: 2\n';
    expect(rebaseLines(original, before, after, '\n')).toBe('a: 1\n\n\nb: 2\n');
  });

  it('shifts new lines to the indentation the original uses at that level', () => {
    const original = 'steps:\n- name: a\n  agent: x\n';
    const before = 'steps:\n  - name: a\n    agent: x\n';
    const after = 'steps:\n  - name: a\n    agent: x\n  - name: b\n';
    expect(rebaseLines(original, before, after, '\n')).toBe(
      'steps:\n- name: a\n  agent: x\n- name: b\n',
    );
  });

  it('writes new lines with CRLF in a CRLF file', () => {
    const original = 'a: 1\r\nb: 1\r\n';
    expect(rebaseLines(original, 'a: 1\nb: 1\n', 'a: 1\nb: 2\n', '\r\n')).toBe('a: 1\r\nb: 2\r\n');
  });

  it('returns the original when nothing changed', () => {
    const original = 'a:   1 # spaced\n';
    expect(rebaseLines(original, 'a: 1 # spaced\n', 'a: 1 # spaced\n', '\n')).toBe(original);
  });
});
