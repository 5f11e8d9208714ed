import type { BuiltinSkill } from './builtinSkill';
import { isPlainDict } from './plainDict';

/** Arguments bound for a built-in, or why they could not be. */
export type SkillArgumentBinding =
  | { readonly ok: true; readonly args: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly message: string };

/**
 * Binds a step's input and `agent.params` to a built-in's parameters (FLUJO-SPEC §6 with params
 * honoured, DECISIONS 1): start from `params`; a non-empty dict input whose keys are all parameter
 * names is spread over them; any other input (an `undefined` input binds nothing) goes to the first
 * parameter that params left unset, so `context_set` with `params: {path}` takes its input as
 * `value`. A missing required parameter, or a param the skill does not have, is a failure whose
 * message names it.
 */
export function bindSkillArguments(
  skill: BuiltinSkill,
  input: unknown,
  params?: Readonly<Record<string, unknown>>,
): SkillArgumentBinding {
  const names = skill.parameters;
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (!names.includes(name)) return { ok: false, message: unknownParam(skill, name) };
    args[name] = value;
  }
  if (spreadsOverParameters(input, names)) {
    Object.assign(args, input);
  } else if (input !== undefined) {
    const free = names.find((name) => !Object.hasOwn(args, name));
    if (free !== undefined) args[free] = input;
  }
  const missing = (skill.required ?? []).find((name) => args[name] === undefined);
  if (missing !== undefined) return { ok: false, message: missingParam(skill, missing) };
  return { ok: true, args };
}

function spreadsOverParameters(
  input: unknown,
  names: readonly string[],
): input is Readonly<Record<string, unknown>> {
  if (!isPlainDict(input)) return false;
  const keys = Object.keys(input);
  // An empty dict is a value, not an empty argument list (`passthrough({})` returns `{}`).
  return keys.length > 0 && keys.every((key) => names.includes(key));
}

function unknownParam(skill: BuiltinSkill, name: string): string {
  const accepted = skill.parameters.length === 0 ? 'none' : skill.parameters.join(', ');
  return `${skill.id} has no parameter '${name}'; remove it from agent.params (accepted: ${accepted}).`;
}

function missingParam(skill: BuiltinSkill, name: string): string {
  return (
    `${skill.id} needs '${name}': pass it in agent.params ({ ${name}: ... }) or give the step ` +
    `a dict input whose keys are among: ${skill.parameters.join(', ')}.`
  );
}
