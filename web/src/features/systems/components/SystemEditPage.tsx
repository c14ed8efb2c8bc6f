// Editing an AI system with optimistic concurrency: PATCH carries If-Match with the ETag read.
import { RecordEditPage } from '../../../components/records/EditPage';
import { getSystem, updateSystem } from '../api';
import { clientErrors, formFromSystem, patchFromForm } from '../form';
import { SystemForm } from './SystemForm';

export function SystemEditPage() {
  return (
    <RecordEditPage
      load={getSystem}
      list={['/systems', 'AI systems']} noun="AI system"
      view={({ system, etag }) => ({ id: system.id, name: `${system.name}`, etag, version: system.version })}
      initial={(d) => formFromSystem(d.system)}
      validate={clientErrors} patch={(d, values) => patchFromForm(d.system, values)}
      write={(d, patch, tag) => updateSystem(d.system.id, patch, tag)}
      form={(props, d) => <SystemForm {...props} mode="edit" systemId={d.system.id} />}
    />
  );
}
