import type { BuiltinSkill } from './builtinSkill';
import { isTruthy } from '../../expr';
import { dictGet, isPlainDict } from './plainDict';
import { pythonStringify } from './pythonRepr';

const FENCED_YAML = /```(?:yaml|yml)?\n([\s\S]*)\n```/;
const YAML_START = /^(?:version:|name:)/m;

/** The first truthy of `yaml_text` / `generated_yaml` of a dict, as text; undefined if neither. */
function yamlField(value: unknown): string | undefined {
  for (const key of ['yaml_text', 'generated_yaml']) {
    const field = dictGet(value, key);
    if (isTruthy(field)) return pythonStringify(field);
  }
  return undefined;
}

/**
 * YAML text from a writer's output: a dict's `yaml_text`/`generated_yaml` (else empty), any
 * other value as text, with a fenced ```yaml block reduced to its content.
 */
export function extractYamlText(writerOutput: unknown): string {
  let text = isPlainDict(writerOutput)
    ? (yamlField(writerOutput) ?? '')
    : pythonStringify(writerOutput);
  if (text.includes('```')) {
    const match = FENCED_YAML.exec(text);
    if (match?.[1] !== undefined) text = match[1].trim();
  }
  return text;
}

/** Text with any prose before the first line starting `version:` or `name:` removed. */
export function trimToYamlStart(text: string): string {
  const match = YAML_START.exec(text);
  return match === null ? text : text.slice(match.index);
}

/**
 * `flujo.builtins.extract_yaml_text`: `{yaml_text, generated_yaml}` from a writer's output.
 * Flujo's last-resort scrape of a pydantic repr is not reproduced: it yields garbage for dicts.
 */
export const extractYamlTextSkill: BuiltinSkill = {
  id: 'flujo.builtins.extract_yaml_text',
  parameters: ['writer_output'],
  run: ({ args }) => {
    const text = extractYamlText(args.writer_output);
    return { yaml_text: text, generated_yaml: text };
  },
};

/** `flujo.builtins.return_yaml_for_cli`: `{generated_yaml, yaml_text}` with leading prose trimmed. */
export const returnYamlForCliSkill: BuiltinSkill = {
  id: 'flujo.builtins.return_yaml_for_cli',
  parameters: ['yaml_text'],
  run: ({ args }) => {
    const input = args.yaml_text;
    const raw = isPlainDict(input)
      ? (yamlField(input) ?? pythonStringify(input))
      : pythonStringify(input);
    const text = trimToYamlStart(raw);
    return { generated_yaml: text, yaml_text: text };
  },
};
