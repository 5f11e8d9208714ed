import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { JsonNode } from './jsonSchemaParts';
import { pipelineJsonSchema } from './pipelineJsonSchema';
import { KNOWN_STEP_KINDS } from './readStep';

const schemaFile = new URL('../../docs/pipeline.schema.json', import.meta.url);

function refsIn(node: JsonNode, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item: JsonNode) => refsIn(item, out));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else refsIn(value, out);
    }
  }
  return out;
}

describe('pipelineJsonSchema', () => {
  it('is what docs/pipeline.schema.json holds', () => {
    const expected = `${JSON.stringify(pipelineJsonSchema, null, 2)}\n`;
    expect(
      readFileSync(schemaFile, 'utf8'),
      "docs/pipeline.schema.json is stale. Regenerate it with: npx tsx -e \"import { pipelineJsonSchema } from './core/yaml/pipelineJsonSchema'; import fs from 'node:fs'; fs.writeFileSync('docs/pipeline.schema.json', JSON.stringify(pipelineJsonSchema, null, 2) + '\\n');\"",
    ).toBe(expected);
  });

  it('only refers to definitions it has', () => {
    const definitions = pipelineJsonSchema.definitions as Record<string, JsonNode>;
    for (const ref of refsIn(pipelineJsonSchema)) {
      expect(ref).toMatch(/^#\/definitions\//);
      expect(definitions[ref.replace('#/definitions/', '')], ref).toBeDefined();
    }
  });

  it('offers every step kind the loader knows', () => {
    const definitions = pipelineJsonSchema.definitions as Record<
      string,
      { properties: { kind: { enum: JsonNode } } }
    >;
    expect(definitions.step?.properties.kind.enum).toEqual([...KNOWN_STEP_KINDS]);
  });

  it('is a draft-07 schema that keeps unknown keys', () => {
    expect(pipelineJsonSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(pipelineJsonSchema.additionalProperties).toBe(true);
    expect(pipelineJsonSchema.required).toEqual(['steps']);
  });
});
