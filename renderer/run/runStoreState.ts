import type { StoreApi } from 'zustand/vanilla';
import type { RunEvent } from '../../core/engine';
import type { Breakpoint } from '../../core/engine/debug';
import type { ChannelRequest, ChannelResponse } from '../../shared/channels';
import type { HitlRequestView, RunView } from './runView';

/** A run as listed in history (`runs.list`). */
export type RunSummary = ChannelResponse<'runs.list'>['runs'][number];

/** A pending human-input request of any document (`hitl.pending`). */
export type PendingHitl = ChannelResponse<'hitl.pending'>['requests'][number];

/** A debugger command of the toolbar. */
export type DebugCommandName = ChannelRequest<'runs.debug'>['command'];

/** What `start` needs: the document on screen and the run dialog's answers. */
export interface StartRunOptions {
  readonly text: string;
  readonly file?: string;
  readonly input: unknown;
  readonly context?: Record<string, unknown>;
  readonly limits?: { readonly totalCostUsd?: number; readonly totalTokens?: number };
  readonly debug?: boolean;
  /** Pinned/mocked outputs by step path (used instead of running those steps). */
  readonly mocks?: Record<string, unknown>;
  /** "Run from here": start at `path` reusing `baseRunId`'s recorded outputs before it. */
  readonly from?: { readonly path: string; readonly baseRunId: string };
  /** The input as the user typed it, remembered for the next run. */
  readonly inputText?: string;
}

/** A recorded run opened for replay: all its events and how far the scrubber has folded them. */
export interface ReplayState {
  readonly runId: string;
  readonly events: readonly RunEvent[];
  readonly position: number;
}

/** The run store's state and actions (one store per studio window). */
export interface RunStoreState {
  readonly activeRunId: string | undefined;
  /** Views by run id; a view is updated in place, its `version` says when (see foldRunEvents). */
  readonly runs: Readonly<Record<string, RunView>>;
  readonly breakpoints: readonly Breakpoint[];
  readonly lastInputs: readonly string[];
  readonly history: readonly RunSummary[];
  readonly historyFile: string | undefined;
  readonly pendingHitl: readonly PendingHitl[];
  /** The request the HITL dialog shows. */
  readonly hitlPrompt: HitlRequestView | undefined;
  readonly hitlError: string | undefined;
  /** The last failed command, shown as an alert. */
  readonly error: string | undefined;
  readonly selectedPath: string | undefined;
  readonly replay: ReplayState | undefined;
  readonly start: (options: StartRunOptions) => Promise<string | undefined>;
  readonly cancel: () => Promise<void>;
  readonly debug: (command: DebugCommandName) => Promise<void>;
  /** Edits the paused frame; rejects with the host's message when it refuses. */
  readonly editFrame: (edit: {
    input?: unknown;
    context?: Record<string, unknown>;
  }) => Promise<void>;
  readonly toggleBreakpoint: (path: string, condition?: string) => void;
  readonly setBreakpoints: (breakpoints: readonly Breakpoint[]) => void;
  /** Answers the shown request; true when the host took it. */
  readonly answerHitl: (answer: unknown) => Promise<boolean>;
  readonly cancelHitl: () => Promise<void>;
  /** Closes the HITL dialog without answering (the request stays in the inbox). */
  readonly deferHitl: () => void;
  readonly openHitl: (request: PendingHitl) => void;
  readonly refreshPending: () => Promise<void>;
  readonly loadHistory: (file?: string) => Promise<void>;
  /** Opens a recorded run for replay (fetches its events and folds them). */
  readonly openRecorded: (runId: string) => Promise<void>;
  /** Fetches and folds a recorded run without making it active (for comparisons). */
  readonly fetchRecorded: (runId: string) => Promise<RunView | undefined>;
  /** Moves the replay scrubber: the active view shows the first `position` events. */
  readonly scrub: (position: number) => void;
  readonly selectStep: (path: string | undefined) => void;
  readonly clearError: () => void;
  /** Stops listening to the host. */
  readonly dispose: () => void;
}

/** A run store as a vanilla zustand store. */
export type RunStore = StoreApi<RunStoreState>;
