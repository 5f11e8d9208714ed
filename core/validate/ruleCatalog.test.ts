import { describe, expect, it } from 'vitest';

import { ruleCatalog } from './ruleCatalog';
import { BOTH_PROFILES, FLUJO_PROFILE } from './ruleDefinition';
import type { RuleDefinition } from './ruleDefinition';
import { allRules } from './rules';

describe('ruleCatalog', () => {
  it('lists every registered rule and the loader codes, each with a one-line description', () => {
    const catalog = ruleCatalog();
    for (const rule of allRules) expect(catalog.get(rule.id)?.description).toMatch(/^[^\n]+$/);
    expect(catalog.get('YAML-PARSE')?.severity).toBe('error');
    expect(catalog.get('V-I1')).toEqual({
      id: 'V-I1',
      description: 'Imported pipeline file is missing, unreadable or does not load.',
      profiles: BOTH_PROFILES,
      severity: 'error',
    });
    const ids = [...catalog.keys()];
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });

  it('merges an id registered twice: all profiles, the highest severity', () => {
    const check = () => undefined;
    const rules: RuleDefinition[] = [
      { id: 'X-1', profiles: FLUJO_PROFILE, severity: 'warning', description: 'First.', check },
      { id: 'X-1', profiles: ['studio'], severity: 'error', description: 'Second.', check },
    ];
    expect(ruleCatalog(rules).get('X-1')).toEqual({
      id: 'X-1',
      description: 'First.',
      profiles: ['flujo', 'studio'],
      severity: 'error',
    });
  });
});
