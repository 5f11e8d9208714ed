import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChannelResponse } from '../../../shared';

/** A bundled example pipeline. */
export type Sample = ChannelResponse<'documents.samples'>['samples'][number];

/** The repository's `examples/` folder (the app bundle passes its own copy as `samplesDir`). */
export const DEFAULT_SAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

/**
 * The example pipelines (`*.yaml` in `dir`), with a title and a description from their leading
 * `#` comment: `# Title: description` gives both, any other comment is the description and the
 * title comes from the file name.
 */
export async function listSamples(dir: string): Promise<Sample[]> {
  const names = (await fs.readdir(dir)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const text = await fs.readFile(file, 'utf8');
      const id = name.replace(/\.ya?ml$/i, '');
      return { id, path: file, text, ...describeSample(id, text) };
    }),
  );
}

/** Title and description from a sample's leading comment lines. */
export function describeSample(
  id: string,
  text: string,
): { readonly title: string; readonly description: string } {
  const comment: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^#\s?(.*)$/.exec(line);
    if (match === null) break;
    comment.push((match[1] ?? '').trim());
  }
  const joined = comment.filter((line) => line !== '').join(' ');
  const titled = /^([^:.]{1,40}):\s+(.*)$/.exec(joined);
  if (titled !== null) return { title: titled[1] ?? id, description: titled[2] ?? '' };
  return { title: titleFromId(id), description: joined };
}

function titleFromId(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
