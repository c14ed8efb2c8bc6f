// Editing a risk with optimistic concurrency: PATCH carries If-Match with the ETag read; a 412
// offers to reload the latest version.
import { useNavigate } from 'react-router-dom';
import { backToRecord } from '../../../components/RecordPage';
import { EditFrame, useEditedRecord } from '../../../components/records/EditPage';
import { scrollUnlessFields } from '../../../components/records/useFormSubmit';
import { useTitle } from '../../../lib/hooks';
import { Banner } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getCriteria, getRisk, updateRisk } from '../api';
import { formFromRisk, patchFromForm, riskFormErrors, type RiskFormValues } from '../risks';
import { RiskForm } from './RiskForm';

export function RiskEditPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { loaded, edit, gate } = useEditedRecord(
    async (id, signal) => {
      const [r, c] = await Promise.all([getRisk(id, signal), getCriteria(signal)]);
      return { ...r, criteria: c.criteria };
    },
    session.canWrite,
    '/risks',
    'The risk could not be loaded.',
  );
  useTitle(loaded.data ? `Edit ${loaded.data.risk.id}` : 'Edit risk');

  if (gate || !loaded.data) return gate;
  const { risk, etag, criteria } = loaded.data;
  const detailUrl = `/risks/${encodeURIComponent(risk.id)}`;

  function submit(values: RiskFormValues) {
    void edit.save({
      validate: () => riskFormErrors(values),
      patch: () => patchFromForm(risk, values),
      ...backToRecord(navigate, detailUrl),
      etag,
      noun: 'this risk',
      write: (patch, tag) => updateRisk(risk.id, patch, tag),
      onSaved: (saved) => {
        const withdrawn = risk.acceptance_state === 'accepted' && saved.risk.acceptance_state === 'withdrawn';
        navigate(detailUrl, { state: { flash: withdrawn ? 'Changes saved. The new residual score withdrew the acceptance.' : 'Changes saved.' } });
      },
      onFailed: scrollUnlessFields,
    });
  }

  return (
    <EditFrame
      edit={edit}
      what="this risk"
      links={[['/risks', 'Risks'], [detailUrl, risk.id]]}
      title={`Edit ${risk.id}: ${risk.title}`}
      notice={
        risk.acceptance_state === 'accepted' ? (
          <Banner kind="info">This risk is formally accepted. Changing its residual likelihood or impact withdraws the acceptance.</Banner>
        ) : null
      }
    >
      <RiskForm
        key={`${edit.formKey}-${risk.version}`}
        criteria={criteria}
        initial={formFromRisk(risk)}
        errors={edit.errors}
        busy={edit.busy}
        submitLabel="Save changes"
        onSubmit={submit}
        onCancel={() => navigate(detailUrl)}
      />
    </EditFrame>
  );
}
