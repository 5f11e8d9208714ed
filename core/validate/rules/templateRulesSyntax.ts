/**
 * Templates and expressions that do not compile (core/expr errors) as diagnostics: bad syntax,
 * Jinja tags (TEMPLATE-001), unknown filters (V-T3, with typo fixes) and expressions wrapped in
 * `{{ }}` (EXPR-WRAPPED, with a fix).
 */
import type { ExprError } from '../../expr';
import { FILTERS } from '../../expr';
import type { StepNode, StepVisit } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { BOTH_PROFILES } from '../ruleDefinition';
import { memoByStep } from '../stepMemo';
import { memoBySubtree } from '../subtreeMemo';
import { spliceText, textFix } from './templateRulesFixes';
import type { PipelineText, StepText } from './templateRulesSources';
import { pipelineTexts, rangeWithin, stepTexts } from './templateRulesSources';
import { closestName } from './unknownKeysSimilarity';

const FILTER_NAMES = Object.keys(FILTERS);
const FILTER_LIST = Object.values(FILTERS)
  .map((filter) => `\`${filter.usage}\``)
  .join(', ');

/** Filter names people write from other template languages, and the filter meant. */
const FILTER_ALIASES: Readonly<Record<string, string>> = {
  to_json: 'tojson',
  json: 'tojson',
  tojson_pretty: 'tojson',
  dump: 'tojson',
  lowercase: 'lower',
  lower_case: 'lower',
  to_lower: 'lower',
  tolower: 'lower',
  downcase: 'lower',
  uppercase: 'upper',
  upper_case: 'upper',
  to_upper: 'upper',
  toupper: 'upper',
  upcase: 'upper',
  len: 'length',
  count: 'length',
  size: 'length',
  joined: 'join',
  defaults: 'default',
  default_value: 'default',
};

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The unknown filter name an error is about, when it is one. */
export function unknownFilterName(text: string, error: ExprError): string | undefined {
  if (error.code !== 'TEMPLATE-FILTER') return undefined;
  const name = text.slice(error.start, error.end);
  return IDENTIFIER.test(name) && !Object.hasOwn(FILTERS, name) ? name : undefined;
}

/** The filter a misspelt name most likely means. */
export function intendedFilter(name: string): string | undefined {
  const alias = Object.hasOwn(FILTER_ALIASES, name.toLowerCase())
    ? FILTER_ALIASES[name.toLowerCase()]
    : undefined;
  return alias ?? closestName(name, FILTER_NAMES);
}

type Where =
  { readonly visit: StepVisit; readonly text: StepText } | { readonly text: PipelineText };

function whereLabel(where: Where): string {
  return 'visit' in where
    ? `Step "${where.visit.step.name}", \`${where.text.field}\``
    : `\`${where.text.label}\``;
}

/** Calls `check` for every template and expression of the pipeline and of each step. */
/** A step's texts that have errors (every check here reports errors only), cached by step node. */
const NO_TEXTS: readonly StepText[] = [];

const textsWithErrors = memoByStep((step: StepNode): readonly StepText[] => {
  const texts = stepTexts(step);
  return texts.some((text) => text.analysis.errors.length > 0)
    ? texts.filter((text) => text.analysis.errors.length > 0)
    : NO_TEXTS;
});

const NO_WHERES: readonly Where[] = [];

/** The texts with errors of a top-level subtree's steps (the five rules here share the list). */
const subtreeTextsWithErrors = memoBySubtree((subtree): readonly Where[] => {
  const found: Where[] = [];
  for (const visit of subtree.visits) {
    for (const text of textsWithErrors(visit.step)) found.push({ visit, text });
  }
  return found.length === 0 ? NO_WHERES : found;
});

function forEachText(context: RuleContext, check: (where: Where) => void): void {
  for (const text of pipelineTexts(context.pipeline)) check({ text });
  for (const subtree of context.subtrees) {
    for (const where of subtreeTextsWithErrors(subtree)) check(where);
  }
}

function reportError(
  context: RuleContext,
  where: Where,
  error: ExprError,
  message: string,
  extra: {
    suggestion?: string;
    fix?: ReturnType<typeof textFix>;
    severity?: 'error' | 'warning';
  } = {},
): void {
  const { text } = where;
  context.report({
    message,
    ...(extra.severity ? { severity: extra.severity } : {}),
    ...('visit' in where ? { step: where.visit } : {}),
    range: rangeWithin(text.range, text.text, error.start, error.end),
    ...(extra.suggestion !== undefined ? { suggestion: extra.suggestion } : {}),
    ...(extra.fix ? { fixes: [extra.fix] } : {}),
  });
}

