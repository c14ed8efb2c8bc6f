// One evidence file: its metadata (editable with If-Match), download, the records it supports and
// its chain of custody; deletion (manager, admin) with confirmation once nothing links to it.
import { ActionDialog, useConfirmedAction } from '../../../components/records/ActionDialog';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Breadcrumbs, FlashBanner, loadGate, PageHead, useFlash } from '../../../components/RecordPage';
import { errorMessage } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDateTime, labelOf } from '../../../lib/labels';
import { Banner } from '../../../lib/ui';
import { useSession } from '../../auth';
import { deleteEvidence, downloadEvidence, getEvidence } from '../api';
import { classificationLabels, formatSize } from '../evidence';
import { ClassificationBadge, FreshnessBadge } from './badges';
import { EventsCard } from './EventsCard';
import { LinksCard } from './LinksCard';
import { MetadataForm } from './MetadataForm';

export function EvidenceDetailPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const loaded = useAsync((signal) => getEvidence(id, signal), [id]);
  const [editing, setEditing] = useState(false);
  const del = useConfirmedAction();
  const [tick, setTick] = useState(0);
  const flash = useFlash();
  useTitle(loaded.data?.evidence.title ?? 'Evidence');

  const gate = loadGate(loaded, ['/evidence', 'Evidence'], 'The evidence could not be loaded.');
  if (gate || !loaded.data) return gate;
  const { evidence: e, etag } = loaded.data;

  async function download() {
    del.setError(null);
    try {
      await downloadEvidence(e);
      setTick((t) => t + 1);
    } catch (err) {
      del.setError(errorMessage(err));
    }
  }

  const remove = () =>
    del.run(async () => {
      await deleteEvidence(e.id, etag ?? `"v${e.version}"`);
      navigate('/evidence', { replace: true });
    });

  const refresh = () => {
    loaded.reload();
    setTick((t) => t + 1);
  };
  return (
    <div className="page" data-testid="evidence-detail">
      <Breadcrumbs links={[['/evidence', 'Evidence']]}>{e.number}</Breadcrumbs>
      <PageHead
        title={
          <>
            {e.number} {e.title}
          </>
        }
        badges={
          <>
            <FreshnessBadge value={e.freshness} expires={e.expires_on} />
            <ClassificationBadge value={e.classification} />
            {e.deleted ? <span className="badge badge-archived">Deleted</span> : null}
          </>
        }
        actions={
          <>
            {!e.deleted ? (
              <button type="button" className="btn btn-primary" onClick={() => void download()} data-testid="download-evidence">
                Download
              </button>
            ) : null}
            {session.canWrite && !e.deleted && !editing ? (
              <button type="button" className="btn" onClick={() => setEditing(true)} data-testid="edit-evidence">
                Edit details
              </button>
            ) : null}
            {session.canManage && !e.deleted ? (
              <button type="button" className="btn btn-danger-outline" onClick={() => del.setOpen(true)} data-testid="delete-evidence">
                Delete
              </button>
            ) : null}
          </>
        }
      />
      <FlashBanner message={flash} />
      {e.deleted ? (
        <Banner kind="info">
          Deleted on {formatDateTime(e.deleted_at)} by {e.deleted_by}. The file is gone; this record and its chain of custody remain.
        </Banner>
      ) : null}
      {del.error && !del.open ? <div className="banner banner-error" role="alert" data-testid="action-error">{del.error}</div> : null}

      <section className="card" aria-labelledby="ev-details">
        <h2 id="ev-details">Details</h2>
        {editing && etag ? (
          <MetadataForm
            evidence={e}
            etag={etag}
            onCancel={() => setEditing(false)}
            onSaved={(v) => {
              loaded.setData(v);
              setEditing(false);
              setTick((t) => t + 1);
            }}
          />
        ) : (
          <dl className="fields" data-testid="evidence-fields">
            {[
              ['Description', e.description || '—'],
              ['File', `${e.filename} (${e.file_type_label}, ${formatSize(e.size)})`],
              ['Stored as', e.content_type],
              ['SHA-256', e.sha256],
              ['Effective date', e.effective_date ?? '—'],
              ['Expires on', e.expires_on ?? 'Does not expire'],
              ['Owner', e.owner || '—'],
              ['Classification', labelOf(classificationLabels, e.classification)],
              ['Uploaded', `${formatDateTime(e.uploaded_at)} by ${e.uploaded_by}`],
              ['Last changed', `${formatDateTime(e.updated_at)} by ${e.updated_by} (version ${e.version})`],
            ].map(([k, v]) => (
              <div key={k} className="field-row">
                <dt>{k}</dt>
                <dd className={k === 'SHA-256' ? 'mono' : 'prewrap'}>{v}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <LinksCard evidenceId={e.id} canWrite={session.canWrite && !e.deleted} onChanged={refresh} />
      <EventsCard evidenceId={e.id} version={e.version * 1000 + tick} />

      <ActionDialog action={del} title="Delete this evidence?" confirmLabel="Delete" danger onConfirm={() => void remove()} errorTestId="delete-error">
        <p>
          The file of {e.number} “{e.title}” will be removed from the vault. Its record and chain of custody stay. Evidence that is still linked to
          records cannot be deleted: unlink it first.
        </p>
      </ActionDialog>
    </div>
  );
}
