/**
 * Flujo Studio's core as one import: the model, YAML reading/writing, templates and expressions, the
 * validator and the execution engine (issue 4's public API: `executePipeline`, `runEvents`,
 * `resumePipeline`). Everything here is pure TypeScript; Node-only parts live in `core/node`.
 */
export * from './model';
export * from './yaml';
export * from './expr';
export * from './validate';
export * from './engine';
export * from './engine/debug';
