// Starting an impact assessment: pick the AI system (or come with ?system_id=), optionally a title;
// the server fills the rest from the inventory and the form opens.
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { FormPage } from '../../../components/RecordPage';
import { ApiError } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { fieldErrors } from '../../../lib/problem';
import { EmptyState, ErrorBanner, Field, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { createImpact, systemChoices } from '../api';
import { impactPath } from './ImpactListPage';

export function ImpactCreatePage() {
  useTitle('New impact assessment');
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const systems = useAsync((signal) => systemChoices(signal), []);
  const [systemId, setSystemId] = useState(params.get('system_id') ?? '');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (!session.canWrite) return <Navigate to="/impact" replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!systemId) {
      setErrors({ system_id: 'choose the AI system to assess' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const a = await createImpact({ system_id: systemId, ...(title.trim() ? { title: title.trim() } : {}) });
      navigate(impactPath(a.id), { state: { flash: `${a.ref} created from the inventory record of ${a.system?.name ?? 'the AI system'}.` } });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setErrors(fieldErrors(err.problem));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormPage
      className="page page-narrow"
      links={[['/impact', 'Impact assessments']]}
      current="New"
      title="New impact assessment"
      intro={
        <>
          Choose the AI system. Its purpose, intended use, foreseeable misuse, data sources, model, deployment context, human oversight and
          affected people are copied from the inventory as a starting point; you complete and change them in the form.
        </>
      }
    >
      {systems.loading && !systems.data ? <Loading /> : null}
      <ErrorBanner error={systems.error} title="The AI systems could not be loaded." />
      {systems.data && systems.data.length === 0 ? (
        <EmptyState title="No AI systems to assess">
          <p>Register an AI system in the inventory first.</p>
          <Link className="btn btn-primary" to="/systems/new">
            Register an AI system
          </Link>
        </EmptyState>
      ) : null}
      {systems.data && systems.data.length > 0 ? (
        <form className="card" onSubmit={submit} noValidate data-testid="impact-create-form">
          <ErrorBanner error={Object.keys(errors).length ? null : error} />
          <Field label="AI system" required error={errors.system_id} name="system_id">
            {({ id, describedBy, invalid }) => (
              <select id={id} name="system_id" value={systemId} aria-describedby={describedBy} aria-invalid={invalid || undefined}
                onChange={(e) => setSystemId(e.target.value)}>
                <option value="">Choose…</option>
                {systems.data?.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Title" hint="Leave empty for “Impact assessment of <system>”." error={errors.title} name="title">
            {({ id, describedBy, invalid }) => (
              <input id={id} name="title" type="text" maxLength={200} value={title} aria-describedby={describedBy} aria-invalid={invalid || undefined}
                onChange={(e) => setTitle(e.target.value)} />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? 'Creating…' : 'Create draft'}
            </button>
            <Link className="btn" to="/impact">
              Cancel
            </Link>
          </div>
        </form>
      ) : null}
    </FormPage>
  );
}
