// Editing a risk with optimistic concurrency: PATCH carries If-Match with the ETag read; a 412
// offers to reload the latest version.
import { RecordEditPage } from '../../../components/records/EditPage';
import { Banner } from '../../../lib/ui';
import { getCriteria, getRisk, updateRisk } from '../api';
import { formFromRisk, patchFromForm, riskFormErrors } from '../risks';
import { RiskForm } from './RiskForm';

export function RiskEditPage() {
  return (
    <RecordEditPage
      load={async (id, signal) => {
        const [r, c] = await Promise.all([getRisk(id, signal), getCriteria(signal)]);
        return { ...r, criteria: c.criteria };
      }}
      list={['/risks', 'Risks']} noun="risk"
      view={({ risk, etag }) => ({ id: risk.id, name: risk.id, title: `${risk.id}: ${risk.title}`, etag, version: risk.version })}
      notice={({ risk }) =>
        risk.acceptance_state === 'accepted' ? (
          <Banner kind="info">This risk is formally accepted. Changing its residual likelihood or impact withdraws the acceptance.</Banner>
        ) : null
      }
      initial={(d) => formFromRisk(d.risk)}
      validate={riskFormErrors} patch={(d, values) => patchFromForm(d.risk, values)}
      write={(d, patch, tag) => updateRisk(d.risk.id, patch, tag)}
      savedFlash={({ risk }, saved) =>
        risk.acceptance_state === 'accepted' && saved.risk.acceptance_state === 'withdrawn'
          ? 'Changes saved. The new residual score withdrew the acceptance.'
          : 'Changes saved.'
      }
      form={(props, d) => <RiskForm {...props} criteria={d.criteria} />}
    />
  );
}
