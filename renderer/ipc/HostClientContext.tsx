import type { ReactNode } from 'react';
import { createContext, useContext } from 'react';

import type { HostClient } from '../../shared/hostClient';

const HostClientContext = createContext<HostClient | undefined>(undefined);

/** Provides the typed host client to the app. */
export function HostClientProvider(props: {
  readonly client: HostClient;
  readonly children: ReactNode;
}) {
  return (
    <HostClientContext.Provider value={props.client}>{props.children}</HostClientContext.Provider>
  );
}

/** The host client of the nearest provider. */
export function useHostClient(): HostClient {
  const client = useContext(HostClientContext);
  if (!client) throw new Error('useHostClient must be used inside a HostClientProvider.');
  return client;
}
