// Registering a new AI system.
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { useTitle } from '../../../lib/hooks';
import { fieldErrors } from '../../../lib/problem';
import { ErrorBanner } from '../../../lib/ui';
import { useSession } from '../../auth';
import { createSystem } from '../api';
import { clientErrors, emptyForm, inputFromForm, type FormValues } from '../form';
import { SystemForm } from './SystemForm';

export function SystemCreatePage() {
  useTitle('New AI system');
  const session = useSession();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [initial] = useState(emptyForm);

  if (!session.canWrite) return <Navigate to="/systems" replace />;

  async function submit(values: FormValues) {
    const local = clientErrors(values);
    setErrors(local);
    setError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const created = await createSystem(inputFromForm(values));
      navigate(`/systems/${encodeURIComponent(created.id)}`, { state: { flash: `“${created.name}” was registered.` } });
    } catch (e) {
      const fields = e instanceof ApiError ? fieldErrors(e.problem) : {};
      setError(e);
      setErrors(fields);
      // Field errors take focus themselves; anything else is explained at the top.
      if (!Object.keys(fields).length) window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/systems">AI systems</Link> <span aria-hidden="true">/</span> New
      </nav>
      <h1>New AI system</h1>
      <p className="muted">Name and purpose are required; everything else can be completed later.</p>
      <ErrorBanner error={error} />
      <SystemForm mode="create" initial={initial} errors={errors} busy={busy} submitLabel="Register AI system" onSubmit={submit} onCancel={() => navigate('/systems')} />
    </div>
  );
}
