import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PipelineLoader } from '../../engine';
import { parsePipelineYaml } from '../../yaml';
import { readFailure } from './fileImportLoader';

function resolveFrom(target: string, fromFile: string | undefined): string {
  const folder = fromFile === undefined ? process.cwd() : path.dirname(path.resolve(fromFile));
  return path.resolve(folder, target);
}

/**
 * The engine's PipelineLoader port over the file system: imports and prompt files are read
 * relative to the file that names them (the running file for top-level references).
 */
export const diskPipelineLoader: PipelineLoader = {
  loadPipeline: async (target, fromFile) => {
    const file = resolveFrom(target, fromFile);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      return { error: `Could not read ${file}: ${readFailure(error)}.` };
    }
    const parsed = parsePipelineYaml(text, { file });
    const problem = parsed.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    if (parsed.pipeline === undefined || problem !== undefined) {
      return { error: `${file} is not a valid pipeline: ${problem?.message ?? 'no steps found'}` };
    }
    return { pipeline: parsed.pipeline, file };
  },
  readText: (target, fromFile) => fs.readFile(resolveFrom(target, fromFile), 'utf8'),
};
