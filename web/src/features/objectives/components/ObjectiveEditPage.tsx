// Changing an AI objective with optimistic concurrency: PATCH carries If-Match with the ETag read,
// and a 412 offers to reload the latest version.
import { RecordEditPage } from '../../../components/records/EditPage';
import { getObjective, updateObjective } from '../api';
import { clientErrors, formFromObjective, patchFromForm } from '../form';
import { exactFieldErrors, loadFormOptions } from '../options';
import { ObjectiveForm } from './ObjectiveForm';

export function ObjectiveEditPage() {
  return (
    <RecordEditPage
      load={async (id, signal) => {
        const [o, options] = await Promise.all([getObjective(id, signal), loadFormOptions(signal)]);
        // A system archived since keeps its place in the choices, so that saving does not unlink it.
        const sid = o.objective.system_id;
        if (sid && !options.systems.some((s) => s.value === sid))
          options.systems.unshift({ value: sid, label: `${o.objective.system_name ?? sid} (archived)` });
        return { ...o, options };
      }}
      list={['/objectives', 'AI objectives']} noun="objective"
      loadingTitle="Edit AI objective"
      view={({ objective: o, etag }) => ({ id: o.key, name: o.key, title: `${o.key}: ${o.title}`, etag, version: o.version })}
      initial={(d) => formFromObjective(d.objective)}
      validate={clientErrors} patch={(d, values) => patchFromForm(d.objective, values)}
      write={(d, patch, tag) => updateObjective(d.objective.id, patch, tag)}
      toFieldErrors={exactFieldErrors}
      quietWithFieldErrors
      form={(props, d) => <ObjectiveForm {...props} mode="edit" options={d.options} />}
    />
  );
}
