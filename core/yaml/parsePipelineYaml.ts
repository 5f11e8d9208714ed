import type { Document, YAMLError } from 'yaml';
import { isMap, LineCounter, parseDocument, visit } from 'yaml';

import type { Diagnostic, Pipeline } from '../model';
import type { YamlStyle } from './detectYamlStyle';
import { detectYamlStyle } from './detectYamlStyle';
import type { PipelineDocument } from './pipelineDocument';
import type { ReadContext } from './readContext';
import { markSynthesized, report } from './readContext';
import { readPipeline } from './readPipeline';
import type { SourceMapper } from './sourceRanges';
import { createSourceMapper } from './sourceRanges';
import { attachLeadingComments } from './yamlNodeStyle';
import { AliasBudgetError, createVisitBudget } from './yamlNodeValues';
import { YAML_PARSE_OPTIONS } from './yamlParseOptions';
import { fastParsePipelineYaml } from './fastParsePipeline';
import { shareUnchangedSteps } from './shareUnchangedSteps';

/** What `parsePipelineYaml` returns: the model (when the file is a pipeline), the handle, findings. */
export interface ParsePipelineResult {
  readonly pipeline?: Pipeline;
  readonly document: PipelineDocument;
  readonly diagnostics: Diagnostic[];
}

const HINTS: Partial<Record<string, string>> = {
  BAD_INDENT: 'Check the indentation of this line against the lines above it.',
  MISSING_CHAR: 'A closing quote or bracket is missing.',
  MULTIPLE_DOCS: 'A pipeline file holds one YAML document: remove the second `---` section.',
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  BLOCK_AS_IMPLICIT_KEY: 'A key must fit on one line and end with `: `.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line and end with `: `.',
  UNEXPECTED_TOKEN: 'Check for a stray character, a missing `: ` or a missing `- `.',
  BAD_ALIAS: 'An alias `*name` needs a matching anchor `&name` earlier in the file.',
  DUPLICATE_KEY: 'Remove one of the duplicate keys.',
  TAG_RESOLVE_FAILED:
    'Flujo loads YAML with PyYAML safe_load, which rejects custom tags: remove the `!tag`.',
};

function yamlErrorDiagnostic(
  error: YAMLError,
  mapper: SourceMapper,
  file: string | undefined,
): Diagnostic {
  const [start, end] = error.pos;
  const firstLine = error.message.split('\n')[0] ?? error.message;
  const base =
    error.code === 'MULTIPLE_DOCS'
      ? 'The file holds more than one YAML document'
      : firstLine.replace(/ at line \d+, column \d+:?\s*$/, '').trim();
  const hint = HINTS[error.code];
  const isError = error.name === 'YAMLParseError' || error.code === 'TAG_RESOLVE_FAILED';
  return {
    code: 'YAML-PARSE',
    severity: isError ? 'error' : 'warning',
    message: `${base.endsWith('.') ? base : `${base}.`}${hint ? ` ${hint}` : ''}`,
    range: mapper.range(start, Math.max(start, end)),
    ...(file !== undefined ? { file } : {}),
  };
}

function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** PyYAML rejects an alias without an anchor; the `yaml` library only notices when converting. */
function reportUnknownAliases(ctx: ReadContext, doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) !== undefined) return;
      found = true;
      report(
        ctx,
        alias,
        `The alias \`*${alias.source}\` has no anchor \`&${alias.source}\` before it: define the anchor or write the value.`,
        {},
        'error',
        'YAML-PARSE',
      );
    },
  });
  return found;
}

function readModel(ctx: ReadContext, doc: Document.Parsed): Pipeline | undefined {
  const root = doc.contents;
  if (root === null) {
    report(ctx, null, 'The file is empty: a Flujo pipeline is a mapping with a `steps:` list.');
    return { steps: markSynthesized(ctx, []), extra: {} };
  }
  if (!isMap(root)) {
    report(
      ctx,
      root,
      'A Flujo pipeline file must be a mapping with a `steps:` list (e.g. `steps: [{ kind: step, name: first }]`), not a list or a single value.',
    );
    return undefined;
  }
  return readPipeline(ctx, root);
}

