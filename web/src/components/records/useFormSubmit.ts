// Sending a form: the client's checks first, then the write; a problem+json answer becomes field
// errors beside the inputs and a banner for the rest. One hook per form page; React state only.
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { fieldErrors, type Problem } from '../../lib/problem';

export interface SubmitPlan<T> {
  /** Client-side errors of the values; any stops the submit. */
  validate?: () => Record<string, string>;
  /** Starts the write; null when there is nothing to send (the plan has said why). */
  write: () => Promise<T> | null;
  onSaved: (result: T) => void;
  /** Field errors of a problem (default: fieldErrors). */
  toFieldErrors?: (p: Problem) => Record<string, string>;
  /** Leave the banner empty when the problem names fields (default false). */
  quietWithFieldErrors?: boolean;
  /** Runs after refused values or a failed write with their field errors (e.g. to focus or scroll). */
  onFailed?: (fields: Record<string, string>) => void;
  /** Deals with a failure itself; true when it did. */
  handle?: (e: unknown) => boolean;
}

export interface FormSubmit {
  errors: Record<string, string>;
  setErrors: (e: Record<string, string>) => void;
  error: unknown;
  setError: (e: unknown) => void;
  busy: boolean;
  submit: <T>(plan: SubmitPlan<T>) => Promise<void>;
}

/** Scrolls to the top when no field error will take the eye there itself. */
export function scrollUnlessFields(fields: Record<string, string>): void {
  if (!Object.keys(fields).length) window.scrollTo({ top: 0 });
}

export function useFormSubmit(): FormSubmit {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit<T>(plan: SubmitPlan<T>) {
    const local = plan.validate ? plan.validate() : {};
    setErrors(local);
    setError(null);
    if (Object.keys(local).length) {
      plan.onFailed?.(local);
      return;
    }
    const pending = plan.write();
    if (!pending) return;
    setBusy(true);
    try {
      plan.onSaved(await pending);
    } catch (e) {
      if (plan.handle?.(e)) return;
      const fields = e instanceof ApiError ? (plan.toFieldErrors ?? fieldErrors)(e.problem) : {};
      setError(plan.quietWithFieldErrors && Object.keys(fields).length ? null : e);
      setErrors(fields);
      plan.onFailed?.(fields);
    } finally {
      setBusy(false);
    }
  }

  return { errors, setErrors, error, setError, busy, submit };
}
