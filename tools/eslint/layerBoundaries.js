import { builtinModules } from 'node:module';
import path from 'node:path';
import { allowed, layers, restrictedPackages } from './layerRules.js';

const builtins = new Set(builtinModules);

function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]);
}

function layerOf(relativePath) {
  return layers.find((layer) => layer.pattern.test(relativePath))?.name;
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

// Tests and fixtures run under Node and may read files; the boundary is about shipped code.
function isTestFile(relativePath) {
  return /\.(test|spec|bench)\.tsx?$/.test(relativePath) || relativePath.includes('/__fixtures__/');
}

/** ESLint rule: an import that crosses a layer boundary of ARCHITECTURE.md is an error. */
export const layerBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer boundaries of ARCHITECTURE.md' },
    schema: [
      { type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false },
    ],
    messages: {
      layer:
        'Bad layering: {{from}} may not import {{target}} ({{specifier}}). {{from}} may import only: {{allowedList}}. See ARCHITECTURE.md.',
      builtin:
        'Bad layering: {{from}} may not import the Node builtin "{{specifier}}"; only core/node, electron/host, electron/main and electron/web may. Move this code to core/node or take the capability through a port interface.',
      typesOnly:
        'Bad layering: shared/ may import only types from core ({{specifier}}); write `import type`.',
      package:
        'Bad layering: "{{specifier}}" may be imported only by {{allowedList}}, not by {{from}}.',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const from = layerOf(file);
    if (!from || isTestFile(file)) return {};
    const rules = allowed[from];

    function check(node, specifier, typeOnly) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const resolved = path.resolve(path.dirname(context.filename), specifier);
        // The trailing slash lets a folder import (`../model`) match its layer like a file does.
        const targetLayer = layerOf(path.relative(root, resolved).split(path.sep).join('/') + '/');
        if (!targetLayer) return;
        if (!rules.imports.includes(targetLayer)) {
          context.report({
            node,
            messageId: 'layer',
            data: { from, target: targetLayer, specifier, allowedList: rules.imports.join(', ') },
          });
        } else if (rules.coreTypesOnly && targetLayer === 'core' && !typeOnly) {
          context.report({ node, messageId: 'typesOnly', data: { specifier } });
        }
        return;
      }
      if (isNodeBuiltin(specifier)) {
        if (!rules.nodeBuiltins)
          context.report({ node, messageId: 'builtin', data: { from, specifier } });
        return;
      }
      const owners = restrictedPackages[packageName(specifier)];
      if (owners && !owners.includes(from)) {
        context.report({
          node,
          messageId: 'package',
          data: { from, specifier, allowedList: owners.join(', ') },
        });
      }
    }

    return {
      ImportDeclaration(node) {
        check(node.source, node.source.value, node.importKind === 'type');
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node.source, node.source.value, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node.source, node.source.value, node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value, false);
      },
      TSImportType(node) {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === 'Literal') check(literal, literal.value, true);
      },
    };
  },
};

/** The local ESLint plugin holding the project's own rules. */
export const localPlugin = { rules: { 'layer-boundaries': layerBoundaries } };
