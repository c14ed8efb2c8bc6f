// The parts every edit page of a record shares: the record loaded for the id in the URL with its
// versioned edit and the gate that stands for the page until the record is there, and the frame
// of breadcrumbs, title, conflict notice and save error around the form. React state only.
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useAsync, type AsyncState } from '../../lib/hooks';
import { ErrorBanner } from '../../lib/ui';
import { editGate, FormPage, type Crumb } from '../RecordPage';
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
