// Saving a record with optimistic concurrency: the write carries If-Match with the ETag read, a
// 412 turns into a "someone else changed it" notice that reloads the latest version, and other
// problem+json answers become field errors and a banner. One hook per edit page; React state only.
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { Banner } from '../../lib/ui';
import { useFormSubmit, type FormSubmit, type SubmitPlan } from './useFormSubmit';

export interface SavePlan<P extends object, T> extends Omit<SubmitPlan<T>, 'write' | 'handle'> {
  /** The change to send, built once the values are valid; an empty one is not sent. */
  patch: () => P;
  /** Runs instead of the write when the patch is empty. */
  onUnchanged: () => void;
  /** The ETag read with the record. */
  etag: string | null | undefined;
  /** "this AI system": what the no-ETag message names. */
  noun: string;
  /** The write, with If-Match set to `etag`. */
  write: (patch: P, etag: string) => Promise<T>;
}

export interface VersionedEdit extends Omit<FormSubmit, 'submit'> {
  /** A 412 came back: the record changed since it was read. */
  conflict: boolean;
  /** Bumped on reload, so that a form keyed with it starts again from the fresh version. */
  formKey: number;
  save: <P extends object, T>(plan: SavePlan<P, T>) => Promise<void>;
  /** Drops the conflict and the errors and reloads the record. */
  reload: () => void;
}

export function useVersionedEdit(reloadRecord: () => void): VersionedEdit {
  const form = useFormSubmit();
  const [conflict, setConflict] = useState(false);
  const [formKey, setFormKey] = useState(0);

  function save<P extends object, T>(plan: SavePlan<P, T>) {
    return form.submit<T>({
      ...plan,
      write: () => {
        const patch = plan.patch();
        if (Object.keys(patch).length === 0) {
          plan.onUnchanged();
          return null;
        }
        if (!plan.etag) {
          form.setError(new Error(`The server sent no version tag (ETag) for ${plan.noun}, so it cannot be changed safely.`));
          return null;
        }
        return plan.write(patch, plan.etag);
      },
      handle: (e) => {
        if (!(e instanceof ApiError && e.status === 412)) return false;
        setConflict(true);
        plan.onFailed?.({});
        return true;
      },
    });
  }

  function reload() {
    setConflict(false);
    form.setErrors({});
    form.setError(null);
    reloadRecord();
    setFormKey((k) => k + 1);
  }

  const { errors, setErrors, error, setError, busy } = form;
  return { errors, setErrors, error, setError, busy, conflict, formKey, save, reload };
}

/** The notice shown after a 412, with the button that reloads the latest version. */
export function ConflictBanner({ edit, what, verb = 'changed' }: { edit: VersionedEdit; what: string; verb?: string }) {
  if (!edit.conflict) return null;
  return (
    <Banner kind="warning" testId="conflict-banner">
      <p>
        <strong>
          Someone else {verb} {what}
        </strong> after you opened it, so your changes were not saved. Reload to see the latest version,
        then make your changes again.
      </p>
      <button type="button" className="btn" onClick={edit.reload}>
        Reload latest version
      </button>
    </Banner>
  );
}
