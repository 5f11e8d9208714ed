/**
 * The dependency direction of ARCHITECTURE.md as data: which layers each layer may import, and
 * which bare packages only some layers may use. `layerBoundaries.js` enforces it.
 */

/** Layers, matched in order against a path relative to the repo root. */
export const layers = [
  { name: 'core-node', pattern: /^core\/node\// },
  { name: 'core', pattern: /^core\/(model|yaml|expr|validate|engine|agents|store)\// },
  { name: 'shared', pattern: /^shared\// },
  { name: 'electron-host', pattern: /^electron\/host\// },
  { name: 'electron-main', pattern: /^electron\/main\// },
  { name: 'electron-web', pattern: /^electron\/web\// },
  { name: 'electron-preload', pattern: /^electron\/preload\// },
  { name: 'renderer', pattern: /^renderer\// },
];

/**
 * For each layer: the layers it may import, whether Node builtins are allowed, and whether imports
 * from `core` must be type-only.
 */
export const allowed = {
  core: { imports: ['core'], nodeBuiltins: false },
  'core-node': { imports: ['core', 'core-node'], nodeBuiltins: true },
  shared: { imports: ['shared', 'core'], nodeBuiltins: false, coreTypesOnly: true },
  'electron-host': {
    imports: ['core', 'core-node', 'shared', 'electron-host'],
    nodeBuiltins: true,
  },
  'electron-main': { imports: ['electron-host', 'shared', 'electron-main'], nodeBuiltins: true },
  'electron-web': { imports: ['electron-host', 'shared', 'electron-web'], nodeBuiltins: true },
  'electron-preload': { imports: ['shared', 'electron-preload'], nodeBuiltins: false },
  renderer: { imports: ['shared', 'core', 'renderer'], nodeBuiltins: false },
};

/** Bare packages that only the listed layers may import (anything else may use any package). */
export const restrictedPackages = {
  electron: ['electron-main', 'electron-preload'],
  'better-sqlite3': ['core-node'],
};
