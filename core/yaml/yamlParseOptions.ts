import { pyyamlCustomTags } from './pyyamlTags';

/** Parse options shared by the loader and the printer (YAML 1.1 resolved like PyYAML). */
export const YAML_PARSE_OPTIONS = {
  version: '1.1',
  customTags: pyyamlCustomTags,
  uniqueKeys: false,
  keepSourceTokens: false,
} as const;
