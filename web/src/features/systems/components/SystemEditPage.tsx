// Editing an AI system with optimistic concurrency: PATCH carries If-Match with the ETag read.
import { useNavigate } from 'react-router-dom';
import { backToRecord } from '../../../components/RecordPage';
import { EditFrame, useEditedRecord } from '../../../components/records/EditPage';
import { scrollUnlessFields } from '../../../components/records/useFormSubmit';
import { useTitle } from '../../../lib/hooks';
import { useSession } from '../../auth';
import { getSystem, updateSystem } from '../api';
import { clientErrors, formFromSystem, patchFromForm, type FormValues } from '../form';
import { SystemForm } from './SystemForm';

export function SystemEditPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { loaded, edit, gate } = useEditedRecord(getSystem, session.canWrite, '/systems', 'The AI system could not be loaded.');
  useTitle(loaded.data ? `Edit ${loaded.data.system.name}` : 'Edit AI system');

  if (gate || !loaded.data) return gate;
  const { system, etag } = loaded.data;
  const detailUrl = `/systems/${encodeURIComponent(system.id)}`;

  function submit(values: FormValues) {
    void edit.save({
      validate: () => clientErrors(values),
      patch: () => patchFromForm(system, values),
      ...backToRecord(navigate, detailUrl),
      etag,
      noun: 'this AI system',
      write: (patch, tag) => updateSystem(system.id, patch, tag),
      onFailed: scrollUnlessFields,
    });
  }

  return (
    <EditFrame edit={edit} what="this AI system" links={[['/systems', 'AI systems'], [detailUrl, system.name]]} title={`Edit ${system.name}`}>
      <SystemForm
        key={`${edit.formKey}-${system.version}`}
        mode="edit"
        systemId={system.id}
        initial={formFromSystem(system)}
        errors={edit.errors}
        busy={edit.busy}
        submitLabel="Save changes"
        onSubmit={submit}
        onCancel={() => navigate(detailUrl)}
      />
    </EditFrame>
  );
}
