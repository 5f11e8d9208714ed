export { createNodeSkillRunner } from './createNodeSkillRunner';
export type { NodeSkillRunnerOptions } from './createNodeSkillRunner';
export { parseSkillRef, resolveSkillFile } from './resolveSkillFile';
export type { SkillRef } from './resolveSkillFile';
