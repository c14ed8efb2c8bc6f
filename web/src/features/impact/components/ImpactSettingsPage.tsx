// The organization's thresholds for sensitive and restricted uses: everyone reads them; admins
// change them under If-Match (they decide who may approve).
import { useEffect, useState, type FormEvent } from 'react';
import { Breadcrumbs } from '../../../components/RecordPage';
import { ApiError, errorMessage } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { fieldErrors } from '../../../lib/problem';
import { Banner, ErrorBanner, Field, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getSettings, putSettings, type ImpactSettingsInput } from '../api';

const scores = Array.from({ length: 16 }, (_, i) => i + 1);

export function ImpactSettingsPage() {
  useTitle('Impact assessment thresholds');
  const session = useSession();
  const loaded = useAsync((signal) => getSettings(signal), []);
  const [values, setValues] = useState<ImpactSettingsInput | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const s = loaded.data?.settings;
  useEffect(() => {
    if (s) setValues({ sensitive_score: s.sensitive_score, restricted_score: s.restricted_score, restricted_approver: s.restricted_approver, measures_required_from: s.measures_required_from });
  }, [s?.version]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!values || !loaded.data?.etag) return;
    setBusy(true);
    setError(null);
    setErrors({});
    setSaved(false);
    try {
      loaded.setData(await putSettings(values, loaded.data.etag));
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setConflict(true);
      else {
        setError(errorMessage(err));
        if (err instanceof ApiError) setErrors(fieldErrors(err.problem));
      }
    } finally {
      setBusy(false);
    }
  }

  const set = (k: keyof ImpactSettingsInput, v: string) =>
    setValues((old) => (old ? { ...old, [k]: k.endsWith('_score') ? Number(v) : v } as ImpactSettingsInput : old));

  return (
    <div className="page page-narrow">
      <Breadcrumbs links={[['/impact', 'Impact assessments']]}>Thresholds</Breadcrumbs>
      <h1>Thresholds for sensitive and restricted uses</h1>
      <p className="muted">
        Each harm scores severity (1 minor, 2 moderate, 3 serious, 4 critical) × likelihood (1 rare, 2 possible, 3 likely, 4 almost certain),
        from 1 to 16. A harm at or above the sensitive score makes the use <strong>sensitive</strong>: a manager or admin approves it with a
        note. At or above the restricted score it is <strong>restricted</strong>: the approver named below approves it, with a note and with
        measures against the harms the rule names.
      </p>
      <ErrorBanner error={loaded.error} title="The thresholds could not be loaded." />
      {loaded.loading && !values ? <Loading /> : null}
      {conflict ? (
        <Banner kind="warning">
          Someone else changed the thresholds meanwhile. <button type="button" className="btn btn-sm" onClick={() => { setConflict(false); loaded.reload(); }}>Reload</button>
        </Banner>
      ) : null}
      {saved ? <Banner kind="success" testId="flash">Thresholds saved; every assessment's outcome follows them now.</Banner> : null}
      {error ? <div className="banner banner-error" role="alert">{error}</div> : null}
      {values && s ? (
        <form className="card" onSubmit={save} noValidate data-testid="impact-settings-form">
          <fieldset disabled={session.role !== 'admin'} style={{ border: 0, padding: 0, margin: 0 }}>
            <div className="form-grid">
              <Field label="Sensitive from score" name="sensitive_score" error={errors.sensitive_score}>
                {({ id }) => (
                  <select id={id} name="sensitive_score" value={values.sensitive_score} onChange={(e) => set('sensitive_score', e.target.value)}>
                    {scores.map((n) => <option key={n} value={n}>{n}</option>)}
                  </select>
                )}
              </Field>
              <Field label="Restricted from score" name="restricted_score" error={errors.restricted_score}>
                {({ id }) => (
                  <select id={id} name="restricted_score" value={values.restricted_score} onChange={(e) => set('restricted_score', e.target.value)}>
                    {scores.map((n) => <option key={n} value={n}>{n}</option>)}
                  </select>
                )}
              </Field>
              <Field label="Who approves restricted uses" name="restricted_approver" error={errors.restricted_approver}>
                {({ id }) => (
                  <select id={id} name="restricted_approver" value={values.restricted_approver} onChange={(e) => set('restricted_approver', e.target.value)}>
                    <option value="admin">Admins only</option>
                    <option value="manager">Managers and admins</option>
                  </select>
                )}
              </Field>
              <Field label="Harms that need a measure before approval" name="measures_required_from" error={errors.measures_required_from}>
                {({ id }) => (
                  <select id={id} name="measures_required_from" value={values.measures_required_from} onChange={(e) => set('measures_required_from', e.target.value)}>
                    <option value="restricted">Restricted harms</option>
                    <option value="sensitive">Sensitive and restricted harms</option>
                    <option value="none">None</option>
                  </select>
                )}
              </Field>
            </div>
          </fieldset>
          <p className="muted small">
            {s.version ? `Version ${s.version}, last changed by ${s.updated_by ?? '—'}.` : 'These are the defaults; no one has changed them yet.'}
          </p>
          {session.role === 'admin' ? (
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy ? 'Saving…' : 'Save thresholds'}
              </button>
            </div>
          ) : (
            <p className="muted small">Only admins change the thresholds: they decide who may approve.</p>
          )}
        </form>
      ) : null}
    </div>
  );
}
