import type { SkillRunner } from '../../../core/engine';
import { ConfigurationError } from '../../../core/engine';
import { createNodeSkillRunner, resolveSkillFile } from '../../../core/node/skillRunner';
import type { WorkerSkills } from './workerProtocol';

/**
 * The skill runner a run gets. A trusted folder gets the real runner. An untrusted one gets a
 * runner that loads nothing: a step whose skill file exists fails with a ConfigurationError that
 * says to trust the folder; one whose file does not exist gets the engine's usual "not found".
 */
export function trustGatedSkills(skills: WorkerSkills | undefined): SkillRunner | undefined {
  if (skills === undefined) return undefined;
  if (skills.trusted) return createNodeSkillRunner({ baseDir: skills.baseDir });
  const refuse = (ref: string): ConfigurationError =>
    new ConfigurationError(
      `Custom JS skills in ${skills.baseDir} run only after you trust this folder (${ref} was not run).`,
      {
        suggestion:
          'Trust the folder (Workspace → Trust this folder) if you know its code, then run again.',
      },
    );
  return {
    has: async (ref) => {
      if ((await resolveSkillFile(skills.baseDir, ref)) === undefined) return false;
      throw refuse(ref);
    },
    run: (ref) => Promise.reject(refuse(ref)),
  };
}
