import type { Pipeline, PlainStep } from '../../model';
import { ConfigurationError, describeCause } from '../errors';
import { nestedHitlError } from '../nestedHitlGuard';
import type { RunState } from '../runState';

/** An imported child pipeline as one import site of a run sees it. */
export interface ImportChild {
  readonly alias: string;
  readonly pipeline: Pipeline;
  readonly file: string;
  /** Files from the outermost saved file down to this child (for the cycle guard and messages). */
  readonly chain: readonly string[];
}

/** What a run has loaded so far: the child of each import site (keyed by the site's step path). */
interface ImportRegistry {
  readonly bySite: Map<string, ImportChild>;
  /** Child pipelines already indexed at some site; a second site gets its own copy. */
  readonly indexed: WeakSet<Pipeline>;
}

const registries = new WeakMap<RunState, ImportRegistry>();

const IMPORT_SEGMENT = '.import.';

function registryOf(run: RunState): ImportRegistry {
  let registry = registries.get(run);
  if (!registry) {
    registry = { bySite: new Map(), indexed: new WeakSet() };
    registries.set(run, registry);
  }
  return registry;
}

/**
 * Loads the child of the import step at `path` once per run and site, and indexes its step paths
 * under `<path>.import.`. Step paths are static per node, so the same child pipeline object can only
 * carry one prefix: a second site importing it gets a structured clone. Imports inside a child resolve
 * against that child's own `imports` and file (found through the enclosing site in `path`).
 */
export async function loadImportChild(
  step: PlainStep,
  path: string,
  run: RunState,
): Promise<ImportChild | ConfigurationError> {
  const registry = registryOf(run);
  const cached = registry.bySite.get(path);
  if (cached) return cached;
  const alias = (step.uses ?? '').trim().slice('imports.'.length);
  const owner = enclosingPipeline(path, run, registry);
  const target = owner.pipeline.imports?.[alias];
  if (target === undefined) {
    const known = Object.keys(owner.pipeline.imports ?? {});
    return new ConfigurationError(
      `Step '${step.name}' uses imports.${alias}, but ${owner.file === undefined ? 'the pipeline' : `'${baseName(owner.file)}'`} declares no import '${alias}'${known.length > 0 ? ` (imports: ${known.join(', ')})` : ''}.`,
      { suggestion: `Add '${alias}: <file>.yaml' under imports:, or fix the alias.` },
    );
  }
  const loader = run.options.loader;
  if (loader === undefined) {
    return new ConfigurationError(
      `Step '${step.name}' imports '${target}', but this run has no way to load files.`,
      { suggestion: 'Save the pipeline to a file and run it from there, so its imports can load.' },
    );
  }
  let loaded: Awaited<ReturnType<typeof loader.loadPipeline>>;
  try {
    loaded = await loader.loadPipeline(target, owner.file);
  } catch (error) {
    loaded = { error: describeCause(error) };
  }
  if ('error' in loaded) {
    return new ConfigurationError(
      `Step '${step.name}' could not load import '${alias}' (${target}): ${loaded.error}`,
      { suggestion: 'Check that the file exists next to the pipeline and is valid YAML.' },
    );
  }
  const chain = [...owner.chain, loaded.file];
  if (owner.chain.includes(loaded.file)) {
    return new ConfigurationError(`Import cycle: ${chain.map(baseName).join(' → ')}`, {
      suggestion: 'Remove one of the imports so no pipeline imports itself, directly or not.',
    });
  }
  // DECISIONS 3 holds inside imported files too; the run-level guard only sees the top file.
  const refused = nestedHitlError(loaded.pipeline);
  if (refused) return refused;
  let pipeline = loaded.pipeline;
  if (registry.indexed.has(pipeline) || pipeline === run.pipeline) {
    pipeline = structuredClone(pipeline);
  }
  registry.indexed.add(pipeline);
  run.indexPaths(pipeline, path + IMPORT_SEGMENT);
  const child: ImportChild = { alias, pipeline, file: loaded.file, chain };
  registry.bySite.set(path, child);
  return child;
}

/** The pipeline (and its file) that holds the step at `path`: the run's, or an import's child. */
function enclosingPipeline(
  path: string,
  run: RunState,
  registry: ImportRegistry,
): { readonly pipeline: Pipeline; readonly file?: string; readonly chain: readonly string[] } {
  const cut = path.lastIndexOf(IMPORT_SEGMENT);
  const site = cut < 0 ? undefined : registry.bySite.get(path.slice(0, cut));
  if (site) return site;
  const file = run.options.file;
  return file === undefined
    ? { pipeline: run.pipeline, chain: [] }
    : { pipeline: run.pipeline, file, chain: [file] };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
