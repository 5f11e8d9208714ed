import type { RefObject } from 'react';
import { useState } from 'react';

/** The "Find step" search box; Enter finds a step by name and hands its path to `onFound`. */
export function FindStepBox({
  inputRef,
  find,
}: {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** Selects and centers the step named like `query`; false when there is none. */
  readonly find: (query: string) => boolean;
}) {
  const [query, setQuery] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <div className="flujo-find">
      <input
        ref={inputRef}
        type="search"
        aria-label="Find step"
        placeholder="Find step (Ctrl+F)"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setMissing(false);
        }}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === 'Enter') setMissing(!find(query));
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
      />
      {missing && (
        <span className="flujo-find-missing" role="status">
          No step matches “{query}”.
        </span>
      )}
    </div>
  );
}
