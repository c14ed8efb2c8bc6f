// The organization settings page: the organization's name (admins rename it), segregation of duties per workflow, the organization profile
// (EU AI Act roles, fiscal year start, default review interval), and whether SoA approval
// requires a justification for every applicable control. Everyone sees the settings;
// admins change them under If-Match, everyone else sees them read-only with the reason.
import { useEffect, useState, type FormEvent } from 'react';
import { SettingsFoot, SettingsNotices, useSettingsSave } from '../../../components/records/SettingsSave';
import { errorMessage } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { Banner, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getOrgSettings, putOrgSettings, renameOrganization, type OrgSettings } from '../api';

type Duties = OrgSettings['segregation_of_duties'];
type AiRole = NonNullable<OrgSettings['ai_roles']>[number];
type Profile = { ai_roles: AiRole[]; fiscal_year_start_month: number; review_interval_months: number };

const aiRoles: { key: AiRole; label: string }[] = [
  { key: 'provider', label: 'Provider' },
  { key: 'deployer', label: 'Deployer' },
  { key: 'importer', label: 'Importer' },
  { key: 'distributor', label: 'Distributor' },
  { key: 'product_manufacturer', label: 'Product manufacturer' },
  { key: 'authorised_representative', label: 'Authorised representative' },
];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const duties: { key: keyof Duties; label: string; rule: string }[] = [
  { key: 'impact_approval', label: 'Impact assessment approval', rule: 'The user who submitted an impact assessment for review may not approve it.' },
  { key: 'risk_acceptance', label: 'Risk acceptance', rule: 'The user who created a risk, or made the last change to it, may not accept it.' },
  { key: 'soa_approval', label: 'Statement of Applicability approval', rule: 'A user who changed entries since the last approved version may not approve the next one.' },
];

/** The organization's name: admins rename it; the switcher and the page title follow at once. */
function NameCard() {
  const session = useSession();
  const current = session.me?.organization.name ?? '';
  const [name, setName] = useState(current);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setName(current), [current]);
  const isAdmin = session.role === 'admin';
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const org = await renameOrganization(name);
      await session.refresh();
      setNote({ ok: true, text: `The organization is now called ${org.name}.` });
    } catch (err) {
      setNote({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card">
      <h2>Name</h2>
      {note ? <Banner kind={note.ok ? 'success' : 'error'} testId="org-name-note">{note.text}</Banner> : null}
      <form className="form-row" onSubmit={(e) => void submit(e)} noValidate data-testid="org-name-form">
        <label>Organization name{' '}
          <input className="input" name="org-name" maxLength={200} value={name} disabled={!isAdmin} onChange={(e) => setName(e.target.value)} />
        </label>{' '}
        {isAdmin ? <button type="submit" className="btn btn-primary" disabled={busy}>Rename</button> : <span className="muted">Only admins rename the organization.</span>}
      </form>
    </section>
  );
}

export function OrgSettingsPage() {
  const session = useSession();
  useTitle(session.me ? `Organization settings · ${session.me.organization.name}` : 'Organization settings');
  const isAdmin = session.role === 'admin';
  const loaded = useAsync((signal) => getOrgSettings(signal), [session.orgEpoch]);
  const [values, setValues] = useState<Duties | null>(null);
  const [justification, setJustification] = useState(false);
  const [profile, setProfile] = useState<Profile>({ ai_roles: [], fiscal_year_start_month: 1, review_interval_months: 12 });
  const saving = useSettingsSave(loaded, (etag) =>
    putOrgSettings({ segregation_of_duties: values as Duties, soa_justification_required: justification, ...profile }, etag),
  );
  const s = loaded.data?.settings;
  useEffect(() => {
    if (s) setValues({ ...s.segregation_of_duties });
    if (s) setJustification(!!s.soa_justification_required);
    if (s) setProfile({ ai_roles: s.ai_roles ?? [], fiscal_year_start_month: s.fiscal_year_start_month ?? 1, review_interval_months: s.review_interval_months ?? 12 });
  }, [s?.version, session.orgEpoch]);

  return (
    <div className="page page-narrow">
      <h1>Organization settings</h1>
      <NameCard />
      <h2>Segregation of duties</h2>
      <p className="muted">
        With a workflow segregated, nobody approves or accepts their own work: the server refuses it, and another manager or admin (for
        risks: another person the risk criteria allow) signs off instead. These settings decide who may approve, so only admins change them.
      </p>
      <ErrorBanner error={loaded.error} title="The organization settings could not be loaded." />
      {loaded.loading && !values ? <Loading /> : null}
      <SettingsNotices state={saving} what="the settings" savedText="Settings saved; they apply to the next approval." errorTestId="error-banner" />
      {values && s ? (
        <form className="card" onSubmit={(e) => void saving.save(e)} noValidate data-testid="org-settings-form">
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
          <h2>Organization profile</h2>
          <fieldset disabled={!isAdmin} style={{ border: 0, padding: 0, margin: 0 }} data-testid="org-profile">
            <legend className="sr-only">Organization profile</legend>
            <div className="field">
              <strong>Roles under the EU AI Act</strong>
              {aiRoles.map((r) => (
                <label key={r.key} style={{ display: 'block' }}>
                  <input type="checkbox" name={`ai_role_${r.key}`} checked={profile.ai_roles.includes(r.key)}
                    onChange={(e) => setProfile((p) => ({ ...p, ai_roles: e.target.checked ? [...p.ai_roles, r.key] : p.ai_roles.filter((x) => x !== r.key) }))} />{' '}
                  {r.label}
                </label>
              ))}
            </div>
            <div className="field">
              <label htmlFor="fiscal-year-start">Fiscal year starts in</label>
              <select id="fiscal-year-start" value={profile.fiscal_year_start_month}
                onChange={(e) => setProfile((p) => ({ ...p, fiscal_year_start_month: Number(e.target.value) }))}>
                {months.map((m, i) => <option key={m} value={i + 1}>{m}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="review-interval">Default review interval (months)</label>
              <input id="review-interval" type="number" min={1} max={60} value={profile.review_interval_months}
                onChange={(e) => setProfile((p) => ({ ...p, review_interval_months: Number(e.target.value) }))} />
            </div>
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
          <SettingsFoot
            state={saving}
            settings={s}
            canChange={isAdmin}
            saveLabel="Save settings"
            readOnly="Only admins change these settings."
            testIds={{ version: 'org-settings-version', save: 'org-settings-save', readOnly: 'org-settings-readonly' }}
          />
        </form>
      ) : null}
    </div>
  );
}
