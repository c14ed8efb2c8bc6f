// Editing an AI system with optimistic concurrency: PATCH carries If-Match with the ETag read.
import { useNavigate, useParams } from 'react-router-dom';
import { backToRecord, editGate, FormPage } from '../../../components/RecordPage';
import { scrollUnlessFields } from '../../../components/records/useFormSubmit';
import { ConflictBanner, useVersionedEdit } from '../../../components/records/useVersionedEdit';
import { useAsync, useTitle } from '../../../lib/hooks';
import { ErrorBanner } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getSystem, updateSystem } from '../api';
import { clientErrors, formFromSystem, patchFromForm, type FormValues } from '../form';
import { SystemForm } from './SystemForm';

export function SystemEditPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const loaded = useAsync((signal) => getSystem(id, signal), [id]);
  const edit = useVersionedEdit(loaded.reload);
  useTitle(loaded.data ? `Edit ${loaded.data.system.name}` : 'Edit AI system');

  const gate = editGate(session.canWrite, `/systems/${encodeURIComponent(id)}`, loaded, 'The AI system could not be loaded.');
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
    <FormPage links={[['/systems', 'AI systems'], [detailUrl, system.name]]} current="Edit" title={`Edit ${system.name}`}>
      <ConflictBanner edit={edit} what="this AI system" />
      <ErrorBanner error={edit.error} />
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
    </FormPage>
  );
}
