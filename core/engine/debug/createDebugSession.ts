import { ContextError } from '../errors';
import type { Frame } from '../frame';
import type { FrameEdit, GateCall } from '../runOptions';
import { BreakpointTable } from './breakpoints';
import { checkFrameEdit, framesWithEdit, mergeFrameEdits } from './frameEdit';
import type { Gate, ParkedGate } from './gateQueue';
import { GateQueue, parkGate } from './gateQueue';
import type { StepMode } from './stepMode';
import { RUN, inScope, isFramePrefix, isStepTarget } from './stepMode';
import type {
  AfterStepCall,
  DebugCommand,
  DebugSession,
  DebugSessionOptions,
  DebugSessionState,
  DebugStop,
  PauseReason,
} from './types';

/**
 * A headless debugger for one run (issue 5): pass it as `debug` to `executePipeline`, then drive it
 * with `waitForPause` and the step commands. See core/engine/debug/README.md for the semantics.
 */
export function createDebugSession(options: DebugSessionOptions = {}): DebugSession {
  return new HeadlessDebugSession(options);
}

/** The stop being shown: the gate it holds, the stop as handed out, and a pending edit. */
interface Shown {
  readonly gate: ParkedGate;
  stop: DebugStop;
  edit: FrameEdit | undefined;
  handedOut: boolean;
}

const CANCEL_REASON = 'Cancelled from the debugger.';

class HeadlessDebugSession implements DebugSession {
  private readonly breakpoints: BreakpointTable;
  private readonly pauseOnStart: boolean;
  private readonly pauseOnFailure: boolean;
  private readonly held = new GateQueue();
  private shown: Shown | undefined;
  private mode: StepMode = RUN;
  private pauseRequested = false;
  private cancelRequested = false;
  private ended = false;
  private sawFirstGate = false;
  private lastFailure: readonly Frame[] | undefined;
  private control:
    { readonly cancel: (reason: string) => void; readonly runId: string } | undefined;
  private waiters: ((stop: DebugStop | undefined) => void)[] = [];

  constructor(options: DebugSessionOptions) {
    this.breakpoints = new BreakpointTable(options.breakpoints);
    this.pauseOnStart = options.pauseOnStart === true;
    this.pauseOnFailure = options.pauseOnFailure === true;
  }

  get state(): DebugSessionState {
    if (this.ended) return 'ended';
    return this.shown === undefined ? 'running' : 'paused';
  }

  get currentStop(): DebugStop | undefined {
    return this.shown?.stop;
  }

  readonly attach = (control: {
    readonly cancel: (reason: string) => void;
    runId: string;
  }): void => {
    this.control = control;
    this.ended = false;
    this.sawFirstGate = false;
    this.lastFailure = undefined;
    this.mode = RUN;
    if (this.cancelRequested) control.cancel(CANCEL_REASON);
  };

  readonly detach = (): void => {
    this.ended = true;
    this.cancelRequested = false;
    this.pauseRequested = false;
    this.control = undefined;
    const shown = this.shown;
    this.shown = undefined;
    shown?.gate.release();
    for (const gate of this.held.drain()) gate.release();
    this.notify(undefined);
  };

  /** See `DebugHook.passes`: nothing can stop (or be held) at the gate of `path`. */
  readonly passes = (path: string): boolean => {
    if (this.cancelRequested || this.ended) return true;
    return (
      this.shown === undefined &&
      !this.pauseRequested &&
      this.mode.kind === 'run' &&
      !this.pauseOnFailure &&
      !(this.pauseOnStart && !this.sawFirstGate) &&
      !this.breakpoints.has(path)
    );
  };

  readonly beforeStep = (call: GateCall): Promise<FrameEdit | undefined> | undefined => {
    if (this.cancelRequested || this.ended) return undefined;
    const frame = call.frames[call.frames.length - 1];
    const start = this.pauseOnStart && !this.sawFirstGate;
    this.sawFirstGate = true;
    return this.arrive(
      {
        kind: 'before',
        frames: call.frames,
        runId: call.runId,
        emit: call.emit,
        start,
        hit: frame === undefined ? undefined : this.breakpoints.check(frame),
        failure: undefined,
      },
      call.signal,
    );
  };

  /** Pauses after a failed step (not again for the containers the failure fails in turn). */
  readonly afterStep = (call: AfterStepCall): Promise<void> | undefined => {
    if (!this.pauseOnFailure || call.result.success || this.cancelRequested || this.ended) {
      return undefined;
    }
    if (this.lastFailure !== undefined && isFramePrefix(call.frames, this.lastFailure)) {
      return undefined;
    }
    this.lastFailure = call.frames;
    const waiting = this.arrive(
      {
        kind: 'after',
        frames: call.frames,
        runId: this.control?.runId ?? '',
        emit: call.emit,
        start: false,
        hit: undefined,
        failure: call.result,
      },
      call.signal,
    );
    return waiting?.then(() => undefined);
  };

