import { BoundedCache } from './boundedCache';
import { assertNever } from '../model/assertNever';
import type { Analysis, FilterUse, Reference } from './analysis';
import { describeException, exprError } from './exprError';
import type { ExprError } from './exprError';
import type { TemplateNode, TemplatePath } from './templateAst';
import { parseTemplate } from './templateParser';

// Lists the variables and filters a template uses, its errors, and `this` used outside `{{#each}}`.
function analyzeTemplateText(text: string): Analysis {
  const references: Reference[] = [];
  const filters: FilterUse[] = [];
  const warnings: ExprError[] = [];
  try {
    const { nodes, errors } = parseTemplate(text);
    const addPath = (path: TemplatePath, insideEach: boolean): void => {
      references.push({ root: path.root, path: path.segments, start: path.start, end: path.end });
      if (path.root === 'this' && !insideEach) {
        const message =
          '`this` is bound only inside `{{#each}}…{{/each}}`; here it is always empty (in a map body use `previous_step`).';
        warnings.push(exprError('TEMPLATE-THIS', message, path.start, path.end));
      }
    };
    const walk = (list: readonly TemplateNode[], insideEach: boolean): void => {
      for (const node of list) {
        switch (node.kind) {
          case 'text':
            break;
          case 'output':
            for (const alternative of node.placeholder.alternatives) {
              if (alternative.kind === 'path') addPath(alternative, insideEach);
            }
            for (const filter of node.placeholder.filters) {
              filters.push({ name: filter.name, start: filter.start, end: filter.end });
            }
            break;
          case 'if':
            addPath(node.path, insideEach);
            walk(node.body, insideEach);
            break;
          case 'each':
            addPath(node.path, insideEach);
            walk(node.body, true);
            break;
          default:
            assertNever(node);
        }
      }
    };
    walk(nodes, false);
    return { references, filters, errors, warnings };
  } catch (error) {
    const message = `The template could not be analyzed: ${describeException(error)}.`;
    return {
      references,
      filters,
      errors: [exprError('TEMPLATE-SYNTAX', message, 0, text.length)],
      warnings,
    };
  }
}

const templateAnalyses = new BoundedCache<Analysis>(4096);

/**
 * Lists the variables and filters a template uses, its errors, and `this` used outside `{{#each}}`,
 * without rendering it. Cached by text: the validator asks for the same templates once per rule
 * family and again after every edit.
 */
export function analyzeTemplate(text: string): Analysis {
  const cached = templateAnalyses.get(text);
  if (cached) return cached;
  const analysis = analyzeTemplateText(text);
  templateAnalyses.set(text, analysis);
  return analysis;
}
