/** Python keywords that cannot be used as names in an expression (True/False/None are literals). */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

const ARITHMETIC = new Set(['+', '-', '*', '/', '//', '%', '**']);
const BITWISE = new Set(['&', '|', '^', '~', '<<', '>>']);
const OPERATOR_HINTS: Readonly<Record<string, string>> = {
  '&&': '`&&`; write `and`',
  '||': '`||`; write `or`',
  '!': '`!`; write `not`',
  '=': '`=`; compare with `==`',
  '<>': '`<>`; compare with `!=`',
  '{': 'dict or set literal `{…}`',
  '}': '`}`',
  ':': '`:` (slices, dicts and lambdas are not available)',
  ':=': '`:=` (assignment)',
  ';': '`;`',
  '@': '`@`',
  '->': '`->`',
};
const KEYWORD_HINTS: Readonly<Record<string, string>> = {
  lambda: 'lambda',
  if: 'conditional expression `x if c else y`; use `and` / `or`',
  else: 'conditional expression `x if c else y`; use `and` / `or`',
  for: 'comprehension',
  is: '`is`; compare with `==` or `!=` (e.g. `x == None`)',
  await: '`await`',
  yield: '`yield`',
};

/** Says why an operator token is not part of the language, or undefined for plain syntax errors. */
export function describeOperator(operator: string): string | undefined {
  if (ARITHMETIC.has(operator)) return `\`${operator}\` (arithmetic is not available)`;
  if (BITWISE.has(operator)) return `\`${operator}\` (bitwise operators are not available)`;
  return Object.hasOwn(OPERATOR_HINTS, operator) ? OPERATOR_HINTS[operator] : undefined;
}

/** Says why a keyword is not part of the language, or undefined when it is a plain syntax error. */
export function describeKeyword(word: string): string | undefined {
  return Object.hasOwn(KEYWORD_HINTS, word) ? KEYWORD_HINTS[word] : undefined;
}
