// Prints the closing "N passed, N failed" line from the JSON reports that `npm test` writes to
// test-results/ (Vitest and, when present, Playwright). A failed step before any test ran (lint,
// typecheck) counts as one failure so the line never claims a clean run.
import { existsSync, readFileSync } from 'node:fs';

const testStatus = Number(process.argv[2] ?? '0');
let passed = 0;
let failed = 0;

const vitestReport = 'test-results/vitest.json';
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
}

const playwrightReport = 'test-results/playwright.json';
if (existsSync(playwrightReport)) {
  const stats = JSON.parse(readFileSync(playwrightReport, 'utf8')).stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
}

if (testStatus !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(passed === 0 && failed === 0 ? 1 : 0);
