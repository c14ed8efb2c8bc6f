// Setting a new AI objective.
import { RecordCreatePage } from '../../../components/records/CreatePage';
import { createObjective } from '../api';
import { clientErrors, emptyForm, inputFromForm } from '../form';
import { todayUtc } from '../labels';
import { exactFieldErrors, loadFormOptions } from '../options';
import { ObjectiveForm } from './ObjectiveForm';

export function ObjectiveCreatePage() {
  return (
    <RecordCreatePage
      list={['/objectives', 'AI objectives']} title="New AI objective"
      intro="A measurable objective for AI (ISO/IEC 42001 clause 6.2): what is measured, the target, and how it will be reached."
      submitLabel="Create objective"
      needs={{ load: loadFormOptions, failedTitle: 'The choices for the form could not be loaded.' }}
      initial={() => emptyForm(todayUtc())}
      validate={clientErrors} write={(values) => createObjective(inputFromForm(values))}
      created={(o) => [`/objectives/${encodeURIComponent(o.key)}`, `${o.key} was created. Record its first reading below.`]}
      toFieldErrors={exactFieldErrors}
      quietWithFieldErrors
      form={(props, options) => <ObjectiveForm {...props} mode="create" options={options} />}
    />
  );
}
