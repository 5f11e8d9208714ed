import type { ReactNode } from 'react';
import { createContext, useContext, useEffect, useMemo } from 'react';

import { usePersistentState } from './usePersistentState';

/** Light or dark. */
export type ThemeName = 'light' | 'dark';

interface ThemeValue {
  readonly theme: ThemeName;
  readonly toggle: () => void;
}

const ThemeContext = createContext<ThemeValue>({ theme: 'light', toggle: () => undefined });

function preferredTheme(): ThemeName {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

/** Provides the theme: the user's last choice, else the system's `prefers-color-scheme`. */
export function ThemeProvider(props: { readonly children: ReactNode }) {
  const [stored, setStored] = usePersistentState<{ theme?: ThemeName }>('flujo.theme', {});
  const theme = stored.theme ?? preferredTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const value = useMemo(
    () => ({
      theme,
      toggle: () => {
        setStored(() => ({ theme: theme === 'dark' ? 'light' : 'dark' }));
      },
    }),
    [theme, setStored],
  );
  return <ThemeContext.Provider value={value}>{props.children}</ThemeContext.Provider>;
}

/** The current theme and its toggle. */
export function useTheme(): ThemeValue {
  return useContext(ThemeContext);
}
