// Registering a new risk.
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { FormPage } from '../../../components/RecordPage';
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
    <FormPage
      links={[['/risks', 'Risks']]}
      current="New"
      title="New risk"
      intro="A title and the inherent likelihood and impact are required; the rest can be completed as the treatment takes shape."
    >
      <ErrorBanner error={form.error} />
      <ErrorBanner error={criteria.error} title="The risk criteria could not be loaded." />
      {criteria.loading && !criteria.data ? <Loading /> : null}
      {criteria.data ? (
        <RiskForm criteria={criteria.data.criteria} initial={initial} errors={form.errors} busy={form.busy} submitLabel="Register risk" onSubmit={submit} onCancel={() => navigate('/risks')} />
      ) : null}
    </FormPage>
  );
}
