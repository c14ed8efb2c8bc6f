// The documents the person logged in is asked to acknowledge, with their acknowledgement of each.
import { Link } from 'react-router-dom';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { myAcknowledgements } from '../api';

export function MyAcknowledgementsPage() {
  const session = useSession();
  useTitle('My acknowledgements');
  const mine = useAsync((signal) => myAcknowledgements(signal), [session.orgEpoch]);
  if (mine.error) return <ErrorBanner error={mine.error} title="Your acknowledgements could not be loaded." />;
  if (!mine.data) return <Loading />;
  return (
    <div className="page" data-testid="my-acks">
      <h1>My acknowledgements</h1>
      <p>{mine.data.missing ? `${mine.data.missing} document(s) wait for your acknowledgement.` : 'You have acknowledged every document asked of you.'}</p>
      {mine.data.items.length ? (
        <table className="table">
          <thead>
            <tr>
              <th>Document</th>
              <th>Published version</th>
              <th>Your acknowledgement</th>
            </tr>
          </thead>
          <tbody>
            {mine.data.items.map((i) => (
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
    </div>
  );
}
