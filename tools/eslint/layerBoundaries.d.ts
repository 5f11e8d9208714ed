import type { ESLint, Rule } from 'eslint';

/** ESLint rule: an import that crosses a layer boundary of ARCHITECTURE.md is an error. */
export declare const layerBoundaries: Rule.RuleModule;

/** The local ESLint plugin holding the project's own rules. */
export declare const localPlugin: ESLint.Plugin;
