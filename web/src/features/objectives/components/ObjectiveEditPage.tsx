// Changing an AI objective with optimistic concurrency: PATCH carries If-Match with the ETag read,
// and a 412 offers to reload the latest version.
import { useNavigate } from 'react-router-dom';
import { backToRecord } from '../../../components/RecordPage';
import { EditFrame, useEditedRecord } from '../../../components/records/EditPage';
import { scrollUnlessFields } from '../../../components/records/useFormSubmit';
import { useTitle } from '../../../lib/hooks';
import { useSession } from '../../auth';
import { getObjective, updateObjective } from '../api';
import { clientErrors, formFromObjective, patchFromForm, type FormValues } from '../form';
import { exactFieldErrors, loadFormOptions } from '../options';
import { ObjectiveForm } from './ObjectiveForm';

export function ObjectiveEditPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { loaded, edit, gate } = useEditedRecord(
    async (id, signal) => {
      const [o, options] = await Promise.all([getObjective(id, signal), loadFormOptions(signal)]);
      // A system archived since keeps its place in the choices, so that saving does not unlink it.
      const sid = o.objective.system_id;
      if (sid && !options.systems.some((s) => s.value === sid))
        options.systems.unshift({ value: sid, label: `${o.objective.system_name ?? sid} (archived)` });
      return { ...o, options };
    },
    session.canWrite,
    '/objectives',
    'The objective could not be loaded.',
  );
  useTitle(loaded.data ? `Edit ${loaded.data.objective.key}` : 'Edit AI objective');

  if (gate || !loaded.data) return gate;
  const { objective, etag, options } = loaded.data;
  const detailUrl = `/objectives/${encodeURIComponent(objective.key)}`;

  function submit(values: FormValues) {
    void edit.save({
      validate: () => clientErrors(values),
      patch: () => patchFromForm(objective, values),
      ...backToRecord(navigate, detailUrl),
      etag,
      noun: 'this objective',
      write: (patch, tag) => updateObjective(objective.id, patch, tag),
      toFieldErrors: exactFieldErrors,
      quietWithFieldErrors: true,
      onFailed: scrollUnlessFields,
    });
  }

  return (
    <EditFrame edit={edit} what="this objective" links={[['/objectives', 'AI objectives'], [detailUrl, objective.key]]} title={`Edit ${objective.key}: ${objective.title}`}>
      <ObjectiveForm
        key={`${edit.formKey}-${objective.version}`}
        mode="edit"
        initial={formFromObjective(objective)}
        options={options}
        errors={edit.errors}
        busy={edit.busy}
        submitLabel="Save changes"
        onSubmit={submit}
        onCancel={() => navigate(detailUrl)}
      />
    </EditFrame>
  );
}
