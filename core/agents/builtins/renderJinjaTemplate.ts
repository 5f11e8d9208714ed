import { isNone } from '../../expr';
import type { BuiltinSkill } from './builtinSkill';
import { asList, isPlainDict, type PlainDict } from './plainDict';
import { pythonStringify } from './pythonRepr';

const PLACEHOLDER_PATH = /^[A-Za-z_]\w*(?:\.(?:[A-Za-z_]\w*|\d+))*$/;

/** Jinja's `Undefined`: prints as nothing, but any attribute of it is an error. */
const UNDEFINED = Symbol('undefined');

class UnsupportedTemplate extends Error {}

/**
 * Renders the safe Jinja subset the studio supports: `{{ name }}` and `{{ a.b.0 }}` placeholders
 * looked up in `variables` (dict keys, list indexes), printed like Python's `str()`; an undefined
 * name prints as nothing, like Jinja's default `Undefined`. Anything else (`{% %}`, `{# #}`,
 * filters, expressions, whitespace control, an attribute of an undefined name) is an error, and
 * on error the template is returned unchanged, as Flujo does. Like Jinja, line endings become
 * `\n` and one trailing newline is dropped.
 */
export function renderJinjaTemplate(template: string, variables: PlainDict): string {
  try {
    return renderSubset(template, variables);
  } catch (error) {
    if (error instanceof UnsupportedTemplate) return template;
    throw error;
  }
}

function renderSubset(template: string, variables: PlainDict): string {
  if (template.includes('{%') || template.includes('{#')) throw new UnsupportedTemplate();
  let out = '';
  let at = 0;
  for (;;) {
    const open = template.indexOf('{{', at);
    if (open < 0) break;
    const close = template.indexOf('}}', open + 2);
    if (close < 0) throw new UnsupportedTemplate();
    out += template.slice(at, open) + renderPlaceholder(template.slice(open + 2, close), variables);
    at = close + 2;
  }
  out += template.slice(at);
  out = out.replace(/\r\n?/g, '\n');
  return out.endsWith('\n') ? out.slice(0, -1) : out;
}

function renderPlaceholder(source: string, variables: PlainDict): string {
  const path = source.trim();
  if (!PLACEHOLDER_PATH.test(path)) throw new UnsupportedTemplate();
  let value: unknown = variables;
  for (const segment of path.split('.')) {
    if (value === UNDEFINED) throw new UnsupportedTemplate();
    value = lookup(value, segment);
  }
  return value === UNDEFINED ? '' : pythonStringify(value);
}

function lookup(value: unknown, segment: string): unknown {
  if (isPlainDict(value)) return Object.hasOwn(value, segment) ? value[segment] : UNDEFINED;
  const list = asList(value);
  if (list !== undefined && /^\d+$/.test(segment)) {
    const index = Number(segment);
    return index < list.length ? list[index] : UNDEFINED;
  }
  return UNDEFINED;
}

/**
 * `flujo.builtins.render_jinja_template`: `template` rendered with `variables` using the safe
 * subset of `renderJinjaTemplate`; returns the template unchanged on any error.
 */
export const renderJinjaTemplateSkill: BuiltinSkill = {
  id: 'flujo.builtins.render_jinja_template',
  parameters: ['template', 'variables'],
  required: ['template'],
  run: ({ args }) => {
    const { template, variables } = args;
    if (typeof template !== 'string') return template;
    if (isNone(variables)) return renderJinjaTemplate(template, {});
    return isPlainDict(variables) ? renderJinjaTemplate(template, variables) : template;
  },
};
