import { useCallback, useEffect, useMemo, useState } from 'react';

import { autoLayout, StepPalette } from './canvas';
import { useHostClient } from './ipc/HostClientContext';
import { CanvasPane, useCanvasLayout } from './panels/canvasPane/CanvasPane';
import { DraftBanner } from './panels/documents/DraftBanner';
import { OpenDialog } from './panels/documents/OpenDialog';
import type { Notice } from './panels/documents/useDocumentActions';
import { useDocumentActions } from './panels/documents/useDocumentActions';
import { useDialogs } from './panels/documents/useDialogs';
import { useDraftAutosave } from './panels/documents/useDraftAutosave';
import { useKeyboardShortcuts } from './panels/documents/useKeyboardShortcuts';
import { WelcomeScreen } from './panels/documents/WelcomeScreen';
import { Inspector } from './panels/inspector/Inspector';
import { AppLayout } from './panels/layout/AppLayout';
import { Outline } from './panels/outline/Outline';
import { ProblemsPanel } from './panels/problems/ProblemsPanel';
import { Toolbar } from './panels/toolbar/Toolbar';
import { YamlPanel } from './panels/yaml/YamlPanel';
import {
  createRunStore,
  DebugPanel,
  HitlDialog,
  HitlInbox,
  RunHistory,
  RunPanel,
  RunToolbar,
  StepRunActions,
  useRunState,
  useRunMetricsByPath,
  useRunStatusByPath,
} from './run';
import { isDirty } from './store/documentStore';
import { useDocument, useDocumentStore } from './store/DocumentStoreContext';

