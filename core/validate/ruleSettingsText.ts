import type { RuleSetting } from './validationTypes';

/** A rules file read into a mapping, or why it could not be. */
export type RuleSettingsParse =
  | { readonly ok: true; readonly settings: Readonly<Record<string, RuleSetting>> }
  | { readonly ok: false; readonly reason: string };

const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

function toSetting(value: unknown): RuleSetting | undefined {
  if (typeof value !== 'string') return undefined;
  const wanted = value.trim().toLowerCase();
  if (wanted === 'warn') return 'warning';
  return SETTINGS.find((setting) => setting === wanted);
}

function badValue(key: string, value: unknown): RuleSettingsParse {
  return {
    ok: false,
    reason: `rule "${key}" is set to ${JSON.stringify(value)}; use one of "off", "info", "warning", "error".`,
  };
}

function fromEntries(entries: readonly (readonly [string, unknown])[]): RuleSettingsParse {
  const settings: Record<string, RuleSetting> = {};
  for (const [key, value] of entries) {
    const setting = toSetting(value);
    if (setting === undefined) return badValue(key, value);
    settings[key] = setting;
  }
  return { ok: true, settings };
}

function parseJsonRules(text: string): RuleSettingsParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `it is not valid JSON (${reason}).` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reason: 'a JSON rules file must be an object like { "V-T*": "off" }.' };
  }
  return fromEntries(Object.entries(data));
}

const TABLE = /^\[\s*([^\]]+?)\s*\]\s*(#.*)?$/;
const PAIR =
  /^("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_*?.-]+)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*')\s*(#.*)?$/;

function unquote(token: string): string {
  return token.startsWith('"') || token.startsWith("'") ? token.slice(1, -1) : token;
}

/**
 * The TOML subset the studio reads (no TOML parser is bundled): a `[validation.rules]` table of
 * `KEY = "value"` lines, keys bare or quoted, `#` comments; other tables are skipped.
 */
function parseTomlRules(text: string): RuleSettingsParse {
  const entries: [string, string][] = [];
  let table: string | undefined;
  let sawRulesTable = false;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = TABLE.exec(line);
    if (header) {
      table = header[1]?.replace(/\s+/g, '');
      if (table === 'validation.rules') sawRulesTable = true;
      continue;
    }
    if (table !== 'validation.rules') continue;
    const pair = PAIR.exec(line);
    if (!pair?.[1] || !pair[2]) {
      return {
        ok: false,
        reason: `line ${String(index + 1)} is not a \`KEY = "value"\` pair (the studio reads only that TOML subset).`,
      };
    }
    entries.push([unquote(pair[1]), unquote(pair[2])]);
  }
  if (!sawRulesTable) {
    return {
      ok: false,
      reason:
        'it has no [validation.rules] table; write `[validation.rules]` then `"V-T*" = "off"`.',
    };
  }
  return fromEntries(entries);
}

/**
 * Reads a rules file's text: JSON (`{ "V-T*": "off" }`) when the name ends in `.json` or the text
 * starts with `{`, else the TOML subset of `parseTomlRules`. Values: off, info, warning (or warn),
 * error, in any letter case.
 */
export function parseRuleSettingsText(text: string, fileName = ''): RuleSettingsParse {
  const isJson = fileName.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{');
  return isJson ? parseJsonRules(text) : parseTomlRules(text);
}
