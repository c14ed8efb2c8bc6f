// The AIMS scope page (clause 4.3): the certificate statement (recomputed by the server as the form
// changes), the drift with its one-click fixes, the form (units, sites, roles, every AI system in
// or out of scope with its reason, interfaces, boundaries), approval and the history. Everyone
// reads it; contributors and above save drafts and send them to named approvers (admins or
// managers), each of whom approves or rejects (the controlled-document approval).
import { useEffect, useState, type FormEvent } from 'react';
import { ApprovalRound } from '../../../components/records/ApprovalRound';
import { ApproverPicker } from '../../../components/records/ApproverPicker';
import { RecordHistory } from '../../../components/records/RecordHistory';
import { ApiError, errorMessage } from '../../../lib/api';
import { useAsync, useDebounced, useTitle } from '../../../lib/hooks';
import { formatDateTime, organizationRoleLabels, type OrganizationRole } from '../../../lib/labels';
import { fieldErrors } from '../../../lib/problem';
import { canWrite } from '../../../lib/roles';
import { Banner, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { decideScope, getScope, getScopeHistory, inputOf, listPlaceableSystems, previewStatement, putScope, submitScope, type ScopeInput } from '../api';
import { DriftList } from './DriftList';
import { ScopeSystems } from './ScopeSystems';

type Input = Required<ScopeInput>;
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function ScopePage() {
  useTitle('AIMS scope');
  const session = useSession();
  const loaded = useAsync((signal) => getScope(signal), [session.orgEpoch]);
  const systems = useAsync((signal) => listPlaceableSystems(signal), [session.orgEpoch, loaded.data?.scope.version]);
  const [form, setForm] = useState<Input | null>(null);
  const [text, setText] = useState({ units: '', sites: '', interfaces: '' });
  const [statement, setStatement] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const s = loaded.data?.scope;
  useEffect(() => {
    if (!s) return;
    setForm(inputOf(s));
    setText({ units: s.units.join('\n'), sites: s.sites.join('\n'), interfaces: s.interfaces.join('\n') });
    setStatement(s.statement);
  }, [s?.version, session.orgEpoch]);

  const body: Input | null = form && { ...form, units: lines(text.units), sites: lines(text.sites), interfaces: lines(text.interfaces) };
  const debounced = useDebounced(body ? JSON.stringify(body) : '', 300);
  useEffect(() => {
    if (!debounced) return;
    const ctl = new AbortController();
    previewStatement(JSON.parse(debounced) as Input, ctl.signal).then(setStatement, () => undefined);
    return () => ctl.abort();
  }, [debounced]);

  async function write(call: (etag: string) => ReturnType<typeof putScope>, done: string) {
    const etag = loaded.data?.etag;
    if (!etag) return;
    setBusy(true);
    setError(null);
    setErrors({});
    setNotice('');
    try {
      loaded.setData(await call(etag));
      setNotice(done);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) setErrors(fieldErrors(e.problem));
    } finally {
      setBusy(false);
    }
  }

  function save(e: FormEvent) {
    e.preventDefault();
    if (body) void write((etag) => putScope(body, etag), 'Scope saved as a draft.');
  }

  const writable = canWrite(session.role);
  return (
    <div className="page">
      <h1>AIMS scope</h1>
      <p className="muted">What the AI management system covers (ISO/IEC 42001 clause 4.3): units, sites, AI systems in and out of scope, roles and boundaries.</p>
      <ErrorBanner error={loaded.error} title="The scope could not be loaded." />
      {loaded.loading && !s ? <Loading /> : null}
      {s && form ? (
        <>
          <section className="card" aria-labelledby="scope-statement-title">
            <h2 id="scope-statement-title">Scope statement for the certificate</h2>
            <p data-testid="scope-statement">{statement}</p>
            <p className="muted small" data-testid="scope-status">
              {s.version === 0 ? 'Not saved yet.' : `Version ${s.version}, `}
              {s.version > 0 && s.status === 'approved' ? `approved by ${s.approved_by} on ${formatDateTime(s.approved_at ?? '')}.` : null}
              {s.version > 0 && s.status === 'draft' ? `draft by ${s.updated_by}; approved by the admins or managers it is sent to, never its last author.` : null}
              {s.version > 0 && s.status === 'in_approval' ? `by ${s.updated_by}, in approval.` : null}
            </p>
            {writable && s.version > 0 && s.status === 'draft' ? (
              <ApproverPicker author={s.author} busy={busy} onSubmit={(ids) => void write((etag) => submitScope(ids, etag), 'Scope sent for approval.')} testId="scope" epoch={session.orgEpoch} />
            ) : null}
            <ApprovalRound
              approval={s.approval}
              open={s.status === 'in_approval'}
              me={session.me?.user.id}
              author={s.author ?? ''}
              busy={busy}
              onDecide={(approve, comment) => void write((etag) => decideScope(approve, comment, etag), approve ? 'Approval recorded.' : 'Scope rejected: a draft again.')}
              testId="scope"
            />
          </section>
          {notice ? <Banner kind="success" testId="scope-notice">{notice}</Banner> : null}
          {error ? (
            <Banner kind="error" testId="scope-error">
              {errorMessage(error)}
              {error instanceof ApiError && error.status === 412 ? (
                <button type="button" className="btn btn-sm" onClick={loaded.reload}>Reload</button>
              ) : null}
            </Banner>
          ) : null}
          <DriftList drift={s.drift} busy={busy || !writable}
            place={(next) => void write((etag) => putScope(next(inputOf(s)), etag), 'Scope saved as a draft.')} />
          <form className="card" onSubmit={save} noValidate data-testid="scope-form">
            <fieldset disabled={!writable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              {(['units', 'sites', 'interfaces'] as const).map((k) => (
                <div className="field" key={k}>
                  <label htmlFor={`scope-${k}`}>
                    {k === 'units' ? 'Organizational units' : k === 'sites' ? 'Sites and locations' : 'Interfaces and dependencies (outside the boundary, and how they connect)'}
                    <span className="muted small"> — one per line</span>
                  </label>
                  <textarea id={`scope-${k}`} name={k} rows={3} value={text[k]} data-testid={`scope-${k}`}
                    onChange={(e) => setText((t) => ({ ...t, [k]: e.target.value }))} />
                  {errors[k] ? <p className="field-error">{errors[k]}</p> : null}
                </div>
              ))}
              <fieldset className="field">
                <legend>The organization's AI roles</legend>
                {(Object.keys(organizationRoleLabels) as OrganizationRole[]).map((r) => (
                  <label key={r} style={{ marginRight: '1rem' }}>
                    <input type="checkbox" checked={form.ai_roles.includes(r)} data-testid={`scope-role-${r}`}
                      onChange={(e) => setForm({ ...form, ai_roles: e.target.checked ? [...form.ai_roles, r] : form.ai_roles.filter((x) => x !== r) })} />{' '}
                    {organizationRoleLabels[r]}
                  </label>
                ))}
                {errors.ai_roles ? <p className="field-error">{errors.ai_roles}</p> : null}
              </fieldset>
              <ScopeSystems systems={systems.data ?? []} names={s.names} value={form} errors={errors} onChange={setForm} />
              <div className="field">
                <label htmlFor="scope-boundaries">Boundaries and notes</label>
                <textarea id="scope-boundaries" name="boundaries" rows={3} value={form.boundaries} data-testid="scope-boundaries"
                  onChange={(e) => setForm({ ...form, boundaries: e.target.value })} />
              </div>
            </fieldset>
            {writable ? (
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="scope-save">Save draft</button>
            ) : (
              <p className="muted">Your role reads the scope; contributors, managers and admins change it.</p>
            )}
          </form>
          {s.version > 0 ? (
            <section className="card" aria-labelledby="scope-history-title">
              <h2 id="scope-history-title">History</h2>
              <RecordHistory load={getScopeHistory} recordId="scope" version={s.version} recordType="scope" testId="scope-history"
                operationLabels={{ create: 'Created', update: 'Changed', submit: 'Sent for approval', approve: 'Approved', reject: 'Rejected' }}
                fieldLabel={(f) => f.replace(/_/g, ' ')} showValue={(_f, v) => (v == null ? '—' : typeof v === 'string' ? v : JSON.stringify(v))} />
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
