// The organization settings page: segregation of duties per workflow, and whether SoA approval
// requires a justification for every applicable control. Everyone sees the settings;
// admins change them under If-Match, everyone else sees them read-only with the reason.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { Banner, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getOrgSettings, putOrgSettings, type OrgSettings } from '../api';

type Duties = OrgSettings['segregation_of_duties'];

const duties: { key: keyof Duties; label: string; rule: string }[] = [
  { key: 'impact_approval', label: 'Impact assessment approval', rule: 'The user who submitted an impact assessment for review may not approve it.' },
  { key: 'risk_acceptance', label: 'Risk acceptance', rule: 'The user who created a risk, or made the last change to it, may not accept it.' },
  { key: 'soa_approval', label: 'Statement of Applicability approval', rule: 'A user who changed entries since the last approved version may not approve the next one.' },
];

export function OrgSettingsPage() {
  useTitle('Organization settings');
  const session = useSession();
  const isAdmin = session.role === 'admin';
  const loaded = useAsync((signal) => getOrgSettings(signal), [session.orgEpoch]);
  const [values, setValues] = useState<Duties | null>(null);
  const [justification, setJustification] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const s = loaded.data?.settings;
  useEffect(() => {
    if (s) setValues({ ...s.segregation_of_duties });
    if (s) setJustification(!!s.soa_justification_required);
  }, [s?.version, session.orgEpoch]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!values || !loaded.data?.etag) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      loaded.setData(await putOrgSettings({ segregation_of_duties: values, soa_justification_required: justification }, loaded.data.etag));
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setConflict(true);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <h1>Organization settings</h1>
      <h2>Segregation of duties</h2>
      <p className="muted">
        With a workflow segregated, nobody approves or accepts their own work: the server refuses it, and another manager or admin (for
        risks: another person the risk criteria allow) signs off instead. These settings decide who may approve, so only admins change them.
      </p>
      <ErrorBanner error={loaded.error} title="The organization settings could not be loaded." />
      {loaded.loading && !values ? <Loading /> : null}
      {conflict ? (
        <Banner kind="warning">
          Someone else changed the settings meanwhile.{' '}
          <button type="button" className="btn btn-sm" onClick={() => { setConflict(false); loaded.reload(); }}>Reload</button>
        </Banner>
      ) : null}
      {saved ? <Banner kind="success" testId="flash">Settings saved; they apply to the next approval.</Banner> : null}
      {error ? <div className="banner banner-error" role="alert" data-testid="error-banner">{error}</div> : null}
      {values && s ? (
        <form className="card" onSubmit={save} noValidate data-testid="org-settings-form">
          <fieldset disabled={!isAdmin} style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="sr-only">Segregated workflows</legend>
            {duties.map((d) => (
              <div className="field" key={d.key}>
                <label>
                  <input type="checkbox" name={d.key} checked={values[d.key]} data-testid={`sod-${d.key}`}
                    onChange={(e) => setValues((old) => (old ? { ...old, [d.key]: e.target.checked } : old))} />{' '}
                  <strong>{d.label}</strong>
                </label>
                <p className="muted small">{d.rule}</p>
              </div>
            ))}
          </fieldset>
          <h2>Statement of Applicability</h2>
          <fieldset disabled={!isAdmin} style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="sr-only">Approval rules</legend>
            <div className="field">
              <label>
                <input type="checkbox" name="soa_justification_required" checked={justification} data-testid="soa-justification-required"
                  onChange={(e) => setJustification(e.target.checked)} />{' '}
                <strong>Require a justification for every applicable control</strong>
              </label>
              <p className="muted small">Approving a version is refused while an applicable control has no justification. Off by default.</p>
            </div>
          </fieldset>
          <p className="muted small" data-testid="org-settings-version">
            {s.version ? `Version ${s.version}, last changed by ${s.updated_by ?? '—'}.` : 'These are the defaults; no one has changed them yet.'}
          </p>
          {isAdmin ? (
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="org-settings-save">
                {busy ? 'Saving…' : 'Save settings'}
              </button>
            </div>
          ) : (
            <p className="muted small" data-testid="org-settings-readonly">Only admins change these settings.</p>
          )}
        </form>
      ) : null}
    </div>
  );
}
