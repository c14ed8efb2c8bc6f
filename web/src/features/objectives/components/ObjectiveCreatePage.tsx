// Setting a new AI objective.
import { Navigate, useNavigate } from 'react-router-dom';
import { FormPage } from '../../../components/RecordPage';
import { scrollUnlessFields, useFormSubmit } from '../../../components/records/useFormSubmit';
import { useAsync, useTitle } from '../../../lib/hooks';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { createObjective } from '../api';
import { clientErrors, emptyForm, inputFromForm, type FormValues } from '../form';
import { todayUtc } from '../labels';
import { exactFieldErrors, loadFormOptions } from '../options';
import { ObjectiveForm } from './ObjectiveForm';

export function ObjectiveCreatePage() {
  useTitle('New AI objective');
  const session = useSession();
  const navigate = useNavigate();
  const options = useAsync((signal) => loadFormOptions(signal), []);
  const form = useFormSubmit();

  if (!session.canWrite) return <Navigate to="/objectives" replace />;

  function submit(values: FormValues) {
    void form.submit({
      validate: () => clientErrors(values),
      write: () => createObjective(inputFromForm(values)),
      onSaved: (o) => navigate(`/objectives/${encodeURIComponent(o.key)}`, { state: { flash: `${o.key} was created. Record its first reading below.` } }),
      toFieldErrors: exactFieldErrors,
      quietWithFieldErrors: true,
      onFailed: scrollUnlessFields,
    });
  }

  return (
    <FormPage
      links={[['/objectives', 'AI objectives']]}
      current="New"
      title="New AI objective"
      intro="A measurable objective for AI (ISO/IEC 42001 clause 6.2): what is measured, the target, and how it will be reached."
    >
      <ErrorBanner error={form.error} />
      <ErrorBanner error={options.error} title="The choices for the form could not be loaded." />
      {options.data ? (
        <ObjectiveForm
          mode="create"
          initial={emptyForm(todayUtc())}
          options={options.data}
          errors={form.errors}
          busy={form.busy}
          submitLabel="Create objective"
          onSubmit={submit}
          onCancel={() => navigate('/objectives')}
        />
      ) : options.loading ? (
        <Loading />
      ) : null}
    </FormPage>
  );
}
