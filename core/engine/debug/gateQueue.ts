import type { Frame } from '../frame';
import type { FrameEdit, GateCall } from '../runOptions';
import type { StepResult } from '../runTypes';
import type { BreakpointHit } from './breakpoints';

/** A point where the run waits for the session: before a step, or after a failed one. */
export interface Gate {
  readonly kind: 'before' | 'after';
  readonly frames: readonly Frame[];
  readonly runId: string;
  readonly emit: GateCall['emit'] | undefined;
  /** The run's first gate while `pauseOnStart` is set. */
  readonly start: boolean;
  /** The breakpoint this gate hit when it arrived (hits are counted once, on arrival). */
  readonly hit: BreakpointHit | undefined;
  /** The failed step's result (after-gates). */
  readonly failure: StepResult | undefined;
}

/** A gate the run is waiting at; `release` lets it go on (a before-gate with an optional edit). */
export interface ParkedGate extends Gate {
  readonly release: (edit?: FrameEdit) => void;
}

/**
 * Parks the run at `gate` until released. When the run's `signal` aborts (cancelled from outside),
 * the gate is released and `onAbort` tells the session to forget it.
 */
export function parkGate(
  gate: Gate,
  signal: AbortSignal | undefined,
  onAbort: (parked: ParkedGate) => void,
): { readonly parked: ParkedGate; readonly waiting: Promise<FrameEdit | undefined> } {
  let resolve: (edit: FrameEdit | undefined) => void = () => undefined;
  const waiting = new Promise<FrameEdit | undefined>((done) => {
    resolve = done;
  });
  let released = false;
  const aborted = (): void => {
    onAbort(parked);
    parked.release();
  };
  const parked: ParkedGate = {
    ...gate,
    release: (edit) => {
      if (released) return;
      released = true;
      signal?.removeEventListener('abort', aborted);
      resolve(edit);
    },
  };
  signal?.addEventListener('abort', aborted, { once: true });
  return { parked, waiting };
}

/** Gates held while the session shows another frame, in arrival order. */
export class GateQueue {
  private readonly gates: ParkedGate[] = [];

  get size(): number {
    return this.gates.length;
  }

  hold(gate: ParkedGate): void {
    this.gates.push(gate);
  }

  /** The oldest held gate, removed from the queue. */
  take(): ParkedGate | undefined {
    return this.gates.shift();
  }

  remove(gate: ParkedGate): void {
    const index = this.gates.indexOf(gate);
    if (index >= 0) this.gates.splice(index, 1);
  }

  /** Every held gate, removed from the queue. */
  drain(): ParkedGate[] {
    return this.gates.splice(0, this.gates.length);
  }
}
