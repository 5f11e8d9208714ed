const compiled = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  const source = pattern
    .trim()
    .split('')
    .map((char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

/** Whether a rule pattern has glob characters (`*`, `?`). */
export function isRuleGlob(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/**
 * Whether a rule id matches a pattern of `meta.suppress_rules`, a `# flujo: ignore` comment or a
 * rules file: an id or a glob (`V-T*`, `V-?1`), compared case-insensitively as Flujo does.
 */
export function matchesRuleGlob(ruleId: string, pattern: string): boolean {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = compile(pattern);
    if (compiled.size > 500) compiled.clear();
    compiled.set(pattern, regex);
  }
  return regex.test(ruleId);
}
