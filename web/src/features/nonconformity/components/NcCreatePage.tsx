// Raising a nonconformity: the kind's form without the members its steps set (status, closed_on),
// pre-filled from the query parameters other pages link with
// (/nonconformities/new?source=…&source_ref=…&requirement=…&title=…) and opened today.
import { useSearchParams } from 'react-router-dom';
import { RecordCreatePage } from '../../../components/records/CreatePage';
import { createBody, emptyForm, formErrors, recordTitle, type KindFormValues } from '../../../components/records/kindModel';
import { createRecord, useKind, type KindSchema } from '../../../components/records/kinds';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { KindForm, useRefNames } from '../../kinds';

/** The fields the steps set: not in the form. */
const STEP_FIELDS = ['status', 'closed_on'];
/** The query parameters a link may pre-fill. */
const PREFILL = ['source', 'source_ref', 'requirement', 'title'];

const today = () => new Date().toISOString().slice(0, 10);

/** The form's start: the kind's defaults, the link's values (an unknown choice is left out) and today's date. */
export function prefill(kind: KindSchema, params: URLSearchParams): KindFormValues {
  const values = emptyForm(kind);
  for (const name of PREFILL) {
    const value = params.get(name)?.trim();
    const field = kind.fields.find((f) => f.name === name);
    if (!value || !field) continue;
    if (field.type === 'enum' && !(field.values ?? []).some((v) => v.value === value)) continue;
    values[name] = field.max_length ? value.slice(0, field.max_length) : value;
  }
  if (!values.opened_on) values.opened_on = today();
  return values;
}

export function NcCreatePage() {
  const { kind, error, loading } = useKind('nonconformities');
  if (loading && !kind) return <Loading />;
  if (!kind)
    return (
      <div className="page">
        <ErrorBanner error={error} title="The nonconformities could not be loaded." />
      </div>
    );
  return <RaiseNc kind={kind} />;
}

function RaiseNc({ kind }: { kind: KindSchema }) {
  const [params] = useSearchParams();
  const form: KindSchema = { ...kind, fields: kind.fields.filter((f) => !STEP_FIELDS.includes(f.name)) };
  const refs = useRefNames(form);
  const from = params.get('source_ref');
  return (
    <RecordCreatePage
      canWrite={kind.can_write}
      list={['/nonconformities', kind.plural]}
      title="Raise a nonconformity"
      intro={from ? `Raised from ${from}. Fields marked * are required.` : 'Fields marked * are required.'}
      submitLabel="Raise nonconformity"
      notice={<ErrorBanner error={refs.error} title="The members this form refers to could not be loaded." />}
      initial={() => prefill(form, params)}
      validate={(values) => formErrors(form, values)}
      write={(values) => createRecord(kind, createBody(form, values))}
      created={(r) => [`/nonconformities/${encodeURIComponent(r.id)}`, `${recordTitle(kind, r)} was raised.`]}
      quietWithFieldErrors
      form={(props) => <KindForm {...props} kind={form} refs={refs} />}
    />
  );
}
