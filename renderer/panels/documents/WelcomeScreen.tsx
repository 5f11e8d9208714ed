import { useCallback, useEffect, useState } from 'react';

import type { ChannelResponse } from '../../../shared/channels';
import { useHostClient } from '../../ipc/HostClientContext';

type Sample = ChannelResponse<'documents.samples'>['samples'][number];

type Samples =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly samples: readonly Sample[] }
  | { readonly status: 'unreachable'; readonly reason: string };

/** Props of the welcome screen. */
export interface WelcomeScreenProps {
  readonly onOpenSample: (sample: Sample) => void;
  readonly onNew: () => void;
  readonly onOpen: () => void;
}

/** Shown when no file is open: the shipped samples, or what to do when the host is unreachable. */
export function WelcomeScreen(props: WelcomeScreenProps) {
  const client = useHostClient();
  const [samples, setSamples] = useState<Samples>({ status: 'loading' });
  const load = useCallback(() => {
    setSamples({ status: 'loading' });
    client
      .call('documents.samples', {})
      .then((result) => {
        setSamples({ status: 'ready', samples: result.samples });
      })
      .catch((error: unknown) => {
        setSamples({
          status: 'unreachable',
          reason: error instanceof Error ? error.message : String(error),
        });
      });
  }, [client]);
  useEffect(load, [load]);

  return (
    <main className="welcome" aria-label="Welcome">
      <h1>Flujo Studio</h1>
      <p>
        Author, validate and run Flujo pipelines. Start from a sample, a new file or an existing
        one.
      </p>
      <div className="welcome-actions">
        <button type="button" onClick={props.onNew}>
          New pipeline
        </button>
        <button type="button" onClick={props.onOpen}>
          Open file…
        </button>
      </div>
      {samples.status === 'loading' ? <p>Loading samples…</p> : null}
      {samples.status === 'unreachable' ? (
        <div className="banner error" role="alert">
          <h2>Cannot reach the studio host</h2>
          <p>
            The studio needs its host process to open and save files. Start it with{' '}
            <code>npm start</code> (or <code>flujo-studio serve</code>) and open the URL it prints,
            including its <code>?token=…</code>, then retry.
          </p>
          <p className="muted">{samples.reason}</p>
          <button type="button" onClick={load}>
            Retry
          </button>
        </div>
      ) : null}
      {samples.status === 'ready' ? (
        <section aria-label="Samples">
          <h2>Samples</h2>
          <ul className="samples">
            {samples.samples.map((sample) => (
              <li key={sample.id} className="sample">
                <h3>{sample.title}</h3>
                <p>{sample.description}</p>
                <button
                  type="button"
                  aria-label={`Open ${sample.title}`}
                  onClick={() => {
                    props.onOpenSample(sample);
                  }}
                >
                  Open
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
