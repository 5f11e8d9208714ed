import { useEffect, useState } from 'react';
import type { RunStore } from './runStore';
import { formatTime } from './runFormat';
import { useRunState } from './useRunStore';

/**
 * The toolbar's "Inbox (N)": pending human-input requests of every document (they survive
 * restarts); "Answer" opens the HITL dialog. The store refreshes the list on `hitl.changed`.
 */
export function HitlInbox(props: { readonly store: RunStore }) {
  const { store } = props;
  const pending = useRunState(store, (state) => state.pendingHitl);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    void store.getState().refreshPending();
  }, [store]);
  return (
    <div className="hitl-inbox">
      <button
        type="button"
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        Inbox ({pending.length})
      </button>
      {open ? (
        <div className="hitl-inbox-list" role="region" aria-label="Pending human input">
          {pending.length === 0 ? (
            <p>No run is waiting for you.</p>
          ) : (
            <ul>
              {pending.map((request) => (
                <li key={request.requestId}>
                  <strong>{request.pipelineName}</strong> · {request.stepName}
                  {request.file === undefined ? '' : ` · ${request.file}`} ·{' '}
                  {formatTime(request.createdAt)}
                  <p>
                    {request.message.length > 120
                      ? `${request.message.slice(0, 120)}…`
                      : request.message}
                  </p>
                  <button
                    type="button"
                    aria-label={`Answer ${request.stepName} of ${request.pipelineName}${request.file === undefined ? '' : ` in ${request.file}`}`}
                    onClick={() => {
                      store.getState().openHitl(request);
                      setOpen(false);
                    }}
                  >
                    Answer
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
