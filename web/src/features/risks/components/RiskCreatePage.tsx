// Registering a new risk.
import { RecordCreatePage } from '../../../components/records/CreatePage';
import { createRisk, getCriteria } from '../api';
import { emptyRiskForm, inputFromForm, riskFormErrors } from '../risks';
import { RiskForm } from './RiskForm';

export function RiskCreatePage() {
  return (
    <RecordCreatePage
      list={['/risks', 'Risks']} title="New risk"
      intro="A title and the inherent likelihood and impact are required; the rest can be completed as the treatment takes shape."
      submitLabel="Register risk"
      needs={{ load: getCriteria, failedTitle: 'The risk criteria could not be loaded.' }}
      initial={emptyRiskForm}
      validate={riskFormErrors} write={(values) => createRisk(inputFromForm(values))}
      created={(r) => [`/risks/${encodeURIComponent(r.id)}`, `${r.id} “${r.title}” was registered.`]}
      form={(props, c) => <RiskForm {...props} criteria={c.criteria} />}
    />
  );
}
