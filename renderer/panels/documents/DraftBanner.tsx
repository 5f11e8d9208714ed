import { useEffect, useState } from 'react';

import type { ChannelResponse } from '../../../shared/channels';
import { useHostClient } from '../../ipc/HostClientContext';

type Draft = ChannelResponse<'drafts.list'>['drafts'][number];

/** Offers the unsaved drafts a previous session left behind (crash recovery). */
export function DraftBanner(props: {
  readonly onRestore: (draft: { text: string; key: string }) => void;
}) {
  const client = useHostClient();
  const [drafts, setDrafts] = useState<readonly Draft[]>([]);
  useEffect(() => {
    let live = true;
    client
      .call('drafts.list', {})
      .then((result) => {
        if (live) setDrafts(result.drafts);
      })
      .catch((error: unknown) => {
        console.warn('drafts.list failed:', error);
      });
    return () => {
      live = false;
    };
  }, [client]);
  if (drafts.length === 0) return null;
  const discard = (key: string) => {
    setDrafts((current) => current.filter((d) => d.key !== key));
    client.call('drafts.discard', { key }).catch((error: unknown) => {
      console.warn('drafts.discard failed:', error);
    });
  };
  return (
    <section className="banner warning" aria-label="Unsaved drafts">
      <h2>Unsaved changes from a previous session</h2>
      <ul>
        {drafts.map((draft) => (
          <li key={draft.key}>
            {draft.key} <span className="muted">({new Date(draft.savedAt).toLocaleString()})</span>{' '}
            <button
              type="button"
              aria-label={`Restore draft ${draft.key}`}
              onClick={() => {
                props.onRestore(draft);
              }}
            >
              Restore
            </button>
            <button
              type="button"
              aria-label={`Discard draft ${draft.key}`}
              onClick={() => {
                discard(draft.key);
              }}
            >
              Discard
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
