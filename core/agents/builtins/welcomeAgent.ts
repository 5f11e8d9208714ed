import type { BuiltinSkill } from './builtinSkill';
import { pythonStringify } from './pythonRepr';

const WELCOME_BODY =
  '\nYou have successfully run your first pipeline!\n\n' +
  'This is a simple workflow defined in `pipeline.yaml`.\n' +
  'You can edit it or create a new one from scratch by running:\n\n' +
  '  flujo create --goal "Your new workflow goal"\n\n' +
  'Happy building!\n';

/**
 * The welcome text for `name`. Flujo adds pyfiglet ASCII art only when that optional package is
 * installed; the studio never does, so the text matches a Flujo install without pyfiglet.
 */
export function welcomeText(name: string): string {
  return `Welcome, ${name}!\n\n${WELCOME_BODY}`;
}

/** `flujo.builtins.welcome_agent`: the fixed welcome text; `name` defaults to "Developer". */
export const welcomeAgentSkill: BuiltinSkill = {
  id: 'flujo.builtins.welcome_agent',
  parameters: ['name'],
  // A step with no input (None) greets the default name rather than "None".
  run: ({ args }) =>
    welcomeText(
      args.name === undefined || args.name === null ? 'Developer' : pythonStringify(args.name),
    ),
};
