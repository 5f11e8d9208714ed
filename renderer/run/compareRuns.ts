import type { RunView } from './runView';

/** How one step path differs between two runs. */
export interface StepComparison {
  readonly path: string;
  readonly stepName: string;
  readonly statusA: string | undefined;
  readonly statusB: string | undefined;
  readonly sameOutput: boolean;
  readonly tokensA: number | undefined;
  readonly tokensB: number | undefined;
  readonly latencyA: number | undefined;
  readonly latencyB: number | undefined;
}

/** Compares two runs node by node (paths of either run, in first-seen order). */
export function compareRuns(a: RunView, b: RunView): StepComparison[] {
  const paths = [...new Set([...a.stepStates.keys(), ...b.stepStates.keys()])];
  return paths.map((path) => {
    const left = a.stepStates.get(path);
    const right = b.stepStates.get(path);
    return {
      path,
      stepName: left?.stepName ?? right?.stepName ?? path,
      statusA: left?.status,
      statusB: right?.status,
      sameOutput: JSON.stringify(left?.output) === JSON.stringify(right?.output),
      tokensA: left?.tokens,
      tokensB: right?.tokens,
      latencyA: left?.latencyMs,
      latencyB: right?.latencyMs,
    };
  });
}
