// The workflow part of a document's page: its versions (start a minor or major draft, show one),
// the chosen version (VersionView), the diff of two versions, "reviewed, no change", and the
// acknowledgements of the published version (coverage, and the caller's own acknowledgement).
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { acknowledge, coverage, diffVersions, listVersions, reviewDocument, startDraft } from '../api';
import { statusLabel, VersionView } from './VersionView';

export function DocumentWorkflow({ id }: { id: string }) {
  const session = useSession();
  const versions = useAsync((signal) => listVersions(id, signal), [id, session.orgEpoch]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [epoch, setEpoch] = useState(0);

  if (versions.error) return <ErrorBanner error={versions.error} title="The versions could not be loaded." />;
  if (!versions.data) return <Loading />;
  const items = versions.data;
  const open = items.find((v) => v.status === 'draft' || v.status === 'in_review');
  const published = items.find((v) => v.status === 'published');
  const label = chosen ?? open?.label ?? published?.label ?? items[0]?.label ?? null;
  const changed = () => {
    versions.reload();
    setEpoch((e) => e + 1);
  };

  async function act(run: () => Promise<unknown>, then?: (r: unknown) => void) {
    setBusy(true);
    setError(null);
    try {
      const r = await run();
      then?.(r);
      changed();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="document-workflow" data-testid="document-workflow">
      <section className="card" aria-label="Versions" data-testid="document-versions">
        <h2>Versions</h2>
        {error ? (
          <div className="banner banner-error" role="alert" data-testid="workflow-error">
            {error}
          </div>
        ) : null}
        {items.length ? (
          <table className="table">
            <thead>
              <tr>
                <th>Version</th>
                <th>Status</th>
                <th>Author</th>
                <th>Written</th>
                <th>Change note</th>
              </tr>
            </thead>
            <tbody>
              {items.map((v) => (
                <tr key={v.label} aria-current={v.label === label ? 'true' : undefined} data-version={v.label}>
                  <td>
                    <button type="button" className="link-button mono" onClick={() => setChosen(v.label)}>
                      {v.label}
                    </button>
                  </td>
                  <td>{statusLabel(v.status)}</td>
                  <td>{v.author_email ?? v.author}</td>
                  <td>{formatDateTime(v.created_at)}</td>
                  <td>{v.change_note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No version yet.</p>
        )}
        {session.canWrite && !open ? (
          <div className="page-actions">
            <button type="button" className="btn btn-primary" disabled={busy} data-testid="draft-minor"
              onClick={() => void act(() => startDraft(id, 'minor'), (v) => setChosen((v as { label: string }).label))}>
              {published ? 'New minor version' : 'Write version 1.0'}
            </button>
            {published ? (
              <button type="button" className="btn" disabled={busy} data-testid="draft-major"
                onClick={() => void act(() => startDraft(id, 'major'), (v) => setChosen((v as { label: string }).label))}>
                New major version
              </button>
            ) : null}
            {published ? (
              <button type="button" className="btn" disabled={busy} data-testid="document-review" onClick={() => void act(() => reviewDocument(id, ''))}>
                Reviewed, no change
              </button>
            ) : null}
          </div>
        ) : null}
      </section>
      {label ? <VersionView key={`${label}-${epoch}`} id={id} label={label} onChanged={changed} /> : null}
      {items.length > 1 ? <DiffPanel id={id} labels={items.map((v) => v.label)} /> : null}
      {published ? <Acknowledgements key={`ack-${epoch}`} id={id} onChanged={changed} /> : null}
    </div>
  );
}

function DiffPanel({ id, labels }: { id: string; labels: string[] }) {
  const [from, setFrom] = useState(labels[1]);
  const [to, setTo] = useState(labels[0]);
  const diff = useAsync((signal) => diffVersions(id, from, to, signal), [id, from, to]);
  const pick = (value: string, set: (v: string) => void, name: string) => (
    <select aria-label={name} value={value} onChange={(e) => set(e.target.value)}>
      {labels.map((l) => (
        <option key={l}>{l}</option>
      ))}
    </select>
  );
  return (
    <section className="card" aria-label="Changes between versions" data-testid="document-diff">
      <h2>
        Changes from {pick(from, setFrom, 'From version')} to {pick(to, setTo, 'To version')}
      </h2>
      {diff.error ? <ErrorBanner error={diff.error} /> : null}
      <pre className="diff">
        {(diff.data?.lines ?? []).map((l, i) => (
          <div key={i} className={`diff-${l.op}`} data-op={l.op}>
            {l.op === 'added' ? '+ ' : l.op === 'removed' ? '- ' : '  '}
            {l.text}
          </div>
        ))}
      </pre>
    </section>
  );
}

function Acknowledgements({ id, onChanged }: { id: string; onChanged: () => void }) {
  const session = useSession();
  const me = session.me?.user.id;
  const cov = useAsync((signal) => coverage(id, signal), [id]);
  const [error, setError] = useState<string | null>(null);
  if (!cov.data || !cov.data.required) return null;
  const mine = cov.data.members.find((m) => m.user_id === me);
  return (
    <section className="card" aria-label="Acknowledgements" data-testid="document-acks">
      <h2>Acknowledgements of version {cov.data.label}</h2>
      <p data-testid="ack-coverage">
        {cov.data.acknowledged} of {cov.data.audience_size} acknowledged
      </p>
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      {mine && !mine.acknowledged_at ? (
        <button
          type="button"
          className="btn btn-primary"
          data-testid="ack-button"
          onClick={() =>
            void acknowledge(id).then(
              () => {
                cov.reload();
                onChanged();
              },
              (e: unknown) => setError(errorMessage(e)),
            )
          }
        >
          I have read and acknowledge version {cov.data.label}
        </button>
      ) : mine ? (
        <p data-testid="ack-done">You acknowledged version {mine.label} on {formatDateTime(mine.acknowledged_at ?? '')}.</p>
      ) : null}
      <ul>
        {cov.data.members.map((m) => (
          <li key={m.user_id}>
            {m.email}: {m.acknowledged_at ? `acknowledged ${m.label}` : 'not yet'}
          </li>
        ))}
      </ul>
    </section>
  );
}
