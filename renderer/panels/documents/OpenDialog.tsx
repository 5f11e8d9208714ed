import { useEffect, useState } from 'react';

import { useHostClient } from '../../ipc/HostClientContext';
import { Dialog } from './Dialog';

interface Listing {
  readonly files: readonly { path: string; name: string }[];
  readonly recent: readonly { path: string; openedAt: number }[];
}

/** Lists the workspace's pipeline files and recent files; choosing one opens it. */
export function OpenDialog(props: {
  readonly onOpen: (path: string) => void;
  readonly onClose: () => void;
}) {
  const client = useHostClient();
  const [listing, setListing] = useState<Listing | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    Promise.all([client.call('documents.list', {}), client.call('documents.recent', {})])
      .then(([list, recent]) => {
        if (live) setListing({ files: list.files, recent: recent.files });
      })
      .catch((reason: unknown) => {
        if (live) setError(reason instanceof Error ? reason.message : String(reason));
      });
    return () => {
      live = false;
    };
  }, [client]);

  return (
    <Dialog title="Open pipeline" onClose={props.onClose}>
      {error ? (
        <p className="field-error" role="alert">
          Could not list files: {error}
        </p>
      ) : null}
      {!listing && !error ? <p>Loading…</p> : null}
      {listing && listing.recent.length > 0 ? (
        <>
          <h3>Recent</h3>
          <ul className="file-list" aria-label="Recent files">
            {listing.recent.map((file) => (
              <li key={file.path}>
                <button
                  type="button"
                  onClick={() => {
                    props.onOpen(file.path);
                  }}
                >
                  {file.path}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {listing ? (
        <>
          <h3>Workspace</h3>
          {listing.files.length === 0 ? (
            <p className="muted">No YAML files in the workspace.</p>
          ) : null}
          <ul className="file-list" aria-label="Workspace files">
            {listing.files.map((file) => (
              <li key={file.path}>
                <button
                  type="button"
                  onClick={() => {
                    props.onOpen(file.path);
                  }}
                >
                  {file.name} <span className="muted">{file.path}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="dialog-buttons">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
