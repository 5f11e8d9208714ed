import type { ToStringOptions } from 'yaml';

import type { YamlStyle } from './detectYamlStyle';

/** `yaml` stringify options that reproduce the file's own conventions. */
export function toStringOptions(style: YamlStyle): ToStringOptions {
  return {
    indent: style.indent,
    indentSeq: style.indentSeq,
    singleQuote: style.singleQuote,
    flowCollectionPadding: style.flowCollectionPadding,
    lineWidth: 0,
    minContentWidth: 0,
  };
}
