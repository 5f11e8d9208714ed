import type { YAMLMap } from 'yaml';

import { loadFrames } from './fastLoadEvents';
import { FastLoadDecline } from './fastLoadDecline';
import { TreeBuilder } from './fastLoadTree';

/** Tabs, carriage returns, BOMs, YAML 1.1 line breaks (NEL, LS, PS) and control characters. */
function hasUnsupportedChars(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 32 ? c !== 10 : (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
    if (c === 0xfeff) return true;
  }
  return false;
}

// Directives and document markers.
const DOCUMENT_MARKERS = /^(?:%|---|\.\.\.)/m;

/**
 * Loads a pipeline file's root mapping with js-yaml, building the `yaml` library nodes (values,
 * styles and `range`s) that `parseDocument` would give; undefined when the text uses anything the
 * fast path cannot reproduce exactly (the caller then uses the `yaml` library).
 */
export function fastLoad(text: string): YAMLMap | undefined {
  if (text.length === 0 || hasUnsupportedChars(text) || DOCUMENT_MARKERS.test(text)) {
    return undefined;
  }
  const frame = loadFrames(text);
  if (frame === undefined) return undefined;
  try {
    return new TreeBuilder(text).root(frame);
  } catch (error) {
    if (error instanceof FastLoadDecline) return undefined;
    throw error;
  }
}
