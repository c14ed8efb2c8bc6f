// The checklist: the audit's rows in catalog order, paged by the server, each with its result,
// what was examined and the evidence and records seen; a row is recorded in place, and a finding
// is recorded from its row. The controls the SoA excludes are listed with its reason.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAsync, usePendingAction } from '../../../lib/hooks';
import { ConfirmDialog, EmptyState, ErrorBanner, Field, Loading } from '../../../lib/ui';
import { checklist, start, updateRow, type Audit, type ChecklistRow } from '../api';
import { idList, resultLabels } from '../labels';
import { DataTable } from '../../../components/DataTable';
import { FindingForm } from './FindingForm';

export function ChecklistTab({ audit, etag, conduct, onChanged }: { audit: Audit; etag: string; conduct: boolean; onChanged: () => void }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const [epoch, setEpoch] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [finding, setFinding] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const starting = usePendingAction();
  const cursor = cursors[cursors.length - 1];
  const page = useAsync((signal) => checklist(audit.id, cursor, signal), [audit.id, cursor, epoch, audit.version]);
  const canRecord = conduct && audit.status === 'in_progress';
  if (audit.status === 'planned')
    return (
      <>
        <h2>Checklist</h2>
        <EmptyState title="The checklist is generated when the audit starts" testId="checklist-empty">
          One row per clause and Annex A control in the audit&apos;s scope; controls the Statement of Applicability excludes are skipped with its reason.
        </EmptyState>
        {conduct ? (
          <button type="button" className="btn btn-primary" data-testid="audit-start" onClick={() => setConfirm(true)}>Start the audit</button>
        ) : null}
        {starting.error ? <div className="banner banner-error" role="alert">{starting.error}</div> : null}
        <ConfirmDialog open={confirm} title="Start the audit?" confirmLabel="Start" busy={starting.busy}
          onCancel={() => setConfirm(false)}
          onConfirm={() => void starting.run(async () => { await start(audit.id, etag); setConfirm(false); onChanged(); })}>
          The checklist is generated from the catalog and the Statement of Applicability as they stand now.
        </ConfirmDialog>
      </>
    );
  return (
    <>
      <h2>Checklist</h2>
      {page.error ? <ErrorBanner error={page.error} title="The checklist could not be loaded." /> : null}
      {!page.data ? (
        page.error ? null : <Loading />
      ) : (
        <>
          <p>{page.data.total} row(s).</p>
          <DataTable columns={['Requirement', 'Result', 'Examined', 'Evidence and records seen', ...(canRecord ? [{ label: 'Actions', hidden: true }] : [])]} testId="checklist">
            {page.data.items.map((r) => (
              <RowView key={r.id} audit={audit} row={r} canRecord={canRecord} editing={editing === r.id} findingOpen={finding === r.id}
                onEdit={() => setEditing(editing === r.id ? null : r.id)}
                onFinding={() => setFinding(finding === r.id ? null : r.id)}
                onSaved={() => { setEditing(null); setFinding(null); setEpoch((e) => e + 1); }} />
            ))}
          </DataTable>
          {page.data.next ? (
            <button type="button" className="btn" onClick={() => setCursors([...cursors, page.data!.next!])}>Next page</button>
          ) : null}
          {page.data.skipped.length ? (
            <>
              <h3>Excluded in the Statement of Applicability</h3>
              <ul data-testid="checklist-skipped">
                {page.data.skipped.map((s) => (
                  <li key={s.id}>
                    <strong>{s.id}</strong> {s.title}: {s.reason || 'no reason given'}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </>
  );
}

function RowView({ audit, row, canRecord, editing, findingOpen, onEdit, onFinding, onSaved }: {
  audit: Audit; row: ChecklistRow; canRecord: boolean; editing: boolean; findingOpen: boolean;
  onEdit: () => void; onFinding: () => void; onSaved: () => void;
}) {
  const seen = [...row.evidence_ids, ...row.record_refs];
  return (
    <>
      <tr data-row={row.id}>
        <td><strong>{row.id}</strong> {row.title}</td>
        <td data-testid="row-result">{row.result ? resultLabels[row.result] : '—'}</td>
        <td>{row.examined ?? '—'}</td>
        <td>
          {seen.length
            ? seen.map((s, i) => (
                <span key={s}>
                  {i ? ', ' : ''}
                  {s.startsWith('EV-') ? <Link to={`/evidence/${encodeURIComponent(s)}`}>{s}</Link> : s}
                </span>
              ))
            : '—'}
        </td>
        {canRecord ? (
          <td>
            <button type="button" className="btn btn-sm" aria-expanded={editing} data-testid="row-record" onClick={onEdit}>Record</button>{' '}
            <button type="button" className="btn btn-sm" aria-expanded={findingOpen} data-testid="row-finding" onClick={onFinding}>Finding</button>
          </td>
        ) : null}
      </tr>
      {editing ? (
        <tr>
          <td colSpan={5}><RowForm audit={audit} row={row} onSaved={onSaved} /></td>
        </tr>
      ) : null}
      {findingOpen ? (
        <tr>
          <td colSpan={5}><FindingForm auditId={audit.id} requirement={row.id} onSaved={onSaved} /></td>
        </tr>
      ) : null}
    </>
  );
}

function RowForm({ audit, row, onSaved }: { audit: Audit; row: ChecklistRow; onSaved: () => void }) {
  const [examined, setExamined] = useState(row.examined ?? '');
  const [evidence, setEvidence] = useState(row.evidence_ids.join(', '));
  const [refs, setRefs] = useState(row.record_refs.join(', '));
  const [result, setResult] = useState<string>(row.result ?? '');
  const { busy, error, run } = usePendingAction();
  function submit(e: React.FormEvent) {
    e.preventDefault();
    return run(async () => {
      await updateRow(audit.id, row, {
        examined, evidence_ids: idList(evidence), record_refs: idList(refs),
        result: (result || null) as ChecklistRow['result'],
      });
      onSaved();
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={`Record ${row.id}`} data-testid="row-form">
      <Field label="What was examined" name="examined">
        {({ id }) => <textarea id={id} name="examined" rows={3} value={examined} onChange={(e) => setExamined(e.target.value)} />}
      </Field>
      <Field label="Evidence seen (EV- numbers, separated by commas)" name="evidence_ids">
        {({ id }) => <input id={id} name="evidence_ids" value={evidence} onChange={(e) => setEvidence(e.target.value)} />}
      </Field>
      <Field label="Records seen (numbers such as R-3 or DOC-1, or AI system ids)" name="record_refs">
        {({ id }) => <input id={id} name="record_refs" value={refs} onChange={(e) => setRefs(e.target.value)} />}
      </Field>
      <Field label="Result" name="result">
        {({ id }) => (
          <select id={id} name="result" value={result} onChange={(e) => setResult(e.target.value)}>
            <option value="">Not recorded</option>
            {Object.entries(resultLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        )}
      </Field>
      {error ? <div className="banner banner-error" role="alert" data-testid="row-error">{error}</div> : null}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="row-save">Save the row</button>
    </form>
  );
}
