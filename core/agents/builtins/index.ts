export type { BuiltinSkill, SkillCall, SkillContext, SkillErrorOptions } from './builtinSkill';
export { SkillError } from './builtinSkill';
export type { SkillArgumentBinding } from './bindSkillArguments';
export { bindSkillArguments } from './bindSkillArguments';
export {
  BUILTIN_SKILLS,
  findBuiltinSkill,
  HUMAN_INPUT_BUILTIN,
  UNAVAILABLE_BUILTINS,
} from './registry';
export { pythonRepr, pythonStringify } from './pythonRepr';
