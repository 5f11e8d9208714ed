import fc from 'fast-check';

const chars = [
  ' ',
  '\n',
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  '\t',
  'a',
  '0',
  '\r',
  ',',
];

/** One edit of a text: a character inserted, replaced or deleted, a line removed, duplicated or re-indented. */
export type Mutation =
  | { readonly type: 'insert'; readonly at: number; readonly char: string }
  | { readonly type: 'replace'; readonly at: number; readonly char: string }
  | { readonly type: 'delete'; readonly at: number }
  | { readonly type: 'deleteLine'; readonly line: number }
  | { readonly type: 'duplicateLine'; readonly line: number }
  | { readonly type: 'indent'; readonly line: number; readonly delta: number };

/** Generates one `Mutation`. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    type: fc.constantFrom('insert' as const, 'replace' as const),
    at: fc.nat(),
    char: fc.constantFrom(...chars),
  }),
  fc.record({ type: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    type: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const),
    line: fc.nat(),
  }),
  fc.record({
    type: fc.constant('indent' as const),
    line: fc.nat(),
    delta: fc.integer({ min: -4, max: 4 }),
  }),
);

/** Applies a mutation to a text (positions wrap around its length). */
export function mutate(text: string, m: Mutation): string {
  const at = 'at' in m ? (text.length === 0 ? 0 : m.at % text.length) : 0;
  const lines = text.split('\n');
  const index = 'line' in m ? m.line % lines.length : 0;
  const line = lines[index] ?? '';
  switch (m.type) {
    case 'insert':
      return text.slice(0, at) + m.char + text.slice(at);
    case 'replace':
      return text.slice(0, at) + m.char + text.slice(at + 1);
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1);
    case 'deleteLine':
      lines.splice(index, 1);
      break;
    case 'duplicateLine':
      lines.splice(index, 0, line);
      break;
    case 'indent':
      lines[index] =
        m.delta >= 0
          ? ' '.repeat(m.delta) + line
          : line.replace(new RegExp(`^ {0,${-m.delta}}`), '');
      break;
  }
  return lines.join('\n');
}