function checkSyntax(context: RuleContext, where: Where): void {
  const { text } = where;
  if (text.language !== 'template') return;
  for (const error of text.analysis.errors) {
    if (error.code === 'TEMPLATE-JINJA' || unknownFilterName(text.text, error)) continue;
    reportError(context, where, error, `${whereLabel(where)}: ${error.message}`);
  }
}

function checkJinja(context: RuleContext, where: Where): void {
  const { text } = where;
  if (text.language !== 'template') return;
  for (const error of text.analysis.errors) {
    if (error.code !== 'TEMPLATE-JINJA') continue;
    const message = `${whereLabel(where)} uses Jinja tags, which Flujo templates do not have: ${error.message}`;
    reportError(context, where, error, message, {
      suggestion: 'Use `{{#if path}}…{{/if}}` or `{{#each path}}…{{/each}}` blocks instead.',
    });
  }
}

function checkFilters(context: RuleContext, where: Where, severity: 'error' | 'warning'): void {
  const { text } = where;
  if (text.language !== 'template') return;
  for (const error of text.analysis.errors) {
    const name = unknownFilterName(text.text, error);
    if (name === undefined) continue;
    const meant = intendedFilter(name);
    const hint = meant ? ` Did you mean \`${meant}\`?` : '';
    const message = `${whereLabel(where)} uses the unknown filter \`${name}\`, so the template cannot render.${hint} Available filters: ${FILTER_LIST}.`;
    const fix =
      meant && 'visit' in where
        ? textFix(where.visit, where.text, `Replace \`${name}\` with \`${meant}\``, (value) =>
            spliceText(value, error.start, error.end, meant),
          )
        : undefined;
    reportError(context, where, error, message, {
      ...(meant ? { suggestion: `Write \`| ${meant}\`.` } : {}),
      ...(fix ? { fix } : {}),
      severity,
    });
  }
}

function checkExpression(context: RuleContext, where: Where): void {
  const { text } = where;
  if (text.language !== 'expression') return;
  for (const error of text.analysis.errors) {
    if (error.code === 'EXPR-WRAPPED') continue;
    reportError(context, where, error, `${whereLabel(where)}: ${error.message}`);
  }
}

const WRAPPED = /\{\{\s*([\s\S]*?)\s*\}\}/g;

/** `text` with every `{{ x }}` replaced by `x`. */
export function unwrapExpression(text: string): string {
  return text.replace(WRAPPED, '$1');
}

function checkWrapped(context: RuleContext, where: Where): void {
  const { text } = where;
  if (text.language !== 'expression') return;
  const error = text.analysis.errors.find((e) => e.code === 'EXPR-WRAPPED');
  if (!error) return;
  const bare = unwrapExpression(text.text).trim();
  const message = `${whereLabel(where)} wraps the expression in \`{{ }}\`: expressions are written bare, and Flujo would read \`{{ … }}\` as a Python set and fail at run time. Write \`${bare}\`.`;
  const fix =
    'visit' in where
      ? textFix(where.visit, where.text, 'Remove the `{{ }}` around the expression', (value) =>
          unwrapExpression(value).trim(),
        )
      : undefined;
  reportError(context, where, error, message, {
    suggestion: `Write \`${bare}\`.`,
    ...(fix ? { fix } : {}),
  });
}

/** Template and expression syntax rules. */
export const templateSyntaxRules: readonly RuleDefinition[] = [
  {
    id: 'TEMPLATE-SYNTAX',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description: 'A template that does not parse (unclosed `{{`, bad block, filter misuse).',
    check: (context) => {
      forEachText(context, (where) => {
        checkSyntax(context, where);
      });
    },
  },
  {
    id: 'TEMPLATE-001',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description: 'A template uses Jinja `{% … %}` tags, which Flujo templates do not support.',
    check: (context) => {
      forEachText(context, (where) => {
        checkJinja(context, where);
      });
    },
  },
  {
    id: 'V-T3',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description: 'A template uses a filter that does not exist (fix for common misspellings).',
    check: (context) => {
      // The studio cannot render the template; `flujo validate` only warns (PORT-TEMPLATE-SKIPPED
      // says what Flujo then does at run time).
      const severity = context.profile === 'flujo' ? 'warning' : 'error';
      forEachText(context, (where) => {
        checkFilters(context, where, severity);
      });
    },
  },
  {
    id: 'EXPR-SYNTAX',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description: 'A safe expression that does not parse or uses an unknown name.',
    check: (context) => {
      forEachText(context, (where) => {
        checkExpression(context, where);
      });
    },
  },
  {
    id: 'EXPR-WRAPPED',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description: 'An expression wrapped in `{{ }}` (expressions are written bare).',
    check: (context) => {
      forEachText(context, (where) => {
        checkWrapped(context, where);
      });
    },
  },
];
