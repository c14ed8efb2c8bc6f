// Saving a record with optimistic concurrency: the write carries If-Match with the ETag read, a
// 412 turns into a "someone else changed it" notice that reloads the latest version, and other
// problem+json answers become field errors and a banner. One hook per edit page; React state only.
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { fieldErrors, type Problem } from '../../lib/problem';
import { Banner } from '../../lib/ui';

export interface SavePlan<P extends object, T> {
  /** Client-side errors of the values; any stops the save. */
  validate?: () => Record<string, string>;
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
  onSaved: (result: T) => void;
  /** Field errors of a problem (default: fieldErrors). */
  toFieldErrors?: (p: Problem) => Record<string, string>;
  /** Leave the banner empty when the problem names fields (default false). */
  quietWithFieldErrors?: boolean;
  /** Runs after a failed write with its field errors (e.g. to focus or scroll). */
  onFailed?: (fields: Record<string, string>) => void;
}

export interface VersionedEdit {
  errors: Record<string, string>;
  setErrors: (e: Record<string, string>) => void;
  error: unknown;
  setError: (e: unknown) => void;
  /** A 412 came back: the record changed since it was read. */
  conflict: boolean;
  busy: boolean;
  /** Bumped on reload, so that a form keyed with it starts again from the fresh version. */
  formKey: number;
  save: <P extends object, T>(plan: SavePlan<P, T>) => Promise<void>;
  /** Drops the conflict and the errors and reloads the record. */
  reload: () => void;
}

export function useVersionedEdit(reloadRecord: () => void): VersionedEdit {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  async function save<P extends object, T>(plan: SavePlan<P, T>) {
    const local = plan.validate ? plan.validate() : {};
    setErrors(local);
    setError(null);
    if (Object.keys(local).length) {
      plan.onFailed?.(local);
      return;
    }
    const patch = plan.patch();
    if (Object.keys(patch).length === 0) {
      plan.onUnchanged();
      return;
    }
    if (!plan.etag) {
      setError(new Error(`The server sent no version tag (ETag) for ${plan.noun}, so it cannot be changed safely.`));
      return;
    }
    setBusy(true);
    try {
      plan.onSaved(await plan.write(patch, plan.etag));
    } catch (e) {
      const fields = e instanceof ApiError ? (plan.toFieldErrors ?? fieldErrors)(e.problem) : {};
      if (e instanceof ApiError && e.status === 412) {
        setConflict(true);
        plan.onFailed?.({});
      } else {
        setError(plan.quietWithFieldErrors && Object.keys(fields).length ? null : e);
        setErrors(fields);
        plan.onFailed?.(fields);
      }
    } finally {
      setBusy(false);
    }
  }

  function reload() {
    setConflict(false);
    setErrors({});
    setError(null);
    reloadRecord();
    setFormKey((k) => k + 1);
  }

  return { errors, setErrors, error, setError, conflict, busy, formKey, save, reload };
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
