/**
 * Context paths a template or an expression reads (DECISIONS 5), skipping reads written to
 * tolerate a missing key: `{{#if context.x}}`, `{{ context.x or 'n/a' }}`, `| default(…)`, and
 * `context.get('x')` in expressions.
 */
import type { Reference } from '../../expr';
import { analyzeExpression, analyzeTemplate } from '../../expr';

const GUARDED_PLACEHOLDER = /\sor\s|\|\s*default\s*\(/;
const IF_BLOCK_BEFORE = /\{\{\s*#if\s+$/;

function guardedInTemplate(text: string, reference: Reference): boolean {
  const open = text.lastIndexOf('{{', reference.start);
  if (open < 0) return false;
  if (IF_BLOCK_BEFORE.test(text.slice(open, reference.start))) return true;
  const close = text.indexOf('}}', reference.end);
  const placeholder = text.slice(open, close < 0 ? text.length : close);
  return GUARDED_PLACEHOLDER.test(placeholder);
}

function contextPathsOf(
  references: readonly Reference[],
  guarded: (reference: Reference) => boolean,
): readonly string[] {
  const paths = new Set<string>();
  for (const reference of references) {
    if (reference.root !== 'context' || reference.path.length === 0) continue;
    if (!guarded(reference)) paths.add(reference.path.join('.'));
  }
  return [...paths];
}

const NO_PATHS: readonly string[] = [];
const MAX_TEXTS = 4096;
const templateReads = new Map<string, readonly string[]>();
const expressionReads = new Map<string, readonly string[]>();

/** `read(text)`, cached by text (the same templates recur across steps and edits). */
function cachedReads(
  cache: Map<string, readonly string[]>,
  text: string,
  read: (text: string) => readonly string[],
): readonly string[] {
  let paths = cache.get(text);
  if (!paths) {
    if (cache.size >= MAX_TEXTS) cache.clear();
    paths = read(text);
    cache.set(text, paths);
  }
  return paths;
}

function readTemplate(text: string): readonly string[] {
  const analysis = analyzeTemplate(text);
  return contextPathsOf(analysis.references, (reference) => guardedInTemplate(text, reference));
}

function readExpression(text: string): readonly string[] {
  const analysis = analyzeExpression(text);
  return contextPathsOf(analysis.references, (reference) =>
    text.slice(reference.start, reference.end).includes('.get('),
  );
}

/** Dotted context paths (`user.name`) a template reads without a fallback. */
export function templateContextReads(text: string): readonly string[] {
  if (!text.includes('{{')) return NO_PATHS;
  return cachedReads(templateReads, text, readTemplate);
}

/** Dotted context paths a safe expression reads, except through `.get(…)`. */
export function expressionContextReads(text: string): readonly string[] {
  if (!text.includes('context')) return NO_PATHS;
  return cachedReads(expressionReads, text, readExpression);
}
