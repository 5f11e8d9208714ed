import { readFile } from 'node:fs/promises';
import { parsePipelineYaml } from '../yaml';
import { formatDiagnostics, formatPipelineOutline } from './pipelineOutline';

/**
 * Reads a pipeline file and prints its outline and the loader's diagnostics. Returns the process
 * exit code: 0 when the file loads, 1 when it cannot be read or has errors.
 */
export async function previewPipelineFile(file: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Cannot read ${file}: ${reason}. Check the path and that you may read it.`);
    return 1;
  }
  const { pipeline, diagnostics } = parsePipelineYaml(text, { file });
  console.log(`Pipeline file: ${file}\n`);
  if (pipeline) console.log(formatPipelineOutline(pipeline));
  if (diagnostics.length > 0) console.log(`\n${formatDiagnostics(diagnostics, file)}`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  console.log(
    `\n${String(errors)} error(s), ${String(diagnostics.length - errors)} other finding(s).`,
  );
  return errors > 0 || !pipeline ? 1 : 0;
}
