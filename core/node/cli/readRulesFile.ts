import { readFileSync } from 'node:fs';
import type { RuleSetting } from '../../validate';
import { parseRuleSettingsText } from '../../validate/ruleSettingsText';

/** A `--rules` file read into a mapping, or a message saying why it could not be. */
export type RulesFileRead =
  | { readonly ok: true; readonly settings: Readonly<Record<string, RuleSetting>> }
  | { readonly ok: false; readonly message: string };

/**
 * Reads a rules file for `--rules`: JSON (`{ "V-T*": "off" }`) or the `[validation.rules]` table
 * of a TOML file (the `KEY = "value"` subset; no TOML parser is bundled).
 */
export function readRulesFile(file: string): RulesFileRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `cannot read the rules file ${file}: ${reason}` };
  }
  const parsed = parseRuleSettingsText(text, file);
  return parsed.ok
    ? parsed
    : { ok: false, message: `cannot use the rules file ${file}: ${parsed.reason}` };
}
