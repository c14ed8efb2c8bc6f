// Registering a new risk.
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { scrollUnlessFields, useFormSubmit } from '../../../components/records/useFormSubmit';
import { useAsync, useTitle } from '../../../lib/hooks';
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
  const form = useFormSubmit();
  const [initial] = useState(emptyRiskForm);

  if (!session.canWrite) return <Navigate to="/risks" replace />;

  function submit(values: RiskFormValues) {
    void form.submit({
      validate: () => riskFormErrors(values),
      write: () => createRisk(inputFromForm(values)),
      onSaved: (created) => navigate(`/risks/${encodeURIComponent(created.id)}`, { state: { flash: `${created.id} “${created.title}” was registered.` } }),
      onFailed: scrollUnlessFields,
    });
  }

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/risks">Risks</Link> <span aria-hidden="true">/</span> New
      </nav>
      <h1>New risk</h1>
      <p className="muted">A title and the inherent likelihood and impact are required; the rest can be completed as the treatment takes shape.</p>
      <ErrorBanner error={form.error} />
      <ErrorBanner error={criteria.error} title="The risk criteria could not be loaded." />
      {criteria.loading && !criteria.data ? <Loading /> : null}
      {criteria.data ? (
        <RiskForm criteria={criteria.data.criteria} initial={initial} errors={form.errors} busy={form.busy} submitLabel="Register risk" onSubmit={submit} onCancel={() => navigate('/risks')} />
      ) : null}
    </div>
  );
}
