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

/** Dotted context paths (`user.name`) a template reads without a fallback. */
export function templateContextReads(text: string): readonly string[] {
  if (!text.includes('{{')) return [];
  const analysis = analyzeTemplate(text);
  return contextPathsOf(analysis.references, (reference) => guardedInTemplate(text, reference));
}

/** Dotted context paths a safe expression reads, except through `.get(…)`. */
export function expressionContextReads(text: string): readonly string[] {
  if (!text.includes('context')) return [];
  const analysis = analyzeExpression(text);
  return contextPathsOf(analysis.references, (reference) =>
    text.slice(reference.start, reference.end).includes('.get('),
  );
}
