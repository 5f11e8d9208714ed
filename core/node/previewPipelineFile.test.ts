import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { previewPipelineFile } from './previewPipelineFile';

const sample = fileURLToPath(new URL('../../docs/samples/support-triage.yaml', import.meta.url));

function captureConsole(): { output: () => string } {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => lines.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => lines.push(args.join(' ')));
  return { output: () => lines.join('\n') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('previewPipelineFile (what npm start prints)', () => {
  it('prints the sample as a tree of steps with kinds and paths, and succeeds', async () => {
    const console = captureConsole();
    expect(await previewPipelineFile(sample)).toBe(0);
    const text = console.output();
    expect(text).toContain('support_triage  version 0.1');
    expect(text).toMatch(
      / {4}draft_refund_reply \(step\) — template +steps\[2\]\.branches\.true\[0\]/,
    );
    expect(text).toMatch(/ {2}approve_reply \(hitl\) +steps\[4\]/);
    expect(text).toContain('0 error(s), 0 other finding(s).');
  });

  it('says which file it cannot read instead of crashing', async () => {
    const console = captureConsole();
    expect(await previewPipelineFile('/nonexistent/pipeline.yaml')).toBe(1);
    expect(console.output()).toMatch(/Cannot read \/nonexistent\/pipeline\.yaml: .*ENOENT/);
  });

  it('reports malformed YAML with its line and column', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'flujo-preview-'));
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, 'version: "0.1"\nsteps:\n  - kind: step\n    name: [unclosed\n');
    const console = captureConsole();
    expect(await previewPipelineFile(file)).toBe(1);
    expect(console.output()).toMatch(new RegExp(`${file}:\\d+:\\d+ error YAML-PARSE`));
  });
});
