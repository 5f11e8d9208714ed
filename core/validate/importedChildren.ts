import type { Diagnostic, Pipeline, StepPath, StepTypes } from '../model';
import { ANY_TYPE } from '../model';
import type { ParsePipelineResult } from '../yaml';
import { parsePipelineYaml } from '../yaml';
import type { ImportedChild } from './importedChild';
import { normalizePath, resolveImportPath } from './importPath';
import type { ImportLoad, ValidateOptions, ValidationDiagnostic } from './validationTypes';

/** Import validation state of one `validatePipeline` call, shared down the import tree. */
export interface ImportRun {
  /** Normalised files from the root file down to the file being validated (cycle detection). */
  readonly stack: readonly string[];
  /** Child validations by file and text, so a child imported twice is validated once. */
  readonly cache: Map<string, ChildValidation>;
}

/** A validated child file. */
export interface ChildValidation {
  readonly pipeline?: Pipeline;
  readonly loadFailure?: string;
  readonly types: ReadonlyMap<StepPath, StepTypes>;
  readonly findings: readonly ValidationDiagnostic[];
}

/** Validates a child pipeline with the same rules and options (recursion back into the engine). */
export type ValidateChild = (
  pipeline: Pipeline,
  options: ValidateOptions,
  run: ImportRun,
) => {
  readonly diagnostics: readonly ValidationDiagnostic[];
  readonly types: () => ReadonlyMap<StepPath, StepTypes>;
};

const PARSE_CACHE_LIMIT = 32;
// Revalidating a parent on every keystroke reloads the same child texts: parse each text once, so
// the child's step nodes keep their identity and every per-step cache keeps working for them.
const parsed = new Map<string, ParsePipelineResult>();

function parseCached(text: string, file: string): ParsePipelineResult {
  const key = `${file}\u0000${text}`;
  const hit = parsed.get(key);
  if (hit) return hit;
  const result = parsePipelineYaml(text, { file });
  if (parsed.size >= PARSE_CACHE_LIMIT) {
    const oldest = parsed.keys().next();
    if (!oldest.done) parsed.delete(oldest.value);
  }
  parsed.set(key, result);
  return result;
}

function loadFailureReason(diagnostics: readonly Diagnostic[]): string {
  const first = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (!first) return 'it is not a pipeline file';
  const message = first.message.replace(/\.\s*$/, '');
  return first.range ? `line ${String(first.range.start.line)}: ${message}` : message;
}

function validateChildFile(
  file: string,
  text: string,
  options: ValidateOptions,
  run: ImportRun,
  validateChild: ValidateChild,
): ChildValidation {
  const key = `${normalizePath(file)}\u0000${text}`;
  const cached = run.cache.get(key);
  if (cached) return cached;
  const { pipeline, diagnostics } = parseCached(text, file);
  let result: ChildValidation;
  if (!pipeline) {
    result = { loadFailure: loadFailureReason(diagnostics), types: new Map(), findings: [] };
  } else {
    const childRun: ImportRun = { stack: [...run.stack, normalizePath(file)], cache: run.cache };
    const validation = validateChild(pipeline, { ...options, file, text }, childRun);
    const findings = [...diagnostics, ...validation.diagnostics];
    result = { pipeline, types: validation.types(), findings };
  }
  run.cache.set(key, result);
  return result;
}

function outputOf(pipeline: Pipeline, types: ReadonlyMap<StepPath, StepTypes>) {
  const last = pipeline.steps.length - 1;
  return (last >= 0 ? types.get(`steps[${String(last)}]`)?.output : undefined) ?? ANY_TYPE;
}

function loadOne(
  alias: string,
  importPath: string,
  loadImport: NonNullable<ValidateOptions['loadImport']>,
  options: ValidateOptions,
  run: ImportRun,
  validateChild: ValidateChild,
): ImportedChild {
  const resolved = resolveImportPath(options.file, importPath);
  const base = { alias, importPath, file: resolved };
  if (run.stack.includes(resolved)) {
    return { ...base, status: 'cycle', chain: [...run.stack, resolved] };
  }
  let load: ImportLoad;
  try {
    load = loadImport(importPath, options.file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...base, status: 'failed', reason };
  }
  const file = load.file || resolved;
  if (!load.ok) return { ...base, file, status: 'failed', reason: load.reason };
  const normalized = normalizePath(file);
  if (run.stack.includes(normalized)) {
    return { ...base, file, status: 'cycle', chain: [...run.stack, normalized] };
  }
  const child = validateChildFile(file, load.text, options, run, validateChild);
  if (!child.pipeline) {
    return { ...base, file, status: 'failed', reason: child.loadFailure ?? 'it does not load' };
  }
  return {
    ...base,
    file,
    status: 'loaded',
    pipeline: child.pipeline,
    types: child.types,
    output: outputOf(child.pipeline, child.types),
    findings: child.findings,
  };
}

/**
 * Loads and validates every `imports:` entry of a pipeline through the `loadImport` port, children
 * recursively with the same options, detecting cycles on the stack of resolved files. Without a
 * port nothing is loaded (the map is empty).
 */
export function loadImportedChildren(
  pipeline: Pipeline,
  options: ValidateOptions,
  run: ImportRun,
  validateChild: ValidateChild,
): ReadonlyMap<string, ImportedChild> {
  const imports = pipeline.imports;
  const children = new Map<string, ImportedChild>();
  const loadImport = options.loadImport;
  if (!imports || !loadImport) return children;
  for (const [alias, importPath] of Object.entries(imports)) {
    if (typeof importPath !== 'string' || importPath.trim() === '') continue;
    children.set(alias, loadOne(alias, importPath, loadImport, options, run, validateChild));
  }
  return children;
}
