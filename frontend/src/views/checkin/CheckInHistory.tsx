// The plan's check-ins, newest first, a page at a time: what was asked
// and answered, the change observed, the status after, and the note when
// the viewer may read it.
import { useState } from 'react';

import { request, RequestError } from '../../api/client';
import { StatusBadge } from '../../components/badges';
import { Empty, Failure } from '../../components/states';
import { checkInKindLabels, observedChangeLabels } from '../plan/labels';
import { type CheckInEntryFragment, type CheckInPageFragment, MoreCheckInsDocument } from './CheckIn.generated';
import { prompts } from './prompts';

/** How many check-ins a page holds. */
export const historyPageSize = 5;

interface Props {
  planId: string;
  /** The first page, as the view's query loaded it. */
  first: CheckInPageFragment;
}

export function CheckInHistory({ planId, first }: Props) {
  const [more, setMore] = useState<{ entries: CheckInEntryFragment[]; page: CheckInPageFragment['pageInfo'] }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<RequestError>();
  const entries = [...first.nodes, ...(more?.entries ?? [])];
  const page = more?.page ?? first.pageInfo;

  const loadMore = async () => {
    if (!page.endCursor) return;
    setLoading(true);
    setError(undefined);
    try {
      const data = await request(MoreCheckInsDocument, { planId, first: historyPageSize, after: page.endCursor });
      const next = data.node?.__typename === 'DevelopmentPlan' ? data.node.checkIns : undefined;
      if (next) setMore({ entries: [...(more?.entries ?? []), ...next.nodes], page: next.pageInfo });
    } catch (err) {
      setError(err instanceof RequestError ? err : new RequestError('server', String(err)));
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="checkin-history" aria-labelledby="checkin-history-heading">
      <h2 id="checkin-history-heading">
        History <span className="muted small">{first.totalCount} check-ins, newest first</span>
      </h2>
      {entries.length === 0 ? (
        <Empty>No check-ins on this plan yet.</Empty>
      ) : (
        <ol className="checkins">
          {entries.map((c) => (
            <li key={c.id}>
              <CheckInEntry entry={c} />
            </li>
          ))}
        </ol>
      )}
      {error && <Failure error={error} retry={loadMore} />}
      {page.hasNextPage && (
        <button type="button" className="secondary" onClick={loadMore} disabled={loading}>
          {loading ? 'Loading…' : 'More'}
        </button>
      )}
    </section>
  );
}

function CheckInEntry({ entry }: { entry: CheckInEntryFragment }) {
  const headingId = `checkin-${entry.id}`;
  const answered = prompts.filter((p) => entry[p.field].trim() !== '');
  return (
    <article className="checkin card" aria-labelledby={headingId}>
      <header className="checkin-header">
        <h3 id={headingId}>
          {checkInKindLabels[entry.kind]} · <time dateTime={entry.heldOn}>{entry.heldOn}</time>
        </h3>
        <span className="muted">by {entry.author?.name ?? 'someone no longer known'}</span>
      </header>
      {answered.length > 0 ? (
        <dl className="prompt-answers">
          {answered.map((p) => (
            <div key={p.field}>
              <dt>{p.question}</dt>
              <dd>{entry[p.field]}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted small">No prompts answered.</p>
      )}
      <p className="checkin-outcome">
        <span>
          Observed change:{' '}
          {entry.observedChange ? (
            observedChangeLabels[entry.observedChange]
          ) : (
            <span className="muted">not recorded</span>
          )}
        </span>
        <span>
          Status after: <StatusBadge status={entry.statusAfter} />
          {entry.statusReason && ` ${entry.statusReason}`}
        </span>
      </p>
      <Note note={entry.note} isPrivate={entry.notePrivate} />
    </article>
  );
}

/**
 * The note: the server sends a private note to its author only and null
 * to everyone else, with notePrivate telling them one exists.
 */
function Note({ note, isPrivate }: { note?: string | null; isPrivate: boolean }) {
  if (note == null) {
    return isPrivate ? <p className="checkin-note muted">Private note: only its author can read it.</p> : null;
  }
  if (note.trim() === '') return null;
  return (
    <p className="checkin-note">
      <span className="label">{isPrivate ? 'Private note (only you can read it): ' : 'Note: '}</span>
      {note}
    </p>
  );
}