const DEFAULT_STYLE: YamlStyle = {
  indent: 2,
  indentSeq: true,
  singleQuote: false,
  flowCollectionPadding: true,
  lineEnding: '\n',
};

function internalError(error: unknown, file: string | undefined): Diagnostic {
  const isBudget = error instanceof AliasBudgetError;
  return {
    code: isBudget ? 'YAML-PARSE' : 'YAML-INTERNAL',
    severity: 'error',
    message: isBudget
      ? `${failureMessage(error)} Simplify the anchors and aliases.`
      : `The studio could not read this file (internal error: ${failureMessage(error)}). Please report it with the file.`,
    ...(file !== undefined ? { file } : {}),
  };
}

/** Options of `parsePipelineYaml`; `loader` is internal (tests force the `yaml` library path). */
export interface ParsePipelineOptions {
  readonly file?: string;
  /** 'auto' (default): a fast js-yaml load when it is exactly equivalent; 'yaml': never. */
  readonly loader?: 'auto' | 'yaml';
  /**
   * The handle of the text before an edit: top-level steps read from the same text at the same
   * place, and equal, are that handle's model objects, so caches keyed by step identity keep
   * hitting (fast-loaded texts only).
   */
  readonly previous?: PipelineDocument;
}

/**
 * Parses Flujo YAML text into the pipeline model, with source ranges on every node. Never throws:
 * malformed YAML becomes `YAML-PARSE`, a file that is not a valid pipeline `YAML-SCHEMA`, and the
 * model is as complete as the file allows (broken steps skipped, bad fields kept in `extra`).
 */
export function parsePipelineYaml(
  text: string,
  options: ParsePipelineOptions = {},
): ParsePipelineResult {
  const { file, previous } = options;
  if (options.loader !== 'yaml') {
    const fast = fastParsePipelineYaml(text, file);
    if (fast) return previous ? shareUnchangedSteps(previous, fast) : fast;
  }
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const mapper = createSourceMapper(text, lineCounter);
  const skipped = new Set<number>();
  const synthesized = { values: new WeakSet<object>(), keys: new WeakMap<object, Set<string>>() };
  const parsedSteps = new WeakSet<object>();
  let doc: Document.Parsed | undefined;
  let pipeline: Pipeline | undefined;
  try {
    doc = parseDocument(text, { ...YAML_PARSE_OPTIONS, lineCounter });
    if (text.includes('#')) attachLeadingComments(doc);
    for (const problem of [...doc.errors, ...doc.warnings]) {
      diagnostics.push(yamlErrorDiagnostic(problem, mapper, file));
    }
    const budget = createVisitBudget();
    const ctx: ReadContext = {
      doc,
      mapper,
      diagnostics,
      file,
      budget,
      skipped,
      synthesized,
      parsedSteps,
    };
    const brokenAliases = text.includes('*') && reportUnknownAliases(ctx, doc);
    if (doc.errors.length === 0 && !brokenAliases) pipeline = readModel(ctx, doc);
  } catch (error) {
    // Loading must never throw (a bug in the reader included): report it and return no model.
    diagnostics.push(internalError(error, file));
    pipeline = undefined;
  }
  const parsed = doc;
  let style: YamlStyle | undefined;
  const document: PipelineDocument = {
    text,
    yaml: doc ?? parseDocument('', YAML_PARSE_OPTIONS),
    pipeline,
    skipped,
    synthesized,
    parsedSteps,
    hasErrors: doc === undefined || doc.errors.length > 0 || pipeline === undefined,
    // Only printing an edit needs the file's style, so it is read then.
    get style() {
      style ??= parsed ? detectYamlStyle(text, parsed) : DEFAULT_STYLE;
      return style;
    },
  };
  return { ...(pipeline ? { pipeline } : {}), document, diagnostics };
}
