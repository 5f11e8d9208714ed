import { render } from '@testing-library/react';
import type { ReactElement } from 'react';

import { createHostClient } from '../../shared/hostClient';
import type { MemoryHandlers } from '../ipc/memoryTransport';
import { createMemoryTransport } from '../ipc/memoryTransport';
import { HostClientProvider } from '../ipc/HostClientContext';
import type { DocumentStore } from '../store/documentStore';
import { createDocumentStore } from '../store/documentStore';
import { DocumentStoreProvider } from '../store/DocumentStoreContext';
import { ThemeProvider } from '../theme/ThemeContext';

/** Renders `ui` inside the studio's providers with a document loaded and an in-memory host. */
export function renderWithStudio(
  ui: ReactElement,
  options: { text?: string; handlers?: MemoryHandlers; store?: DocumentStore } = {},
) {
  const store = options.store ?? createDocumentStore();
  if (options.text !== undefined) store.getState().load({ text: options.text, filePath: 'test.yaml' });
  const transport = createMemoryTransport(options.handlers ?? {});
  const result = render(
    <HostClientProvider client={createHostClient(transport)}>
      <ThemeProvider>
        <DocumentStoreProvider store={store}>{ui}</DocumentStoreProvider>
      </ThemeProvider>
    </HostClientProvider>,
  );
  return { ...result, store, transport };
}