/** The studio window: welcome screen until a document is open, then the workbench. */
export function App() {
  const store = useDocumentStore();
  const client = useHostClient();
  const [view, setView] = useState<'welcome' | 'editor'>('welcome');
  const [showOpen, setShowOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const dialogs = useDialogs();
  const pipeline = useDocument((s) => s.parsed.pipeline);
  const problemCount = useDocument((s) => s.diagnostics.length);
  const layout = useCanvasLayout();
  const onOpened = useCallback(() => {
    setView('editor');
    setShowOpen(false);
  }, []);
  const actions = useDocumentActions({ dialogs, notify: setNotice, onOpened });
  useDraftAutosave();
  const runStore = useMemo(() => createRunStore(client), [client]);
  useEffect(
    () => () => {
      runStore.getState().dispose();
    },
    [runStore],
  );
  const runStatus = useRunStatusByPath(runStore);
  const runMetrics = useRunMetricsByPath(runStore);
  const activeRunId = useRunState(runStore, (s) => s.activeRunId);
  const filePath = useDocument((s) => s.filePath);
  const sidecarBreakpoints = useDocument((s) => s.sidecar.breakpoints);
  const selectedPath = useDocument((s) => s.selectedPath);
  // The sidecar holds the breakpoints (saved with the document); the run store sends them to runs.
  useEffect(() => {
    runStore.getState().setBreakpoints(sidecarBreakpoints);
  }, [runStore, sidecarBreakpoints]);
  useEffect(() => {
    if (selectedPath !== undefined) runStore.getState().selectStep(selectedPath);
  }, [runStore, selectedPath]);
  const getDocument = useCallback(() => {
    const state = store.getState();
    const pinned = state.sidecar.pinnedOutputs;
    return {
      text: state.text,
      ...(state.filePath === undefined ? {} : { file: state.filePath }),
      ...(Object.keys(pinned).length === 0 ? {} : { mocks: pinned }),
    };
  }, [store]);
  const pinnedOutputs = useDocument((s) => s.sidecar.pinnedOutputs);
  const pinOutput = useCallback(
    (path: string, pinned: { readonly value: unknown } | undefined) => {
      store.getState().updateSidecar(
        (sidecar) => {
          const others = Object.fromEntries(
            Object.entries(sidecar.pinnedOutputs).filter(([key]) => key !== path),
          );
          return {
            ...sidecar,
            pinnedOutputs: pinned === undefined ? others : { ...others, [path]: pinned.value },
          };
        },
        pinned === undefined ? 'Unpin output' : 'Pin output',
      );
    },
    [store],
  );
  const setBreakpoint = useCallback(
    (path: string, breakpoint: { readonly condition?: string } | undefined) => {
      store.getState().updateSidecar(
        (sidecar) => ({
          ...sidecar,
          breakpoints: [
            ...sidecar.breakpoints.filter((existing) => existing.path !== path),
            ...(breakpoint === undefined ? [] : [{ path, ...breakpoint }]),
          ],
        }),
        breakpoint === undefined ? 'Remove breakpoint' : 'Set breakpoint',
      );
    },
    [store],
  );
  const toggleBreakpoint = useCallback(() => {
    const path = store.getState().selectedPath;
    if (path === undefined) return;
    store.getState().updateSidecar(
      (sidecar) => ({
        ...sidecar,
        breakpoints: sidecar.breakpoints.some((breakpoint) => breakpoint.path === path)
          ? sidecar.breakpoints.filter((breakpoint) => breakpoint.path !== path)
          : [...sidecar.breakpoints, { path }],
      }),
      'Toggle breakpoint',
    );
  }, [store]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F9' && view === 'editor') {
        event.preventDefault();
        toggleBreakpoint();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [toggleBreakpoint, view]);

  // A file given on the command line (or by the host) opens directly.
  useEffect(() => {
    client
      .call('app.info', {})
      .then((info) => {
        if (info.initialFile) void actions.openPath(info.initialFile);
      })
      .catch((error: unknown) => {
        console.warn('app.info failed:', error);
      });
    // Only on start: `actions` changes identity with the dialogs, the start does not.
  }, []);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (view === 'editor' && isDirty(store.getState())) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [store, view]);

  const runAutoLayout = useCallback(() => {
    if (!pipeline) return;
    autoLayout(pipeline, layout).then(
      (laidOut) => {
        store.getState().updateSidecar(
          (sidecar) => ({
            ...sidecar,
            positions: laidOut.positions,
            collapsed: laidOut.collapsed,
          }),
          'Auto layout',
        );
      },
      (error: unknown) => {
        setNotice({ kind: 'error', message: `Auto layout failed: ${String(error)}` });
      },
    );
  }, [pipeline, layout, store]);

  const openDialog = useCallback(() => {
    setShowOpen(true);
  }, []);
  useKeyboardShortcuts({
    save: () => {
      if (view === 'editor') void actions.save();
    },
    open: openDialog,
    newDocument: () => void actions.newDocument(),
    undo: () => {
      store.getState().undo();
    },
    redo: () => {
      store.getState().redo();
    },
  });

  const toolbar = (
    <Toolbar
      hasDocument={view === 'editor'}
      onNew={() => void actions.newDocument()}
      onOpen={openDialog}
      onSave={() => void actions.save()}
      onExport={() => void actions.exportYaml()}
      onAutoLayout={runAutoLayout}
      extra={
        <>
          {view === 'editor' ? <RunToolbar store={runStore} getDocument={getDocument} /> : null}
          <HitlInbox store={runStore} />
        </>
      }
    />
  );

  return (
    <>
      {view === 'welcome' ? (
        <div className="app-shell">
          {toolbar}
          <DraftBanner onRestore={(draft) => void actions.restoreDraft(draft)} />
          <WelcomeScreen
            onNew={() => void actions.newDocument()}
            onOpen={openDialog}
            onOpenSample={(sample) => void actions.openSample(sample)}
          />
        </div>
      ) : (
        <AppLayout
          toolbar={toolbar}
          left={
            <>
              <StepPalette />
              <Outline />
            </>
          }
          centre={
            <CanvasPane
              runStatus={runStatus}
              runMetrics={runMetrics}
              onNotice={(message) => {
                setNotice({ kind: 'error', message });
              }}
            />
          }
          right={
            <>
              <Inspector />
              {selectedPath === undefined ? null : (
                <StepRunActions
                  key={selectedPath}
                  store={runStore}
                  path={selectedPath}
                  pinned={
                    Object.hasOwn(pinnedOutputs, selectedPath)
                      ? { value: pinnedOutputs[selectedPath] }
                      : undefined
                  }
                  onPin={(pinned) => {
                    pinOutput(selectedPath, pinned);
                  }}
                  breakpoint={sidecarBreakpoints.find(
                    (breakpoint) => breakpoint.path === selectedPath,
                  )}
                  onBreakpoint={(breakpoint) => {
                    setBreakpoint(selectedPath, breakpoint);
                  }}
                  getDocument={getDocument}
                />
              )}
            </>
          }
          problems={<ProblemsPanel />}
          yaml={<YamlPanel />}
          problemCount={problemCount}
          run={
            <div className="run-tab">
              <RunPanel store={runStore} />
              <DebugPanel store={runStore} />
            </div>
          }
          history={
            <RunHistory store={runStore} {...(filePath === undefined ? {} : { file: filePath })} />
          }
          {...(activeRunId === undefined
            ? {}
            : { focusTab: { tab: 'run' as const, key: activeRunId } })}
        />
      )}
      {notice ? (
        <div
          className={`notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.message}
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => {
              setNotice(undefined);
            }}
          >
            ×
          </button>
        </div>
      ) : null}
      {showOpen ? (
        <OpenDialog
          onOpen={(path) => void actions.openPath(path)}
          onClose={() => {
            setShowOpen(false);
          }}
        />
      ) : null}
      {dialogs.element}
      <HitlDialog store={runStore} />
    </>
  );
}
