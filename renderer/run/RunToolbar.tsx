import { useEffect, useRef, useState } from 'react';
import { RunDialog } from './RunDialog';
import type { DebugCommandName, RunStore } from './runStore';
import { isLive } from './runStore';
import { useActiveRun } from './useRunStore';

/** Props of the run toolbar. */
export interface RunToolbarProps {
  readonly store: RunStore;
  /** The document on screen (unsaved edits included). */
  readonly getDocument: () => {
    text: string;
    file?: string;
    mocks?: Readonly<Record<string, unknown>>;
  };
}

const STEP_BUTTONS: readonly { command: DebugCommandName; label: string; keys: string }[] = [
  { command: 'continue', label: 'Continue', keys: 'F5' },
  { command: 'stepOver', label: 'Step Over', keys: 'F10' },
  { command: 'stepInto', label: 'Step Into', keys: 'F11' },
  { command: 'stepOut', label: 'Step Out', keys: 'Shift+F11' },
  { command: 'pause', label: 'Pause', keys: '' },
];

/**
 * "Run" and "Debug" (each opens the run dialog), and while a debug run lives its commands.
 * Keys (on window): F5 runs or, when paused, continues; Shift+F5 debugs or, while a run lives,
 * stops it; F10 / F11 / Shift+F11 step over / into / out.
 */
export function RunToolbar(props: RunToolbarProps) {
  const { store, getDocument } = props;
  const { run } = useActiveRun(store);
  const [dialog, setDialog] = useState<'run' | 'debug' | undefined>(undefined);
  const live = run?.source === 'live' && isLive(run);
  const debugging = live && run.debug;
  const paused = debugging && run.pausedFrames !== undefined;

  // The key handler reads the latest state through a ref, so it is attached once.
  const latest = useRef({ live, debugging, paused, dialogOpen: dialog !== undefined });
  latest.current = { live, debugging, paused, dialogOpen: dialog !== undefined };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const now = latest.current;
      if (now.dialogOpen || !isFunctionKey(event.key)) return;
      const state = store.getState();
      const command = keyCommand(event, now);
      if (command === undefined) return;
      event.preventDefault();
      switch (command) {
        case 'openRun':
          setDialog('run');
          break;
        case 'openDebug':
          setDialog('debug');
          break;
        case 'stop':
          void state.cancel();
          break;
        case 'continue':
        case 'stepOver':
        case 'stepInto':
        case 'stepOut':
        case 'pause':
          void state.debug(command);
          break;
        default:
          command satisfies never;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [store]);

  return (
    <div className="run-toolbar" role="toolbar" aria-label="Run controls">
      <button
        type="button"
        title="Run (F5)"
        disabled={live}
        onClick={() => {
          setDialog('run');
        }}
      >
        Run
      </button>
      <button
        type="button"
        title="Debug (Shift+F5)"
        disabled={live}
        onClick={() => {
          setDialog('debug');
        }}
      >
        Debug
      </button>
      {debugging
        ? STEP_BUTTONS.map((button) => (
            <button
              key={button.command}
              type="button"
              title={button.keys === '' ? button.label : `${button.label} (${button.keys})`}
              disabled={button.command === 'pause' ? paused : !paused}
              onClick={() => {
                void store.getState().debug(button.command);
              }}
            >
              {button.label}
            </button>
          ))
        : null}
      {live ? (
        <button
          type="button"
          title="Stop (Shift+F5)"
          onClick={() => {
            void store.getState().cancel();
          }}
        >
          Stop
        </button>
      ) : null}
      {dialog === undefined ? null : (
        <RunDialog
          store={store}
          getDocument={getDocument}
          debug={dialog === 'debug'}
          onClose={() => {
            setDialog(undefined);
          }}
        />
      )}
    </div>
  );
}

function isFunctionKey(key: string): boolean {
  return key === 'F5' || key === 'F10' || key === 'F11';
}

type KeyCommand = DebugCommandName | 'openRun' | 'openDebug' | 'stop';

function keyCommand(
  event: KeyboardEvent,
  now: { live: boolean; debugging: boolean; paused: boolean },
): KeyCommand | undefined {
  if (event.key === 'F5') {
    if (event.shiftKey) return now.live ? 'stop' : 'openDebug';
    if (now.paused) return 'continue';
    return now.live ? undefined : 'openRun';
  }
  if (!now.paused) return undefined;
  if (event.key === 'F10') return 'stepOver';
  return event.shiftKey ? 'stepOut' : 'stepInto';
}
