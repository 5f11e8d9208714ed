import type { ValidationDiagnostic, ValidationProfile } from '../../core/validate';
import { validatePipeline } from '../../core/validate';
import type { ParsedDocument } from './parsedDocument';
import type { Sidecar } from './sidecar';

/** Live findings about the document, and how long the last validation took. */
export interface DiagnosticsSlice {
  readonly profile: ValidationProfile;
  readonly diagnostics: readonly ValidationDiagnostic[];
  /** Wall time of the last `validatePipeline` call, in milliseconds (shown in Problems). */
  readonly validationMs: number;
  readonly setProfile: (profile: ValidationProfile) => void;
}

function looseStepName(entry: unknown, index: number): string {
  if (typeof entry === 'object' && entry !== null && 'name' in entry) {
    const name = entry.name;
    if (typeof name === 'string') return name;
  }
  return `#${String(index + 1)}`;
}

/** Loose steps warn, never block (ARCHITECTURE "Data flow" 2). */
function looseStepWarnings(sidecar: Sidecar): ValidationDiagnostic[] {
  return sidecar.loose.map((entry, index) => ({
    code: 'STUDIO-LOOSE',
    severity: 'warning',
    stepName: looseStepName(entry, index),
    message: `Step "${looseStepName(entry, index)}" is not connected to the pipeline: it is not run or exported. Drag it onto an edge or into a container.`,
  }));
}

/**
 * The findings to show for a parsed document: loader findings, then (when the model is the
 * text's) the validator's of the chosen profile, then loose-step warnings.
 */
export function computeDiagnostics(
  parsed: ParsedDocument,
  sidecar: Sidecar,
  profile: ValidationProfile,
  file: string | undefined,
): { diagnostics: ValidationDiagnostic[]; ms: number } {
  const started = performance.now();
  const found: ValidationDiagnostic[] = [...parsed.diagnostics];
  if (parsed.current && parsed.pipeline) {
    const validated = validatePipeline(parsed.pipeline, {
      profile,
      text: parsed.text,
      ...(file === undefined ? {} : { file }),
    });
    // The loader's YAML-SCHEMA findings may also come from the validator: keep one of each.
    const seen = new Set(found.map((d) => `${d.code}|${d.path ?? ''}|${d.message}`));
    for (const diagnostic of validated) {
      if (!seen.has(`${diagnostic.code}|${diagnostic.path ?? ''}|${diagnostic.message}`)) {
        found.push(diagnostic);
      }
    }
  }
  found.push(...looseStepWarnings(sidecar));
  return { diagnostics: found, ms: performance.now() - started };
}
