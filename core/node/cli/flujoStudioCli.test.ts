import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const launcher = 'core/node/cli/flujo-studio.mjs';
const fixture = (name: string) => `core/node/cli/__fixtures__/${name}`;

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node core/node/cli/flujo-studio.mjs …` from the repo root, as a user would. */
function cli(...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [launcher, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectNoStackTrace(run: CliRun): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stdout).not.toMatch(/^\s+at /m);
}

interface JsonFinding {
  rule_id: string;
  severity: string;
  message: string;
  step_name: string | null;
  suggestion: string | null;
  location_path: string | null;
  file: string | null;
  line: number | null;
  column: number | null;
}

interface JsonReport {
  is_valid: boolean;
  errors: JsonFinding[];
  warnings: JsonFinding[];
  infos: JsonFinding[];
  counts: Record<string, Record<string, number>>;
}

describe('flujo-studio validate', { timeout: 120_000 }, () => {
  it('text: one line per finding, a summary, exit 4 on errors', () => {
    const run = cli('validate', fixture('errors.yaml'));
    expect(run.code).toBe(4);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      `${fixture('errors.yaml')}:14:17 error HITL-NESTED-001 approve: Human-input step "approve" sits in conditional "route" inside a loop or map body: a run cannot pause and resume there, so it is refused. Move the hitl step directly into the loop body (before or after conditional "route"), or out of the loop.`,
    );
    expect(lines.at(-1)).toMatch(
      /^core\/node\/cli\/__fixtures__\/errors\.yaml: not valid \(1 error, \d+ warnings?, \d+ infos?; profile studio\)$/,
    );
  });

  it('json: Flujo’s payload shape with every finding field', () => {
    const run = cli('validate', fixture('errors.yaml'), '--format', 'json');
    expect(run.code).toBe(4);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.is_valid).toBe(false);
    expect(report.errors).toEqual([
      {
        rule_id: 'HITL-NESTED-001',
        severity: 'error',
        message: expect.stringContaining('Human-input step "approve"') as string,
        step_name: 'approve',
        suggestion: 'Move "approve" out of conditional "route".',
        location_path: 'steps[0].loop.body[0].branches.ask[0]',
        file: fixture('errors.yaml'),
        line: 14,
        column: 17,
      },
    ]);
    expect(report.counts.error).toEqual({ 'HITL-NESTED-001': 1 });
    expect(Array.isArray(report.warnings) && Array.isArray(report.infos)).toBe(true);
  });

  it('sarif: SARIF 2.1.0 with catalogued rules and located results', () => {
    const run = cli('validate', fixture('errors.yaml'), '--format', 'sarif');
    expect(run.code).toBe(4);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        tool: {
          driver: { name: string; rules: { id: string; shortDescription: { text: string } }[] };
        };
        results: Record<string, unknown>[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [sarifRun] = sarif.runs;
    expect(sarifRun?.tool.driver.name).toBe('flujo-studio');
    const rule = sarifRun?.tool.driver.rules.find((r) => r.id === 'HITL-NESTED-001');
    expect(rule).toMatchObject({
      name: 'HITL-NESTED-001',
      shortDescription: {
        text: 'Human-input step inside a branch that is inside a loop or map body.',
      },
      fullDescription: { text: expect.stringContaining('Default severity: error') as string },
    });
    const result = sarifRun?.results.find((r) => r.ruleId === 'HITL-NESTED-001');
    expect(result).toMatchObject({
      level: 'error',
      message: { text: expect.stringMatching(/^approve: Human-input step "approve"/) as string },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: fixture('errors.yaml') },
            region: { startLine: 14, startColumn: 17 },
          },
        },
      ],
      properties: { location_path: 'steps[0].loop.body[0].branches.ask[0]' },
    });
  });

  it('exits 0 on a valid file, and 4 on warnings only with --fail-on-warn', () => {
    expect(cli('validate', fixture('valid.yaml')).code).toBe(0);
    const warned = cli('validate', fixture('warnings.yaml'));
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('warning V-I2 run_child: ');
    expect(cli('validate', fixture('warnings.yaml'), '--fail-on-warn').code).toBe(4);
  });

  it('reports an import chain with a missing grandchild through the child', () => {
    const run = cli('validate', fixture('imports/main.yaml'), '--format', 'json');
    expect(run.code).toBe(4);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.warnings.find((f) => f.rule_id === 'V-I4')).toMatchObject({
      step_name: 'run_middle',
      file: fixture('imports/main.yaml'),
      line: 7,
    });
    expect(report.errors).toEqual([
      expect.objectContaining({
        rule_id: 'V-I1',
        step_name: 'run_gone',
        file: fixture('imports/middle.yaml'),
        line: 6,
        column: 11,
        message: expect.stringMatching(
          /^\[import:middle\] Import "gone" points to core\/node\/cli\/__fixtures__\/imports\/gone\.yaml, which cannot be used: no such file\./,
        ) as string,
      }),
    ]);
    const skipped = cli('validate', fixture('imports/main.yaml'), '--no-imports');
    expect(skipped.stdout).not.toContain('V-I');
  });

  it('exits 1 with a clear message for a missing file, never a stack trace', () => {
    const run = cli('validate', fixture('no-such.yaml'));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `flujo-studio: cannot read ${fixture('no-such.yaml')}: no such file. Check the path and that you may read it.\n`,
    );
    expectNoStackTrace(run);
  });

  it('exits 1 on YAML that does not parse, with the loader’s YAML-PARSE finding in the report', () => {
    const run = cli('validate', fixture('broken.yaml'), '--format', 'json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.errors.map((f) => [f.rule_id, f.line])).toEqual([['YAML-PARSE', 4]]);
    expect(run.stderr).toMatch(
      /^flujo-studio: cannot validate .*broken\.yaml: the YAML does not load \(line 4: /,
    );
    expectNoStackTrace(run);
  });

  it('applies a --rules file (JSON or TOML) and refuses an unusable one', () => {
    const demoted = cli('validate', fixture('errors.yaml'), '--rules', fixture('rules.json'));
    expect(demoted.code).toBe(0);
    expect(demoted.stdout).toContain(':14:17 warning HITL-NESTED-001 approve: ');
    const off = cli('validate', fixture('errors.yaml'), '--rules', fixture('rules.toml'));
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('HITL-NESTED-001');
    const bad = cli('validate', fixture('errors.yaml'), '--rules', fixture('bad-rules.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('rule "HITL-NESTED-001" is set to "loud"');
    expectNoStackTrace(bad);
  });

  it('rejects bad usage with exit 2 and explains itself with --explain', () => {
    const usage = cli('validate', fixture('valid.yaml'), '--profile', 'strict');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("argument 'strict' is invalid");
    const explained = cli('validate', fixture('errors.yaml'), '--explain', '--profile', 'flujo');
    expect(explained.stdout).toContain(
      '    HITL-NESTED-001: Human-input step inside a branch that is inside a loop or map body.',
    );
    expect(explained.stdout).toContain(
      '    suggestion: Move "approve" out of conditional "route".',
    );
    expect(explained.stdout).toMatch(/profile flujo\)\n$/);
  });
});
