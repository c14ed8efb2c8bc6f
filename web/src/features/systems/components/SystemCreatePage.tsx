// Registering a new AI system.
import { RecordCreatePage } from '../../../components/records/CreatePage';
import { createSystem } from '../api';
import { clientErrors, emptyForm, inputFromForm } from '../form';
import { SystemForm } from './SystemForm';

export function SystemCreatePage() {
  return (
    <RecordCreatePage
      list={['/systems', 'AI systems']} title="New AI system"
      intro="Name and purpose are required; everything else can be completed later."
      submitLabel="Register AI system"
      initial={emptyForm}
      validate={clientErrors} write={(values) => createSystem(inputFromForm(values))}
      created={(s) => [`/systems/${encodeURIComponent(s.id)}`, `“${s.name}” was registered.`]}
      form={(props) => <SystemForm {...props} mode="create" />}
    />
  );
}
