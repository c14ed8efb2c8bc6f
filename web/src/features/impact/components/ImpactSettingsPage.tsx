// The organization's thresholds for sensitive and restricted uses: everyone reads them; admins
// change them under If-Match (they decide who may approve).
import { useEffect, useState } from 'react';
import { PairOptions } from '../../../components/FormParts';
import { Breadcrumbs } from '../../../components/RecordPage';
import { SettingsFoot, SettingsNotices, useSettingsSave } from '../../../components/records/SettingsSave';
import { useAsync, useTitle } from '../../../lib/hooks';
import { ErrorBanner, Field, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getSettings, putSettings, type ImpactSettingsInput } from '../api';

const scoreChoices = Array.from({ length: 16 }, (_, i): [string, string] => [String(i + 1), String(i + 1)]);

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

  const select = (k: keyof ImpactSettingsInput, label: string, choices: [string, string][]) =>
    values ? (
      <Field label={label} name={k} error={errors[k]}>
        {({ id }) => (
          <select id={id} name={k} value={values[k]} onChange={(e) => set(k, e.target.value)}>
            <PairOptions options={choices} />
          </select>
        )}
      </Field>
    ) : null;

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
              {select('sensitive_score', 'Sensitive from score', scoreChoices)}
              {select('restricted_score', 'Restricted from score', scoreChoices)}
              {select('restricted_approver', 'Who approves restricted uses', [['admin', 'Admins only'], ['manager', 'Managers and admins']])}
              {select('measures_required_from', 'Harms that need a measure before approval', [['restricted', 'Restricted harms'], ['sensitive', 'Sensitive and restricted harms'], ['none', 'None']])}
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
