import type { ScalarTag } from 'yaml';
import { Document, isScalar, Scalar } from 'yaml';

import { YAML_PARSE_OPTIONS } from './yamlParseOptions';

/** The `yaml` library's style of a scalar, as `Scalar.type`. */
export type ScalarStyle =
  'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

interface Resolver {
  readonly plainTags: readonly ScalarTag[];
  readonly options: Document['options'];
}

let resolver: Resolver | undefined;

function getResolver(): Resolver {
  if (resolver === undefined) {
    const { schema, options } = new Document(null, YAML_PARSE_OPTIONS);
    if (schema.compat !== null) throw new Error('unexpected compat schema');
    const plainTags = schema.tags.filter(
      (tag): tag is ScalarTag => !('collection' in tag && tag.collection) && tag.default === true,
    );
    resolver = { plainTags, options };
  }
  return resolver;
}

/**
 * A `Scalar` resolved exactly as the `yaml` library's composer does with the loader's options
 * (plain scalars through the schema's implicit tags); undefined when resolving reports a problem.
 */
export function resolveScalar(source: string, style: ScalarStyle): Scalar | undefined {
  if (style !== 'PLAIN') {
    const scalar = new Scalar<unknown>(source);
    scalar.source = source;
    scalar.type = style;
    return scalar;
  }
  const { plainTags, options } = getResolver();
  const tag = plainTags.find((candidate) => candidate.test?.test(source) === true);
  if (tag === undefined) {
    const scalar = new Scalar<unknown>(source);
    scalar.source = source;
    scalar.type = style;
    return scalar;
  }
  const problems: string[] = [];
  const resolved: unknown = tag.resolve(source, (message) => problems.push(message), options);
  if (problems.length > 0) return undefined;
  const scalar = isScalar(resolved) ? resolved : new Scalar<unknown>(resolved);
  scalar.source = source;
  scalar.type = style;
  if (tag.format) scalar.format = tag.format;
  return scalar;
}
