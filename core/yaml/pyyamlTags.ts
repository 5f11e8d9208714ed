import type { ScalarTag, Tags } from 'yaml';

const BOOL_TAG = 'tag:yaml.org,2002:bool';
const FLOAT_TAG = 'tag:yaml.org,2002:float';
const INT_TAG = 'tag:yaml.org,2002:int';

/** PyYAML's implicit resolvers (resolver.py), where they differ from the `yaml` library's YAML 1.1. */
const PYYAML_TESTS = {
  true: /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  false: /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  floatExp: /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)[eE][-+][0-9]+$/,
  float: /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)$/,
  int: /^[-+]?(?:0|[1-9][0-9_]*)$/,
} as const;

function isScalarTag(tag: Tags[number]): tag is ScalarTag {
  return typeof tag !== 'string' && !('collection' in tag && tag.collection !== undefined);
}

function pyyamlTest(tag: ScalarTag): RegExp | undefined {
  if (tag.test === undefined) return undefined;
  const { format } = tag;
  if (tag.tag === BOOL_TAG) return tag.identify?.(true) ? PYYAML_TESTS.true : PYYAML_TESTS.false;
  if (tag.tag === FLOAT_TAG && format === 'EXP') return PYYAML_TESTS.floatExp;
  if (tag.tag === FLOAT_TAG && format === undefined && tag.test.test('1.5'))
    return PYYAML_TESTS.float;
  if (tag.tag === INT_TAG && format === undefined) return PYYAML_TESTS.int;
  return undefined;
}

/**
 * Adjusts the `yaml` library's YAML 1.1 scalar tags to resolve plain scalars exactly like PyYAML's
 * `safe_load` (which Flujo uses): `y`/`n` stay strings, `1e3` stays a string, `09` stays a string.
 */
export function pyyamlCustomTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (!isScalarTag(tag)) return tag;
    const test = pyyamlTest(tag);
    return test === undefined ? tag : { ...tag, test };
  });
}
