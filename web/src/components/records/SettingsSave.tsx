// Saving an organization-wide settings document under If-Match: busy while it saves, a 412 turned
// into a notice with a reload, other failures into a banner and field errors, a notice once saved;
// and the notices and the foot (version, save button or why it is read-only) of such a form.
// React state only; one per settings page.
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../../lib/api';
import type { AsyncState } from '../../lib/hooks';
import { fieldErrors } from '../../lib/problem';
import { Banner } from '../../lib/ui';

export interface SettingsSave {
  errors: Record<string, string>;
  error: string | null;
  conflict: boolean;
  saved: boolean;
  busy: boolean;
  /** Sends the form with the ETag read (nothing without one). */
  save: (e: FormEvent) => Promise<void>;
  /** Drops the conflict and loads the latest version. */
  reload: () => void;
}

export function useSettingsSave<D extends { etag: string | null }>(loaded: AsyncState<D>, write: (etag: string) => Promise<D>): SettingsSave {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    const etag = loaded.data?.etag;
    if (!etag) return;
    setBusy(true);
    setError(null);
    setErrors({});
    setSaved(false);
    try {
      loaded.setData(await write(etag));
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setConflict(true);
      else {
        setError(errorMessage(err));
        if (err instanceof ApiError) setErrors(fieldErrors(err.problem));
      }
    } finally {
      setBusy(false);
    }
  }

  function reload() {
    setConflict(false);
    loaded.reload();
  }

  return { errors, error, conflict, saved, busy, save, reload };
}

interface NoticesProps {
  state: SettingsSave;
  /** "the thresholds": what someone else may have changed. */
  what: string;
  savedText: string;
  errorTestId?: string;
}

/** The conflict notice with its reload, the saved notice and the error banner. */
export function SettingsNotices({ state, what, savedText, errorTestId }: NoticesProps) {
  return (
    <>
      {state.conflict ? (
        <Banner kind="warning">
          Someone else changed {what} meanwhile.{' '}
          <button type="button" className="btn btn-sm" onClick={state.reload}>
            Reload
          </button>
        </Banner>
      ) : null}
      {state.saved ? (
        <Banner kind="success" testId="flash">
          {savedText}
        </Banner>
      ) : null}
      {state.error ? (
        <div className="banner banner-error" role="alert" data-testid={errorTestId}>
          {state.error}
        </div>
      ) : null}
    </>
  );
}

interface FootProps {
  state: SettingsSave;
  settings: { version: number; updated_by?: string | null };
  canChange: boolean;
  saveLabel: string;
  /** Why the form is read-only for this role. */
  readOnly: ReactNode;
  /** Test ids of the version line, the save button and the read-only note. */
  testIds?: { version?: string; save?: string; readOnly?: string };
}

/** The version line, then the save button for a role that may change the settings, else why not. */
export function SettingsFoot({ state, settings: s, canChange, saveLabel, readOnly, testIds = {} }: FootProps) {
  return (
    <>
      <p className="muted small" data-testid={testIds.version}>
        {s.version ? `Version ${s.version}, last changed by ${s.updated_by ?? '—'}.` : 'These are the defaults; no one has changed them yet.'}
      </p>
      {canChange ? (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={state.busy} data-testid={testIds.save}>
            {state.busy ? 'Saving…' : saveLabel}
          </button>
        </div>
      ) : (
        <p className="muted small" data-testid={testIds.readOnly}>
          {readOnly}
        </p>
      )}
    </>
  );
}
