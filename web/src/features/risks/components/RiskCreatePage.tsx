// Registering a new risk.
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { fieldErrors } from '../../../lib/problem';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { createRisk, getCriteria } from '../api';
import { emptyRiskForm, inputFromForm, riskFormErrors, type RiskFormValues } from '../risks';
import { RiskForm } from './RiskForm';

export function RiskCreatePage() {
  useTitle('New risk');
  const session = useSession();
  const navigate = useNavigate();
  const criteria = useAsync((signal) => getCriteria(signal), []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [initial] = useState(emptyRiskForm);

  if (!session.canWrite) return <Navigate to="/risks" replace />;

  async function submit(values: RiskFormValues) {
    const local = riskFormErrors(values);
    setErrors(local);
    setError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const created = await createRisk(inputFromForm(values));
      navigate(`/risks/${encodeURIComponent(created.id)}`, { state: { flash: `${created.id} “${created.title}” was registered.` } });
    } catch (e) {
      const fields = e instanceof ApiError ? fieldErrors(e.problem) : {};
      setError(e);
      setErrors(fields);
      if (!Object.keys(fields).length) window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/risks">Risks</Link> <span aria-hidden="true">/</span> New
      </nav>
      <h1>New risk</h1>
      <p className="muted">A title and the inherent likelihood and impact are required; the rest can be completed as the treatment takes shape.</p>
      <ErrorBanner error={error} />
      <ErrorBanner error={criteria.error} title="The risk criteria could not be loaded." />
      {criteria.loading && !criteria.data ? <Loading /> : null}
      {criteria.data ? (
        <RiskForm criteria={criteria.data.criteria} initial={initial} errors={errors} busy={busy} submitLabel="Register risk" onSubmit={(v) => void submit(v)} onCancel={() => navigate('/risks')} />
      ) : null}
    </div>
  );
}
