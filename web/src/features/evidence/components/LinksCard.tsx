// The records one evidence file is linked to: each with a way to its page, removal with
// confirmation, and linking another record: its kind, then the record picked by name
// (RecordPicker; obligations through their AI system, title or article, answers through their item or
// assessment). Unknown targets show the server's reason.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { RecordPicker } from '../../../components/records/RecordPicker';
import { ApiError, errorMessage } from '../../../lib/api';
import { fieldErrors } from '../../../lib/problem';
import { useAsync } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { ConfirmDialog, ErrorBanner, Loading } from '../../../lib/ui';
import { addLink, listLinks, removeLink, type EvidenceLink } from '../api';
import { targetHref, targetLabel, targetTypes } from '../evidence';
import { targetSearch } from '../pickSources';

interface Props {
  evidenceId: string;
  canWrite: boolean;
  onChanged: () => void;
}

export function LinksCard({ evidenceId, canWrite, onChanged }: Props) {
  const links = useAsync((signal) => listLinks(evidenceId, signal), [evidenceId]);
  const [type, setType] = useState<string>('system');
  const [id, setId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<EvidenceLink | null>(null);

  async function add(target = `${type}:${id.trim()}`) {
    setBusy(true);
    setError(null);
    try {
      await addLink(evidenceId, target, note.trim() || undefined);
      setId('');
      setNote('');
      links.reload();
      onChanged();
    } catch (e) {
      const fe = e instanceof ApiError ? fieldErrors(e.problem) : {};
      setError(fe.target ? `${errorMessage(e)} (${fe.target})` : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!removing) return;
    setBusy(true);
    setError(null);
    try {
      await removeLink(evidenceId, removing.target);
      setRemoving(null);
      links.reload();
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const hint = targetTypes.find((t) => t.type === type)?.hint ?? '';
  const search = targetSearch(type);
  return (
    <section className="card" aria-labelledby="ev-links" data-testid="evidence-links">
      <h2 id="ev-links">Linked records</h2>
      <ErrorBanner error={links.error} />
      {links.loading && !links.data ? <Loading /> : null}
      {links.data && links.data.length === 0 ? <p className="muted">Not linked to any record yet.</p> : null}
      {links.data && links.data.length > 0 ? (
        <DataTable columns={['Record', 'Kind', 'Linked', ...(canWrite ? [{ label: 'Actions', hidden: true }] : [])]} wrap={false}>
          {links.data.map((l) => {
            const href = targetHref(l.target);
            return (
              <tr key={l.target} data-testid="evidence-link-row">
                <td>
                  {href ? <Link to={href}>{l.label}</Link> : l.label}
                  <div className="cell-sub mono">{l.target}</div>
                  {l.note ? <div className="cell-sub">{l.note}</div> : null}
                </td>
                <td>{targetLabel(l.target_type)}</td>
                <td className="nowrap">
                  {formatDateTime(l.linked_at)}
                  <div className="cell-sub">{l.linked_by}</div>
                </td>
                {canWrite ? (
                  <td>
                    <button type="button" className="btn btn-danger-outline" onClick={() => setRemoving(l)}>
                      Unlink
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </DataTable>
      ) : null}
      {canWrite ? (
        <form
          className="ev-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (id.trim()) void add();
          }}
          aria-label="Link to a record"
        >
          <div className="field">
            <label htmlFor="link-type">Kind</label>
            <select id="link-type" value={type} onChange={(e) => setType(e.target.value)}>
              {targetTypes.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="link-note">Note</label>
            <input id="link-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
          </div>
          {search ? (
            <RecordPicker
              label={`Find a record (${targetLabel(type)})`}
              placeholder="Name, title or number…"
              search={search}
              exclude={(links.data ?? []).map((l) => l.target)}
              onPick={(o) => add(o.key)}
              testId="link-picker"
            />
          ) : (
            <>
              <div className="field">
                <label htmlFor="link-id">Id</label>
                <input id="link-id" type="text" value={id} placeholder={hint} onChange={(e) => setId(e.target.value)} data-testid="link-id" />
              </div>
              <button type="submit" className="btn" disabled={busy || !id.trim()} data-testid="add-link">
                Link
              </button>
            </>
          )}
        </form>
      ) : null}
      {error && !removing ? <div className="banner banner-error" role="alert" data-testid="link-error">{error}</div> : null}
      <ConfirmDialog
        open={!!removing}
        title="Remove this link?"
        confirmLabel="Unlink"
        danger
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => {
          setRemoving(null);
          setError(null);
        }}
      >
        <p>The evidence stays in the vault; it will no longer be shown as supporting “{removing?.label}”.</p>
        {error ? <div className="banner banner-error" role="alert">{error}</div> : null}
      </ConfirmDialog>
    </section>
  );
}
