export type { ParsePipelineResult } from './parsePipelineYaml';
export { parsePipelineYaml } from './parsePipelineYaml';
export type { PipelineDocument, SynthesizedFields } from './pipelineDocument';
export { printPipelineYaml, YamlPrintError } from './printPipelineYaml';
export type { YamlStyle } from './detectYamlStyle';
export type { JsonNode, JsonSchema } from './jsonSchemaParts';
export { pipelineJsonSchema } from './pipelineJsonSchema';
export { KNOWN_STEP_KINDS } from './readStep';
