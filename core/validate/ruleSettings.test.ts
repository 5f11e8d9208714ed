import { describe, expect, it } from 'vitest';

import { matchesRuleGlob } from './ruleIdGlob';
import { ruleSettingFor } from './ruleSettings';
import { parseRuleSettingsText } from './ruleSettingsText';

describe('rule globs', () => {
  it('match ids case-insensitively with * and ?, and nothing else', () => {
    expect(matchesRuleGlob('V-T1', 'v-t*')).toBe(true);
    expect(matchesRuleGlob('V-T1', 'V-?1')).toBe(true);
    expect(matchesRuleGlob('V-T10', 'V-T1')).toBe(false);
    expect(matchesRuleGlob('VXT1', 'V.T1')).toBe(false);
  });
});

describe('ruleSettingFor', () => {
  const settings = { '*': 'warning', 'V-T*': 'off', 'V-T1*': 'info', 'V-T3': 'error' } as const;

  it('prefers an exact id, then the most specific glob', () => {
    expect(ruleSettingFor('v-t3', settings)).toBe('error');
    expect(ruleSettingFor('V-T1', settings)).toBe('info');
    expect(ruleSettingFor('V-T2', settings)).toBe('off');
    expect(ruleSettingFor('V-A2', settings)).toBe('warning');
    expect(ruleSettingFor('V-A2', undefined)).toBeUndefined();
  });
});

describe('parseRuleSettingsText', () => {
  it('reads a JSON object of rule → setting', () => {
    expect(parseRuleSettingsText('{ "V-T*": "off", "V-A2": "Warn" }', 'rules.json')).toEqual({
      ok: true,
      settings: { 'V-T*': 'off', 'V-A2': 'warning' },
    });
  });

  it('reads the [validation.rules] table of a TOML file, skipping other tables', () => {
    const toml = [
      '# studio rules',
      '[validation.profiles.ci]',
      'V-A1 = "error"',
      '[validation.rules]',
      '"V-T*" = "off"   # templates are checked elsewhere',
      "V-A2 = 'error'",
      '',
      '[other]',
      'x = "y"',
    ].join('\n');
    expect(parseRuleSettingsText(toml, 'flujo.toml')).toEqual({
      ok: true,
      settings: { 'V-T*': 'off', 'V-A2': 'error' },
    });
  });

  it('says what is wrong with a bad file', () => {
    expect(parseRuleSettingsText('{ "V-T1": "loud" }')).toEqual({
      ok: false,
      reason: 'rule "V-T1" is set to "loud"; use one of "off", "info", "warning", "error".',
    });
    expect(parseRuleSettingsText('[1]', 'r.json')).toMatchObject({ ok: false });
    expect(parseRuleSettingsText('{ nope', 'r.json')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^it is not valid JSON/) as string,
    });
    expect(parseRuleSettingsText('[validation.rules]\nV-T1 = [1]', 'r.toml')).toEqual({
      ok: false,
      reason: 'line 2 is not a `KEY = "value"` pair (the studio reads only that TOML subset).',
    });
    expect(parseRuleSettingsText('V-T1 = "off"', 'r.toml')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no [validation.rules] table') as string,
    });
  });
});
