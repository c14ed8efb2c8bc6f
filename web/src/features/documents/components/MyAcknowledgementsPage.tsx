// The documents the person logged in is asked to acknowledge, with their acknowledgement of each,
// a page at a time ("Show more" reads the next).
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { myAcknowledgements, type MyAcknowledgements } from '../api';

export function MyAcknowledgementsPage() {
  const session = useSession();
  useTitle('My acknowledgements');
  const mine = useAsync((signal) => myAcknowledgements(undefined, signal), [session.orgEpoch]);
  const [more, setMore] = useState<MyAcknowledgements | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  useEffect(() => setMore(null), [mine.data]);
  if (mine.error) return <ErrorBanner error={mine.error} title="Your acknowledgements could not be loaded." />;
  if (!mine.data) return <Loading />;
  const items = [...mine.data.items, ...(more?.items ?? [])];
  const next = more ? more.next : mine.data.next;
  async function showMore() {
    if (!next) return;
    try {
      const page = await myAcknowledgements(next);
      setMore((m) => ({ ...page, items: [...(m?.items ?? []), ...page.items] }));
    } catch (e) {
      setMoreError(e);
    }
  }
  return (
    <div className="page" data-testid="my-acks">
      <h1>My acknowledgements</h1>
      <p>{mine.data.missing ? `${mine.data.missing} document(s) wait for your acknowledgement.` : 'You have acknowledged every document asked of you.'}</p>
      {items.length ? (
        <table className="table">
          <thead>
            <tr>
              <th>Document</th>
              <th>Published version</th>
              <th>Your acknowledgement</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.document_id}>
                <td>
                  <Link to={`/documents/${encodeURIComponent(i.document_id ?? '')}`}>
                    {i.document_id} {i.title}
                  </Link>
                </td>
                <td>{i.label}</td>
                <td>{i.acknowledged_at ? `${i.acknowledged_label} on ${formatDateTime(i.acknowledged_at)}` : 'Missing'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState title="Nothing to acknowledge" />
      )}
      {items.length < mine.data.total ? <p className="muted small">{`${items.length} of ${mine.data.total} shown.`}</p> : null}
      <ErrorBanner error={moreError} title="The next page could not be loaded." />
      {next ? (
        <button type="button" className="btn" onClick={() => void showMore()} data-testid="my-acks-more">
          Show more
        </button>
      ) : null}
    </div>
  );
}
