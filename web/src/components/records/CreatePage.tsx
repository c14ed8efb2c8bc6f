// The create page of a record: the way back to the list for a role that cannot write, the frame of
// breadcrumbs, title and intro, what the form needs loaded first, and the submit that goes to the
// new record's page with a flash. React state only; one per page.
import { useState, type ReactNode } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { useSession } from '../../features/auth';
import { useAsync, useTitle } from '../../lib/hooks';
import { ErrorBanner, Loading } from '../../lib/ui';
import { FormPage, type Crumb } from '../RecordPage';
import type { RecordFormProps } from './RecordForm';
import { scrollUnlessFields, useFormSubmit, type SubmitPlan } from './useFormSubmit';

interface RecordCreateProps<V, T, N> extends Pick<SubmitPlan<T>, 'toFieldErrors' | 'quietWithFieldErrors'> {
  /** Whether the user may write here (default: the session's role may). */
  canWrite?: boolean;
  /** The list page: where the page goes back to, and its name. */
  list: Crumb;
  /** The heading and window title ("New risk"). */
  title: string;
  /** A muted line under the title. */
  intro: ReactNode;
  /** The submit button's text ("Register risk"). */
  submitLabel: string;
  /** What the form needs loaded first, and the banner title when it cannot be. */
  needs?: { load: (signal: AbortSignal) => Promise<N>; failedTitle: string };
  /** More under the save error (e.g. a banner about something the form reads). */
  notice?: ReactNode;
  /** The values the form starts from (taken once). */
  initial: () => V;
  validate: (v: V) => Record<string, string>;
  write: (v: V) => Promise<T>;
  /** The new record's page and the flash it shows. */
  created: (created: T) => readonly [url: string, flash: string];
  /** The form, given the props of every record form and what it needed. */
  form: (props: RecordFormProps<V>, needed: N) => ReactNode;
}

export function RecordCreatePage<V, T, N = undefined>(props: RecordCreateProps<V, T, N>) {
  useTitle(props.title);
  const session = useSession();
  const navigate = useNavigate();
  const form = useFormSubmit();
  const [initial] = useState(props.initial);
  const needs = props.needs;
  const needed = useAsync((signal) => (needs ? needs.load(signal) : Promise.resolve(undefined as N)), []);
  const listUrl = props.list[0];

  if (!(props.canWrite ?? session.canWrite)) return <Navigate to={listUrl} replace />;

  function submit(values: V) {
    void form.submit({
      validate: () => props.validate(values),
      write: () => props.write(values),
      onSaved: (created: T) => {
        const [url, flash] = props.created(created);
        navigate(url, { state: { flash } });
      },
      toFieldErrors: props.toFieldErrors,
      quietWithFieldErrors: props.quietWithFieldErrors,
      onFailed: scrollUnlessFields,
    });
  }

  const formProps: RecordFormProps<V> = { initial, errors: form.errors, busy: form.busy, submitLabel: props.submitLabel, onSubmit: submit, onCancel: () => navigate(listUrl) };
  return (
    <FormPage links={[props.list]} current="New" title={props.title} intro={props.intro}>
      <ErrorBanner error={form.error} />
      {needs ? <ErrorBanner error={needed.error} title={needs.failedTitle} /> : null}
      {props.notice}
      {!needs ? props.form(formProps, undefined as N) : needed.data !== undefined ? props.form(formProps, needed.data) : needed.loading ? <Loading /> : null}
    </FormPage>
  );
}
