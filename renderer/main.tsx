import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { createHostClient } from '../shared/hostClient';
import { App } from './App';
import { HostClientProvider } from './ipc/HostClientContext';
import { pickTransport } from './ipc/pickTransport';
import { DocumentStoreProvider } from './store/DocumentStoreContext';
import { ThemeProvider } from './theme/ThemeContext';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <HostClientProvider client={createHostClient(pickTransport())}>
      <ThemeProvider>
        <DocumentStoreProvider>
          <App />
        </DocumentStoreProvider>
      </ThemeProvider>
    </HostClientProvider>
  </StrictMode>,
);
