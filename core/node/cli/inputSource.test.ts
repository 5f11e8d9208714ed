import { describe, expect, it } from 'vitest';
import type { InputSources } from './inputSource';
import { resolveRunInput } from './inputSource';

function sources(
  overrides: Partial<InputSources> & { piped?: string; tty?: boolean },
): InputSources {
  let reads = 0;
  return {
    env: {},
    ...overrides,
    stdin: {
      isTTY: overrides.tty ?? false,
      read: () => {
        reads += 1;
        if (reads > 1) throw new Error('stdin read twice');
        return Promise.resolve(overrides.piped ?? '');
      },
    },
  };
}

describe('resolveRunInput (flujo run precedence)', () => {
  it('takes --input over everything else', async () => {
    const resolved = await resolveRunInput(
      sources({ flag: ' as typed ', env: { FLUJO_INPUT: 'env' }, piped: 'piped' }),
    );
    expect(resolved).toEqual({ input: ' as typed ', source: 'flag' });
  });

  it('reads stdin, trimmed, for --input -', async () => {
    const resolved = await resolveRunInput(sources({ flag: '-', piped: '  from stdin\n' }));
    expect(resolved).toEqual({ input: 'from stdin', source: 'flag-stdin' });
  });

  it('takes a non-empty FLUJO_INPUT over piped stdin, and skips an empty one', async () => {
    expect(await resolveRunInput(sources({ env: { FLUJO_INPUT: 'env' }, piped: 'x' }))).toEqual({
      input: 'env',
      source: 'env',
    });
    expect(await resolveRunInput(sources({ env: { FLUJO_INPUT: '' }, piped: 'x\n' }))).toEqual({
      input: 'x',
      source: 'stdin',
    });
  });

  it('never reads a terminal implicitly, and falls back to the empty string', async () => {
    const tty = sources({ tty: true, piped: 'typed' });
    expect(await resolveRunInput(tty)).toEqual({ input: '', source: 'empty' });
    expect(await resolveRunInput(sources({ piped: ' \n' }))).toEqual({
      input: '',
      source: 'empty',
    });
  });
});
