import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PipelineLoader } from '../../../core/engine';
import { parsePipelineYaml } from '../../../core/yaml';

function resolveFrom(target: string, fromFile: string | undefined): string {
  const folder = fromFile === undefined ? process.cwd() : path.dirname(fromFile);
  return path.resolve(folder, target);
}

/** The engine's file loader: imports and prompt files, relative to the file that names them. */
export const filePipelineLoader: PipelineLoader = {
  loadPipeline: async (target, fromFile) => {
    const file = resolveFrom(target, fromFile);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      return {
        error: `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}`,
      };
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
