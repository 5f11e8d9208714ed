import { useCallback, useState } from 'react';

function readStored<T>(key: string, fallback: T): T {
  try {
    const raw = globalThis.localStorage.getItem(key);
    return raw === null ? fallback : { ...fallback, ...(JSON.parse(raw) as Partial<T>) };
  } catch (error) {
    // Storage disabled or a value from an older version: start from the defaults.
    console.warn(`Ignoring stored ${key}:`, error);
    return fallback;
  }
}

/** A piece of UI state (an object) kept in localStorage under `key` across sessions. */
export function usePersistentState<T extends object>(
  key: string,
  fallback: T,
): [T, (update: (current: T) => T) => void] {
  const [value, setValue] = useState(() => readStored(key, fallback));
  const update = useCallback(
    (change: (current: T) => T) => {
      setValue((current) => {
        const next = change(current);
        try {
          globalThis.localStorage.setItem(key, JSON.stringify(next));
        } catch (error) {
          console.warn(`Could not store ${key}:`, error);
        }
        return next;
      });
    },
    [key],
  );
  return [value, update];
}
