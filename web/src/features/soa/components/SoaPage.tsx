// The Statement of Applicability (working copy): all Annex A controls by area with inline editing,
// filters, the status summary, each control's answer in the latest completed assessment (named) and
// its conflict with the status, approval of a numbered version (with the controls still lacking a
// justification) and the export.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { DataTable, GroupRow } from '../../../components/DataTable';
import { LabelOptions, PairOptions, SelectField } from '../../../components/FormParts';
import { errorMessage } from '../../../lib/api';
import { useAsync, useSearchText, useTitle } from '../../../lib/hooks';
import { formatDate, formatDateTime, labelOf, optionsOf } from '../../../lib/labels';
import { pickParams } from '../../../lib/query';
import { Banner, ConfirmDialog, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { SnapshotsPanel } from '../../snapshots';
import { soaApprovalBlock, useSegregation } from '../../org';
import { getMaturityLevels } from '../../assessments';
import { approveVersion, exportSoa, getSoa, listAreas, listVersions, type SoaEntry, type SoaExportFormat } from '../api';
import { implementationLabels, reasonLabels } from '../labels';
import { byArea, matches, soaFilterKeys, type SoaFilters } from '../soa';
import { ConflictNote } from './ConflictNote';
import { EntryEditor } from './EntryEditor';
import { ControlCells, ExportButtons, LatestAnswer, LinkedRisks, RefList, SummaryBar } from './SoaParts';

export function SoaPage() {
  useTitle('Statement of Applicability');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filters = pickParams(params, soaFilterKeys) as SoaFilters;
  const soa = useAsync((signal) => getSoa(signal), []);
  const areas = useAsync((signal) => listAreas(signal), []);
  const versions = useAsync((signal) => listVersions(signal), []);
  const levels = useAsync(() => getMaturityLevels(), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [flash, setFlash] = useState<{ kind: 'success' | 'warning'; text: string } | null>(null);
  const [approving, setApproving] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [search, setSearch] = useSearchText(250);
  const duties = useSegregation();

  if (soa.loading && !soa.data) return <Loading />;
  if (soa.error || !soa.data) return <ErrorBanner error={soa.error} title="The Statement of Applicability could not be loaded." />;
  const data = soa.data;
  const areaTitle = (id: string) => areas.data?.find((a) => a.id === id)?.title ?? '';
  const levelName = (n: number) => levels.data?.find((l) => l.level === n)?.name;
  const shown = data.items.filter((e) => matches(e, filters));
  const groups = byArea(shown);
  const hasFilters = soaFilterKeys.some((k) => filters[k]);
  const latest = versions.data?.[0];
  const ownWork = soaApprovalBlock(duties, data.items, data.latest_version ? latest?.approved_at : null, session.me?.user.email);
  const conflicts = data.items.filter((e) => e.conflict && !e.conflict.kept).length;
  const missing = data.justification_missing;

  const setFilter = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p, { replace: true });
  };

  const onSaved = (saved: SoaEntry) => {
    soa.setData({ ...data, items: data.items.map((e) => (e.control_id === saved.control_id ? saved : e)) });
    setEditing(null);
    setFlash({ kind: 'success', text: `${saved.control_id} saved.` });
    soa.reload(); // the summary is the server's
  };

  async function approve() {
    setBusy(true);
    setActionError(null);
    try {
      const v = await approveVersion(note.trim());
      setApproving(false);
      setNote('');
      setFlash({ kind: 'success', text: `Version ${v.number} approved. It can no longer change; later edits go into the next version.` });
      versions.reload();
      soa.reload();
    } catch (e) {
      setApproving(false);
      setActionError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function doExport(format: SoaExportFormat) {
    setActionError(null);
    try {
      await exportSoa(format);
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  return (
    <div className="page page-wide">
      <div className="page-head">
        <div>
          <h1>Statement of Applicability</h1>
          <p className="muted">
            The Annex A controls, whether each applies and why, and how far it is implemented. Working copy
            {data.latest_version ? (
              <>
                {' '}
                · last approved: <Link to={`/soa/versions/${data.latest_version}`}>version {data.latest_version}</Link>
                {latest ? ` (${formatDateTime(latest.approved_at)})` : ''}
              </>
            ) : (
              ' · no version approved yet'
            )}
          </p>
          <p className="muted small" data-testid="soa-answers-from">
            {data.answers_from ? (
              <>
                Maturity from the latest completed assessment:{' '}
                <Link to={`/assessments/${encodeURIComponent(data.answers_from.assessment_id)}/results`}>{data.answers_from.name}</Link> (
                {formatDate(data.answers_from.assessment_date)}).
              </>
            ) : (
              'No assessment is completed yet: maturity shows here once one is (drafts do not count).'
            )}
          </p>
        </div>
        <div className="page-actions">
          <Link className="btn" to="/soa/versions" data-testid="soa-history">
            Versions
          </Link>
          <ExportButtons onExport={(f) => void doExport(f)} />
          {session.canManage ? (
            <button type="button" className="btn btn-primary" onClick={() => setApproving(true)} disabled={!!ownWork}
              title={ownWork ?? undefined} data-testid="soa-approve">
              Approve version…
            </button>
          ) : null}
        </div>
        {session.canManage && ownWork ? <p className="muted small blocked-reason" data-testid="soa-approve-blocked">{ownWork}</p> : null}
      </div>
      {flash ? (
        <Banner kind={flash.kind} testId="flash">
          {flash.text}
        </Banner>
      ) : null}
      {actionError ? <div className="banner banner-error" role="alert" data-testid="error-banner">{actionError}</div> : null}

      {conflicts ? (
        <Banner kind="warning" testId="soa-conflicts">
          {conflicts} control{conflicts === 1 ? '' : 's'} {conflicts === 1 ? 'has a status that contradicts' : 'have a status that contradicts'} the assessed
          maturity: keep the status with a reason, or change it.
        </Banner>
      ) : null}
      <section className="card">
        <SummaryBar summary={data.summary} testId="soa-summary" />
      </section>

      <div className="filters card" role="search" aria-label="Filter controls">
        <div className="field field-search">
          <label htmlFor="soa-search">Search</label>
          <input id="soa-search" type="search" placeholder="Control, title, justification, owner, reference…" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} data-testid="soa-search" />
        </div>
        <SelectField id="soa-area" label="Area" value={filters.area ?? ''} onChange={(v) => setFilter('area', v)} all="All areas">
          <PairOptions options={byArea(data.items).map((g) => [g.area, `${g.area} ${areaTitle(g.area)}`] as const)} />
        </SelectField>
        <SelectField id="soa-applicable" label="Applicable" value={filters.applicable ?? ''} onChange={(v) => setFilter('applicable', v)}>
          <PairOptions options={[['yes', 'Applicable'], ['no', 'Excluded']]} />
        </SelectField>
        <SelectField id="soa-status" label="Implementation" value={filters.status ?? ''} onChange={(v) => setFilter('status', v)}>
          <LabelOptions labels={implementationLabels} keys={optionsOf(implementationLabels)} />
        </SelectField>
      </div>
      <div className="table-meta" aria-live="polite">
        <span data-testid="soa-count">
          {shown.length === data.items.length ? `${data.items.length} controls` : `${shown.length} of ${data.items.length} controls`}
        </span>
        {hasFilters ? (
          <button
            type="button"
            className="link-btn"
            onClick={() => {
              setSearch('');
              setParams({}, { replace: true });
            }}
          >
            Clear filters
          </button>
        ) : null}
        {soa.loading ? <span className="spinner" aria-label="Loading" /> : null}
      </div>

      <DataTable columns={['Control', 'Status', 'Owner', 'Justification', 'Latest answer', { label: 'Edit', hidden: true }]} className="soa-table" testId="soa-table" groups>
        {groups.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={6} className="muted">
                No control matches these filters.
              </td>
            </tr>
          </tbody>
        ) : null}
        {groups.map((g) => (
          <tbody key={g.area} data-area={g.area}>
            <GroupRow columns={6}>
              <span className="tree-id">{g.area}</span> {areaTitle(g.area)}
            </GroupRow>
            {g.entries.map((e) => (
              <EntryRows
                key={e.control_id}
                entry={e}
                editing={editing === e.control_id}
                canEdit={session.canWrite}
                levelName={levelName}
                onEdit={() => setEditing(e.control_id)}
                onCancel={() => setEditing(null)}
                onSaved={onSaved}
                onConflict={() => {
                  setEditing(null);
                  setFlash({ kind: 'warning', text: `Someone else changed ${e.control_id} meanwhile; the latest version is shown. Make your change again.` });
                  soa.reload();
                }}
              />
            ))}
          </tbody>
        ))}
      </DataTable>

      <ConfirmDialog open={approving} title="Approve this version?" confirmLabel="Approve" busy={busy} onConfirm={() => void approve()} onCancel={() => setApproving(false)}>
        <p>
          The working copy becomes version {(data.latest_version ?? 0) + 1} of the Statement of Applicability: numbered, dated, signed off by
          you, and never changed again.
        </p>
        <p data-testid="approve-justifications">
          {missing.length === 0
            ? `Every applicable control (${data.summary.applicable}) has a justification.`
            : `${missing.length} of ${data.summary.applicable} applicable controls have no justification${data.justification_required ? ': the organization requires one for each, so approval will be refused' : ''}.`}
        </p>
        {missing.length ? <p className="muted small" data-testid="approve-missing">{missing.join(', ')}</p> : null}
        <div className="field">
          <label htmlFor="approve-note">Note (optional)</label>
          <textarea id="approve-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder="E.g. approved at the management review of 12 March" data-testid="approve-note" />
        </div>
      </ConfirmDialog>
      <SnapshotsPanel register="soa" />
    </div>
  );
}

interface RowsProps {
  entry: SoaEntry;
  editing: boolean;
  canEdit: boolean;
  levelName: (n: number) => string | undefined;
  onEdit: () => void;
  onCancel: () => void;
  onSaved: (e: SoaEntry) => void;
  onConflict: () => void;
}

function EntryRows({ entry: e, editing, canEdit, levelName, onEdit, onCancel, onSaved, onConflict }: RowsProps) {
  return (
    <>
      <tr data-control={e.control_id} className={`${editing ? 'row-editing' : ''}${e.applicable ? '' : ' row-excluded'}`}>
        <ControlCells entry={e}>
          {e.reasons.length ? <div className="cell-sub">{e.reasons.map((r) => labelOf(reasonLabels, r)).join(', ')}</div> : null}
          <LinkedRisks ids={e.linked_risks} applicable={e.applicable} />
        </ControlCells>
        <td>{e.owner || <span className="muted">—</span>}</td>
        <td className="soa-just">
          {e.justification ? <div className="clamp-2">{e.justification}</div> : <span className="muted">—</span>}
          <RefList label="Evidence" items={e.evidence_refs} />
          <RefList label="Policies" items={e.policy_refs} />
        </td>
        <td>
          <LatestAnswer value={e.latest_answer} levelName={levelName} />
          <ConflictNote entry={e} canEdit={canEdit} onSaved={onSaved}
            changeStatus={<button type="button" className="link-btn" onClick={onEdit}>change the status</button>} />
        </td>
        <td className="nowrap">
          {canEdit && !editing ? (
            <button type="button" className="btn btn-sm" onClick={onEdit} aria-label={`Edit ${e.control_id}`} data-testid={`edit-${e.control_id}`}>
              Edit
            </button>
          ) : null}
        </td>
      </tr>
      {editing ? (
        <tr className="editor-row" data-editor={e.control_id}>
          <td colSpan={6}>
            <EntryEditor entry={e} onSaved={onSaved} onCancel={onCancel} onConflict={onConflict} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
