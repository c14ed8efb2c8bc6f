// Registering a new AI system.
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { FormPage } from '../../../components/RecordPage';
import { scrollUnlessFields, useFormSubmit } from '../../../components/records/useFormSubmit';
import { useTitle } from '../../../lib/hooks';
import { ErrorBanner } from '../../../lib/ui';
import { useSession } from '../../auth';
import { createSystem } from '../api';
import { clientErrors, emptyForm, inputFromForm, type FormValues } from '../form';
import { SystemForm } from './SystemForm';

export function SystemCreatePage() {
  useTitle('New AI system');
  const session = useSession();
  const navigate = useNavigate();
  const form = useFormSubmit();
  const [initial] = useState(emptyForm);

  if (!session.canWrite) return <Navigate to="/systems" replace />;

  function submit(values: FormValues) {
    void form.submit({
      validate: () => clientErrors(values),
      write: () => createSystem(inputFromForm(values)),
      onSaved: (created) => navigate(`/systems/${encodeURIComponent(created.id)}`, { state: { flash: `“${created.name}” was registered.` } }),
      onFailed: scrollUnlessFields,
    });
  }

  return (
    <FormPage links={[['/systems', 'AI systems']]} current="New" title="New AI system" intro="Name and purpose are required; everything else can be completed later.">
      <ErrorBanner error={form.error} />
      <SystemForm mode="create" initial={initial} errors={form.errors} busy={form.busy} submitLabel="Register AI system" onSubmit={submit} onCancel={() => navigate('/systems')} />
    </FormPage>
  );
}
