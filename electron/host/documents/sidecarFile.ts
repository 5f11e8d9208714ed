import { promises as fs } from 'node:fs';
import type { HostLogger } from '../hostLogger';
import { isMissingFile } from './atomicWrite';

/** The studio-only sidecar of a pipeline file (layout, breakpoints, pinned outputs). */
export function sidecarPathOf(file: string): string {
  return `${file}.studio.json`;
}

/**
 * Reads a pipeline's sidecar: `null` when there is none, or when it is not a JSON object (the
 * document still opens — the sidecar is never needed to run — and the problem is logged).
 */
export async function readSidecar(
  file: string,
  logger: HostLogger,
): Promise<Record<string, unknown> | null> {
  const sidecar = sidecarPathOf(file);
  let text: string;
  try {
    text = await fs.readFile(sidecar, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    logger.warn(`Ignored the sidecar ${sidecar}: it is not a JSON object.`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn(`Ignored the sidecar ${sidecar}: it is not valid JSON (${reason}).`);
  }
  return null;
}
