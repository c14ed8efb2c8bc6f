// The organization's thresholds for sensitive and restricted uses: everyone reads them; admins
// change them under If-Match (they decide who may approve).
import { useEffect, useState } from 'react';
import { Breadcrumbs } from '../../../components/RecordPage';
import { SettingsFoot, SettingsNotices, useSettingsSave } from '../../../components/records/SettingsSave';
import { useAsync, useTitle } from '../../../lib/hooks';
import { ErrorBanner, Field, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getSettings, putSettings, type ImpactSettingsInput } from '../api';

const scores = Array.from({ length: 16 }, (_, i) => i + 1);

export function ImpactSettingsPage() {
  useTitle('Impact assessment thresholds');
  const session = useSession();
  const loaded = useAsync((signal) => getSettings(signal), []);
  const [values, setValues] = useState<ImpactSettingsInput | null>(null);
  const saving = useSettingsSave(loaded, (etag) => putSettings(values as ImpactSettingsInput, etag));
  const errors = saving.errors;
  const s = loaded.data?.settings;
  useEffect(() => {
    if (s) setValues({ sensitive_score: s.sensitive_score, restricted_score: s.restricted_score, restricted_approver: s.restricted_approver, measures_required_from: s.measures_required_from });
  }, [s?.version]);

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
      <SettingsNotices state={saving} what="the thresholds" savedText="Thresholds saved; every assessment's outcome follows them now." />
      {values && s ? (
        <form className="card" onSubmit={(e) => void saving.save(e)} noValidate data-testid="impact-settings-form">
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
          <SettingsFoot
            state={saving}
            settings={s}
            canChange={session.role === 'admin'}
            saveLabel="Save thresholds"
            readOnly="Only admins change the thresholds: they decide who may approve."
          />
        </form>
      ) : null}
    </div>
  );
}
