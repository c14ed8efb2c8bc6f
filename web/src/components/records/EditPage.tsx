// The edit page of a record: the record loaded for the id in the URL with its versioned edit, the
// gate that stands for the page until the record is there, the frame of breadcrumbs, title,
// conflict notice and save error, and the save that goes back to the record's page. A record its
// workflow locked shows the reason and a link back instead of the form. React state only; one per page.
import { Fragment, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useSession } from '../../features/auth';
import { useAsync, useTitle, type AsyncState } from '../../lib/hooks';
import { Banner, ErrorBanner } from '../../lib/ui';
import { backToRecord, editGate, FormPage, type Crumb } from '../RecordPage';
import type { RecordFormProps } from './RecordForm';
import { scrollUnlessFields, type SubmitPlan } from './useFormSubmit';
import { ConflictBanner, useVersionedEdit, type VersionedEdit } from './useVersionedEdit';

export interface EditedRecord<T> {
  loaded: AsyncState<T>;
  edit: VersionedEdit;
  /** What the page shows instead of its form (see editGate); null once the record is there. */
  gate: ReactNode;
}

/** Loads the record of the URL's id (`base`/ID is its page, where a role that cannot write goes). */
export function useEditedRecord<T>(load: (id: string, signal: AbortSignal) => Promise<T>, canWrite: boolean, base: string, failedTitle: string): EditedRecord<T> {
  const { id = '' } = useParams();
  const loaded = useAsync((signal) => load(id, signal), [id]);
  const edit = useVersionedEdit(loaded.reload);
  return { loaded, edit, gate: editGate(canWrite, `${base}/${encodeURIComponent(id)}`, loaded, failedTitle) };
}

interface EditFrameProps {
  edit: VersionedEdit;
  /** "this risk": what the conflict notice names. */
  what: string;
  links: readonly Crumb[];
  title: ReactNode;
  /** A banner above the conflict notice. */
  notice?: ReactNode;
  children: ReactNode;
}

/** The frame of an edit page: breadcrumbs ending in "Edit", the title, the notices, then the form. */
export function EditFrame({ edit, what, links, title, notice, children }: EditFrameProps) {
  return (
    <FormPage links={links} current="Edit" title={title}>
      {notice}
      <ConflictBanner edit={edit} what={what} />
      <ErrorBanner error={edit.error} />
      {children}
    </FormPage>
  );
}

/** What an edit page shows of the record it loaded. */
export interface EditedView {
  /** The record's segment of its page URL. */
  id: string;
  /** Its breadcrumb and window title ("R-12"). */
  name: string;
  /** The heading after "Edit " (default: name). */
  title?: string;
  /** The window title after "Edit " (default: name). */
  windowTitle?: string;
  etag: string | null | undefined;
  version: number;
}

interface RecordEditProps<D, V, P extends object, T> extends Pick<SubmitPlan<T>, 'toFieldErrors' | 'quietWithFieldErrors'> {
  /** Loads the record of the URL's id (and what its form needs). */
  load: (id: string, signal: AbortSignal) => Promise<D>;
  /** Whether the user may write here (default: the session's role may). */
  canWrite?: boolean;
  /** The list page: its URL (the record pages are below it) and its name. */
  list: Crumb;
  /** "risk": named in "this risk" and "The risk could not be loaded.". */
  noun: string;
  /** The window title while loading (default "Edit <noun>"). */
  loadingTitle?: string;
  view: (d: D) => EditedView;
  /** A banner above the conflict notice. */
  notice?: (d: D) => ReactNode;
  /** Why the record can no longer change (components/records/locks.ts): then the page shows the reason and a link back instead of the form. */
  locked?: (d: D) => string | null;
  initial: (d: D) => V;
  validate: (v: V) => Record<string, string>;
  /** The change to send; an empty one is not sent. */
  patch: (d: D, v: V) => P;
  write: (d: D, patch: P, etag: string) => Promise<T>;
  /** The flash on the record's page after saving (default "Changes saved."). */
  savedFlash?: (d: D, saved: T) => string;
  /** The form, given the props of every record form. */
  form: (props: RecordFormProps<V>, d: D) => ReactNode;
}

/** An edit page: loads, gates, saves with If-Match and goes back to the record's page. */
export function RecordEditPage<D, V, P extends object, T>(props: RecordEditProps<D, V, P, T>) {
  const navigate = useNavigate();
  const session = useSession();
  const base = props.list[0];
  const { loaded, edit, gate } = useEditedRecord(props.load, props.canWrite ?? session.canWrite, base, `The ${props.noun} could not be loaded.`);
  const d = loaded.data;
  const view = d === undefined ? undefined : props.view(d);
  useTitle(view ? `Edit ${view.windowTitle ?? view.name}` : (props.loadingTitle ?? `Edit ${props.noun}`));

  if (gate || d === undefined || !view) return gate;
  const detailUrl = `${base}/${encodeURIComponent(view.id)}`;
  const what = `this ${props.noun}`;

  function submit(values: V) {
    if (d === undefined || !view) return;
    void edit.save({
      validate: () => props.validate(values),
      patch: () => props.patch(d, values),
      ...backToRecord(navigate, detailUrl),
      onSaved: (saved: T) => navigate(detailUrl, { state: { flash: props.savedFlash ? props.savedFlash(d, saved) : 'Changes saved.' } }),
      etag: view.etag,
      noun: what,
      write: (patch, tag) => props.write(d, patch, tag),
      toFieldErrors: props.toFieldErrors,
      quietWithFieldErrors: props.quietWithFieldErrors,
      onFailed: scrollUnlessFields,
    });
  }

  const lockedBecause = props.locked?.(d) ?? null;
  if (lockedBecause)
    return (
      <FormPage links={[props.list, [detailUrl, view.name]]} current="Edit" title={`Edit ${view.title ?? view.name}`}>
        <Banner kind="info" testId="edit-locked">
          {lockedBecause} It cannot be edited.
        </Banner>
        <p>
          <Link to={detailUrl} data-testid="edit-locked-back">
            Back to {view.name}
          </Link>
        </p>
      </FormPage>
    );

  return (
    <EditFrame edit={edit} what={what} links={[props.list, [detailUrl, view.name]]} title={`Edit ${view.title ?? view.name}`} notice={props.notice?.(d)}>
      <Fragment key={`${edit.formKey}-${view.version}`}>
        {props.form(
          { initial: props.initial(d), errors: edit.errors, busy: edit.busy, submitLabel: 'Save changes', onSubmit: submit, onCancel: () => navigate(detailUrl) },
          d,
        )}
      </Fragment>
    </EditFrame>
  );
}
