import { ConfigurationError } from '../../engine/errors';
import type { Scope } from '../../expr';
import { render } from '../../expr';
import type { YamlValue } from '../../model/jsonValue';

function renderOrThrow(text: string, scope: Scope, agentName: string, what: string): string {
  const result = render(text, scope);
  if (result.ok) return result.text;
  throw new ConfigurationError(
    `The ${what} of agent "${agentName}" could not be rendered: ${result.error.message}`,
    {
      suggestion: 'Fix the {{ … }} template (FLUJO-SPEC §4).',
      details: { code: result.error.code },
    },
  );
}

/**
 * The system prompt of one call: `variables` values (templates) are rendered over `scope`, then the
 * prompt text (a string `system_prompt` or the loaded `from_file` text) over `scope` plus them.
 */
export function renderSystemPrompt(
  promptText: string,
  variables: Readonly<Record<string, YamlValue>> | undefined,
  scope: Scope,
  agentName: string,
): string {
  const rendered: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables ?? {})) {
    rendered[name] =
      typeof value === 'string'
        ? renderOrThrow(value, scope, agentName, `system_prompt variable "${name}"`)
        : value;
  }
  return renderOrThrow(promptText, { ...scope, ...rendered }, agentName, 'system_prompt');
}
