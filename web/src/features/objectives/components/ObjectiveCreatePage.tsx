// Setting a new AI objective.
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { createObjective } from '../api';
import { clientErrors, emptyForm, inputFromForm, type FormValues } from '../form';
import { todayUtc } from '../labels';
import { exactFieldErrors, loadFormOptions } from '../options';
import { ObjectiveForm } from './ObjectiveForm';

export function ObjectiveCreatePage() {
  useTitle('New AI objective');
  const session = useSession();
  const navigate = useNavigate();
  const options = useAsync((signal) => loadFormOptions(signal), []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (!session.canWrite) return <Navigate to="/objectives" replace />;

  async function submit(values: FormValues) {
    const local = clientErrors(values);
    setErrors(local);
    setError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const o = await createObjective(inputFromForm(values));
      navigate(`/objectives/${encodeURIComponent(o.key)}`, { state: { flash: `${o.key} was created. Record its first reading below.` } });
    } catch (e) {
      const fields = e instanceof ApiError ? exactFieldErrors(e.problem) : {};
      setErrors(fields);
      if (!Object.keys(fields).length) {
        setError(e);
        window.scrollTo({ top: 0 });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/objectives">AI objectives</Link> <span aria-hidden="true">/</span> New
      </nav>
      <h1>New AI objective</h1>
      <p className="muted">A measurable objective for AI (ISO/IEC 42001 clause 6.2): what is measured, the target, and how it will be reached.</p>
      <ErrorBanner error={error} />
      <ErrorBanner error={options.error} title="The choices for the form could not be loaded." />
      {options.data ? (
        <ObjectiveForm
          mode="create"
          initial={emptyForm(todayUtc())}
          options={options.data}
          errors={errors}
          busy={busy}
          submitLabel="Create objective"
          onSubmit={(v) => void submit(v)}
          onCancel={() => navigate('/objectives')}
        />
      ) : options.loading ? (
        <Loading />
      ) : null}
    </div>
  );
}
