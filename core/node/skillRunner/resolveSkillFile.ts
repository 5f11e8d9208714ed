import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A skill reference split into its module segments and exported function name. */
export interface SkillRef {
  /** Candidate module paths relative to `skills/`, without extension, most specific first. */
  readonly modules: readonly (readonly string[])[];
  readonly fn: string;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;
const EXTENSIONS = ['.mjs', '.js'] as const;

/**
 * Parses `skills.<module>:<fn>` (module dotted: `skills.text.clean:fn` → `skills/text/clean`) and a
 * Python path `pkg.mod:fn` (or `pkg.mod.fn`), whose JS stand-in is `skills/pkg.mod` or
 * `skills/pkg/mod` (DECISIONS 9). Returns undefined for anything else — including `..`, empty
 * segments and path separators, so a reference can never name a file outside `skills/`.
 */
export function parseSkillRef(ref: string): SkillRef | undefined {
  const text = ref.trim();
  const colon = text.lastIndexOf(':');
  let modulePath: string;
  let fn: string;
  if (colon === -1) {
    const dot = text.lastIndexOf('.');
    if (dot === -1) return undefined;
    modulePath = text.slice(0, dot);
    fn = text.slice(dot + 1);
  } else {
    modulePath = text.slice(0, colon);
    fn = text.slice(colon + 1);
  }
  if (!/^[A-Za-z_$][\w$]*$/.test(fn)) return undefined;
  const segments = modulePath.split('.');
  if (!segments.every((segment) => SEGMENT.test(segment))) return undefined;
  if (segments[0] === 'skills') {
    const inner = segments.slice(1);
    return inner.length === 0 ? undefined : { modules: [inner], fn };
  }
  const flat = [segments.join('.')];
  return { modules: segments.length > 1 ? [flat, segments] : [flat], fn };
}

/**
 * The file a reference runs (`<baseDir>/skills/<module>.mjs`, else `.js`), or undefined when none
 * exists. The real path must stay inside `<baseDir>/skills` (a symlink out is refused).
 */
export async function resolveSkillFile(baseDir: string, ref: string): Promise<string | undefined> {
  const parsed = parseSkillRef(ref);
  if (parsed === undefined) return undefined;
  const skillsDir = path.resolve(baseDir, 'skills');
  let realSkillsDir: string;
  try {
    realSkillsDir = await realpath(skillsDir);
  } catch {
    return undefined; // no skills/ folder: no skill exists
  }
  for (const segments of parsed.modules) {
    for (const extension of EXTENSIONS) {
      const candidate = path.join(skillsDir, ...segments) + extension;
      if (!isInside(skillsDir, candidate)) continue;
      const real = await existingFile(candidate);
      if (real !== undefined && isInside(realSkillsDir, real)) return real;
    }
  }
  return undefined;
}

async function existingFile(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? await realpath(file) : undefined;
  } catch {
    return undefined; // missing or unreadable: not a candidate
  }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
