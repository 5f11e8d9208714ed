import type { Diagnostic, Severity } from '../../model';
import type { RuleCatalogEntry } from '../../validate/ruleCatalog';
import type { ValidationReport } from './validationReport';

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

function artifactUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(slashed)) return encodeURI(`file:///${slashed}`);
  return encodeURI(slashed.startsWith('/') ? `file://${slashed}` : slashed);
}

function sarifRule(entry: RuleCatalogEntry) {
  return {
    id: entry.id,
    name: entry.id,
    shortDescription: { text: entry.description },
    fullDescription: {
      text: `${entry.description} Default severity: ${entry.severity}; profiles: ${entry.profiles.join(', ')}.`,
    },
    defaultConfiguration: { level: LEVELS[entry.severity] },
  };
}

function sarifResult(finding: Diagnostic, report: ValidationReport, ruleIndex: number) {
  const range = finding.range;
  const region = range
    ? {
        startLine: range.start.line,
        startColumn: range.start.column,
        endLine: range.end.line,
        endColumn: range.end.column,
      }
    : undefined;
  const step = finding.stepName !== undefined ? `${finding.stepName}: ` : '';
  return {
    ruleId: finding.code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVELS[finding.severity],
    message: { text: `${step}${finding.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(finding.file ?? report.file) },
          ...(region ? { region } : {}),
        },
      },
    ],
    properties: {
      ...(finding.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
      ...(finding.path !== undefined ? { location_path: finding.path } : {}),
    },
  };
}

/**
 * The SARIF 2.1.0 report for code-scanning tools: driver `flujo-studio` with every catalogued rule
 * (id, name, short and full description, default level), and one result per finding with its
 * rule, level, `"<step>: <message>"` text and physical location.
 */
export function formatSarif(report: ValidationReport): string {
  const entries = [...report.catalog.values()];
  const indexOf = new Map(entries.map((entry, index) => [entry.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'flujo-studio',
            rules: entries.map(sarifRule),
          },
        },
        results: report.findings.map((finding) =>
          sarifResult(finding, report, indexOf.get(finding.code) ?? -1),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
