// The loading, empty and error states every view shows in the same way.
import type { ReactNode } from 'react';

import type { RequestError } from '../api/client';

/** A placeholder while data loads; announced to screen readers. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** What to show when a list or view has nothing in it, and what to do. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

/** A failed load, with the server's request id and a way to try again. */
export function Failure({ error, retry }: { error: RequestError; retry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <p>{error.message}</p>
      {error.requestId && <p className="muted">Request id {error.requestId}</p>}
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A userError shown next to the field it concerns. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {message}
    </span>
  );
}

/** Offers to reload when a save lost to someone else's change. */
export function ConflictNotice({ onReload }: { onReload: () => void }) {
  return (
    <div className="state state-conflict" role="alert">
      <p>Someone changed this plan since you opened it. Reload to see their change, then make yours again.</p>
      <button type="button" onClick={onReload}>
        Reload the plan
      </button>
    </div>
  );
}
