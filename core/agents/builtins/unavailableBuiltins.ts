/** The built-in the engine runs as a human-input pause (HITL) instead of a skill call. */
export const HUMAN_INPUT_BUILTIN = 'flujo.builtins.ask_user';

const MOCK_OR_SKILL = 'mock the step in the studio or write a JS skill under skills/';

/**
 * Non-deterministic or side-effecting built-ins of FLUJO-SPEC §6 that the studio does not run,
 * each with why and what to do instead.
 */
export const UNAVAILABLE_BUILTINS: ReadonlyMap<string, string> = new Map([
  [
    'flujo.builtins.web_search',
    `web_search queries DuckDuckGo from Python, which cannot run locally; ${MOCK_OR_SKILL}.`,
  ],
  [
    'flujo.builtins.http_get',
    `http_get makes network requests outside the studio's control; ${MOCK_OR_SKILL}.`,
  ],
  [
    'flujo.builtins.extract_from_text',
    `extract_from_text calls Flujo's own LLM wrapper; use a declared agent (agents:) with an output_schema, or ${MOCK_OR_SKILL}.`,
  ],
  [
    'flujo.builtins.fs_write_file',
    `fs_write_file writes files on disk, a side effect a studio run does not perform; ${MOCK_OR_SKILL}.`,
  ],
  [
    'flujo.builtins.write_pipeline_yaml',
    `write_pipeline_yaml writes a pipeline file to disk, a side effect a studio run does not perform; ${MOCK_OR_SKILL}.`,
  ],
  [
    'flujo.builtins.code_interpreter',
    `code_interpreter executes code in Flujo's sandbox, which does not exist here; ${MOCK_OR_SKILL}.`,
  ],
  [
    'flujo.builtins.discover_skills',
    `discover_skills reads Flujo's Python skill registry and entry points; ${MOCK_OR_SKILL}.`,
  ],
  [
    'flujo.builtins.analyze_project',
    `analyze_project scans the file system from Python; ${MOCK_OR_SKILL}.`,
  ],
  [
    'flujo.builtins.validate_yaml',
    `validate_yaml returns Flujo's own Python validation report; ${MOCK_OR_SKILL}.`,
  ],
  [
    'flujo.builtins.run_pipeline_in_memory',
    `run_pipeline_in_memory runs a nested pipeline inside Flujo's Python runtime; ${MOCK_OR_SKILL}.`,
  ],
  [
    'flujo.builtins.get_framework_schema',
    `get_framework_schema introspects Flujo's Python step classes; ${MOCK_OR_SKILL}.`,
  ],
  [
    'flujo.builtins.repair_yaml_ruamel',
    `repair_yaml_ruamel depends on the Python ruamel.yaml round trip; ${MOCK_OR_SKILL}.`,
  ],
]);