  readonly waitForPause = (): Promise<DebugStop | undefined> => {
    const shown = this.shown;
    if (shown !== undefined && !shown.handedOut) {
      shown.handedOut = true;
      return Promise.resolve(shown.stop);
    }
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.waiters.push(resolve);
    });
  };

  readonly stepOver = (): boolean => this.stepFrom('stepOver', 'over');
  readonly stepInto = (): boolean => this.stepFrom('stepInto', 'into');
  readonly stepOut = (): boolean => this.stepFrom('stepOut', 'out');
  readonly continue = (): boolean => this.resume('continue', RUN);

  readonly pause = (): boolean => {
    if (this.ended || this.cancelRequested || this.shown !== undefined) return false;
    this.pauseRequested = true;
    const next = this.held.take();
    if (next !== undefined) this.stopAt(next, this.stopReason(next) ?? 'pause');
    return true;
  };

  readonly cancel = (): void => {
    if (this.cancelRequested || this.ended) return;
    this.cancelRequested = true;
    this.pauseRequested = false;
    const shown = this.shown;
    const held = this.held.drain();
    this.shown = undefined;
    shown?.gate.emit?.({ type: 'debug.resumed', command: 'cancel' satisfies DebugCommand });
    this.control?.cancel(CANCEL_REASON);
    shown?.gate.release();
    for (const gate of held) gate.release();
    this.notify(undefined);
  };

  readonly setBreakpoints = (breakpoints: Parameters<DebugSession['setBreakpoints']>[0]): void => {
    this.breakpoints.set(breakpoints);
  };

  readonly editFrame = (edit: FrameEdit): void => {
    const shown = this.shown;
    if (shown === undefined) {
      throw new ContextError('editFrame works only while the session is paused.', {
        suggestion: 'Await session.waitForPause() first.',
      });
    }
    if (shown.gate.kind !== 'before') {
      throw new ContextError("The failed step already ran, so its frame can't be edited.", {
        suggestion: 'Step to the next step and edit its frame instead.',
      });
    }
    const checked = checkFrameEdit(edit);
    shown.edit = mergeFrameEdits(shown.edit, checked);
    shown.stop = { ...shown.stop, frames: framesWithEdit(shown.stop.frames, checked) };
  };

  private stepFrom(command: DebugCommand, kind: 'over' | 'into' | 'out'): boolean {
    const shown = this.shown;
    if (shown === undefined) return false;
    return this.resume(command, { kind, origin: shown.stop.frames });
  }

  /** Lets the shown gate go on with `mode`, then re-decides the held gates the mode now covers. */
  private resume(command: DebugCommand, mode: StepMode): boolean {
    const shown = this.shown;
    if (shown === undefined) return false;
    this.shown = undefined;
    this.mode = mode;
    this.pauseRequested = false;
    shown.gate.emit?.({ type: 'debug.resumed', command });
    shown.gate.release(shown.edit);
    for (const gate of this.held.drain()) {
      if (this.isPaused() || !inScope(mode, gate.frames)) {
        this.held.hold(gate);
        continue;
      }
      const reason = this.stopReason(gate);
      if (reason === undefined) gate.release();
      else this.stopAt(gate, reason);
    }
    return true;
  }

  /** A gate the run reached: passes at once, stops there, or is held behind the shown stop. */
  private arrive(
    gate: Gate,
    signal: AbortSignal | undefined,
  ): Promise<FrameEdit | undefined> | undefined {
    const blocked =
      this.shown !== undefined || (!this.pauseRequested && !inScope(this.mode, gate.frames));
    const reason = blocked ? undefined : this.stopReason(gate);
    if (!blocked && reason === undefined) return undefined;
    const { parked, waiting } = parkGate(gate, signal, (aborted) => {
      this.forget(aborted);
    });
    if (reason === undefined) this.held.hold(parked);
    else this.stopAt(parked, reason);
    return waiting;
  }

  private isPaused(): boolean {
    return this.shown !== undefined;
  }

  private stopReason(gate: Gate): PauseReason | undefined {
    if (gate.start) return 'start';
    if (gate.failure !== undefined) return 'failure';
    if (gate.hit !== undefined) return 'breakpoint';
    if (isStepTarget(this.mode, gate.frames)) return 'step';
    return this.pauseRequested ? 'pause' : undefined;
  }

  private stopAt(gate: ParkedGate, reason: PauseReason): void {
    const hit = reason === 'breakpoint' ? gate.hit : undefined;
    const stop: DebugStop = {
      reason,
      frames: [...gate.frames],
      runId: gate.runId,
      ...(hit === undefined ? {} : { breakpoint: hit.breakpoint }),
      ...(hit?.conditionError === undefined ? {} : { conditionError: hit.conditionError }),
      ...(gate.failure === undefined ? {} : { failure: gate.failure }),
    };
    this.shown = { gate, stop, edit: undefined, handedOut: false };
    this.mode = RUN;
    this.pauseRequested = false;
    gate.emit?.({ type: 'debug.paused', reason, frames: stop.frames });
    this.notify(stop);
  }

  /** The run was aborted from outside while `gate` waited: drop it (the run is ending). */
  private forget(gate: ParkedGate): void {
    if (this.shown?.gate === gate) this.shown = undefined;
    else this.held.remove(gate);
  }

  private notify(stop: DebugStop | undefined): void {
    if (this.waiters.length === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    if (stop !== undefined && this.shown !== undefined) this.shown.handedOut = true;
    for (const resolve of waiters) resolve(stop);
  }
}
