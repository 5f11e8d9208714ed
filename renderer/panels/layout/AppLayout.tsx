import { useEffect } from 'react';
import type { ReactNode } from 'react';

import { usePersistentState } from '../../theme/usePersistentState';
import { ResizeHandle } from './ResizeHandle';

/** Which bottom tab shows. */
export type BottomTab = 'problems' | 'yaml' | 'run' | 'history';

/** Sizes and open states of the panels, kept in localStorage. */
export interface PanelLayout {
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly leftOpen: boolean;
  readonly rightOpen: boolean;
  readonly bottomOpen: boolean;
  readonly tab: BottomTab;
}

const DEFAULT_LAYOUT: PanelLayout = {
  left: 240,
  right: 320,
  bottom: 260,
  leftOpen: true,
  rightOpen: true,
  bottomOpen: true,
  tab: 'problems',
};

/** Props of the window layout: the content of each area. */
export interface AppLayoutProps {
  readonly toolbar: ReactNode;
  readonly left: ReactNode;
  readonly centre: ReactNode;
  readonly right: ReactNode;
  readonly problems: ReactNode;
  readonly yaml: ReactNode;
  /** Problem count shown on the Problems tab. */
  readonly problemCount: number;
  /** The Run tab (run panel and debugger), when running is available. */
  readonly run?: ReactNode;
  /** The Run history tab. */
  readonly history?: ReactNode;
  /** Shows this tab whenever `focusKey` changes (e.g. a run starts). */
  readonly focusTab?: { readonly tab: BottomTab; readonly key: string };
}

const EXTRA_TABS: readonly { readonly tab: 'run' | 'history'; readonly label: string }[] = [
  { tab: 'run', label: 'Run' },
  { tab: 'history', label: 'History' },
];

function PanelToggle(props: { label: string; open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="panel-toggle"
      aria-expanded={props.open}
      aria-label={`${props.open ? 'Hide' : 'Show'} ${props.label}`}
      onClick={props.onToggle}
    >
      {props.label}
    </button>
  );
}

/** Toolbar; left, centre, right; bottom tabs. Panels resize, collapse, and remember it. */
export function AppLayout(props: AppLayoutProps) {
  const [layout, setLayout] = usePersistentState<PanelLayout>('flujo.layout', DEFAULT_LAYOUT);
  const patch = (change: Partial<PanelLayout>) => {
    setLayout((current) => ({ ...current, ...change }));
  };
  const focusKey = props.focusTab?.key;
  const focusTab = props.focusTab?.tab;
  useEffect(() => {
    if (focusTab !== undefined)
      setLayout((current) => ({ ...current, tab: focusTab, bottomOpen: true }));
  }, [focusKey, focusTab, setLayout]);
  const columns = [
    layout.leftOpen ? `${String(layout.left)}px 4px` : '',
    'minmax(200px, 1fr)',
    layout.rightOpen ? `4px ${String(layout.right)}px` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="app-shell">
      {props.toolbar}
      <div className="panel-toggles">
        <PanelToggle
          label="Left panel"
          open={layout.leftOpen}
          onToggle={() => {
            patch({ leftOpen: !layout.leftOpen });
          }}
        />
        <PanelToggle
          label="Bottom panel"
          open={layout.bottomOpen}
          onToggle={() => {
            patch({ bottomOpen: !layout.bottomOpen });
          }}
        />
        <PanelToggle
          label="Inspector"
          open={layout.rightOpen}
          onToggle={() => {
            patch({ rightOpen: !layout.rightOpen });
          }}
        />
      </div>
      <div className="workbench" style={{ gridTemplateColumns: columns }}>
        {layout.leftOpen ? (
          <>
            <aside className="left-panel">{props.left}</aside>
            <ResizeHandle
              label="Resize left panel"
              orientation="vertical"
              value={layout.left}
              min={160}
              max={600}
              direction={1}
              onChange={(left) => {
                patch({ left });
              }}
            />
          </>
        ) : null}
        <div className="centre">
          <div className="canvas-area">{props.centre}</div>
          {layout.bottomOpen ? (
            <>
              <ResizeHandle
                label="Resize bottom panel"
                orientation="horizontal"
                value={layout.bottom}
                min={120}
                max={800}
                direction={-1}
                onChange={(bottom) => {
                  patch({ bottom });
                }}
              />
              <div className="bottom-panel" style={{ height: layout.bottom }}>
                <div role="tablist" aria-label="Bottom panel" className="tabs">
                  <button
                    type="button"
                    role="tab"
                    id="tab-problems"
                    aria-controls="tabpanel-problems"
                    aria-selected={layout.tab === 'problems'}
                    onClick={() => {
                      patch({ tab: 'problems' });
                    }}
                  >
                    Problems {props.problemCount > 0 ? `(${String(props.problemCount)})` : ''}
                  </button>
                  <button
                    type="button"
                    role="tab"
                    id="tab-yaml"
                    aria-controls="tabpanel-yaml"
                    aria-selected={layout.tab === 'yaml'}
                    onClick={() => {
                      patch({ tab: 'yaml' });
                    }}
                  >
                    YAML
                  </button>
                  {EXTRA_TABS.filter(({ tab }) => props[tab] !== undefined).map(
                    ({ tab, label }) => (
                      <button
                        key={tab}
                        type="button"
                        role="tab"
                        id={`tab-${tab}`}
                        aria-controls={`tabpanel-${tab}`}
                        aria-selected={layout.tab === tab}
                        onClick={() => {
                          patch({ tab });
                        }}
                      >
                        {label}
                      </button>
                    ),
                  )}
                </div>
                <div
                  id="tabpanel-problems"
                  role="tabpanel"
                  aria-labelledby="tab-problems"
                  hidden={layout.tab !== 'problems'}
                  className="tabpanel"
                >
                  {props.problems}
                </div>
                <div
                  id="tabpanel-yaml"
                  role="tabpanel"
                  aria-labelledby="tab-yaml"
                  hidden={layout.tab !== 'yaml'}
                  className="tabpanel"
                >
                  {props.yaml}
                </div>
                {EXTRA_TABS.filter(({ tab }) => props[tab] !== undefined).map(({ tab }) => (
                  <div
                    key={tab}
                    id={`tabpanel-${tab}`}
                    role="tabpanel"
                    aria-labelledby={`tab-${tab}`}
                    hidden={layout.tab !== tab}
                    className="tabpanel"
                  >
                    {props[tab]}
                  </div>
                ))}
              </div>
            </>
          ) : null}
        </div>
        {layout.rightOpen ? (
          <>
            <ResizeHandle
              label="Resize inspector"
              orientation="vertical"
              value={layout.right}
              min={220}
              max={700}
              direction={-1}
              onChange={(right) => {
                patch({ right });
              }}
            />
            <aside className="right-panel">{props.right}</aside>
          </>
        ) : null}
      </div>
    </div>
  );
}
