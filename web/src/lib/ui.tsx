// Shared presentational pieces: banners, badges, fields, dialogs, empty states.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { ApiError, errorMessage } from './api';
import {
  euAiActClassLabels,
  formatDateTime,
  labelOf,
  statusLabels,
  type EuAiActClass,
  type SystemStatus,
} from './labels';

/** A date-time from the API as people read it (formatDateTime), the ISO value kept in the element and shown on hover. */
export function DateTime({ at, fallback = '—' }: { at: string | null | undefined; fallback?: string }) {
  if (!at) return <>{fallback}</>;
  return (
    <time dateTime={at} title={at}>
      {formatDateTime(at)}
    </time>
  );
}

/** Server messages often start in lower case ("must not be empty"); show them as sentences. */
export function sentence(message: string): string {
  return message ? message.charAt(0).toUpperCase() + message.slice(1) : message;
}

export function ErrorBanner({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : undefined;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      {title ? <strong>{title} </strong> : null}
      <span>{errorMessage(error)}</span>
      {status && status >= 500 ? <span className="muted"> ({status})</span> : null}
    </div>
  );
}

export function Banner({ kind, children, testId }: { kind: 'info' | 'success' | 'warning' | 'error'; children: ReactNode; testId?: string }) {
  return (
    <div className={`banner banner-${kind}`} role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <div className="empty" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export function ClassBadge({ value }: { value: EuAiActClass | undefined }) {
  const v = value ?? 'unclassified';
  return <span className={`badge badge-class-${v}`}>{labelOf(euAiActClassLabels, v)}</span>;
}

export function StatusBadge({ value, archived }: { value: SystemStatus | undefined; archived?: boolean }) {
  return (
    <span className="badge-group">
      <span className={`badge badge-status-${value ?? 'planned'}`}>{labelOf(statusLabels, value)}</span>
      {archived ? <span className="badge badge-archived">Archived</span> : null}
    </span>
  );
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  /** Renders the control; receives the ids to wire up label, hint and error. */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
  name?: string;
}

/** A labelled form control with its hint and its (server or client) error underneath. */
export function Field({ label, error, hint, required, children, className, name }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`} data-field={name}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required" aria-hidden="true"> *</span> : null}
      </label>
      {children({ id, describedBy, invalid: !!error })}
      {hint ? <div className="hint" id={hintId}>{hint}</div> : null}
      {error ? (
        <div className="field-error" id={errId} data-testid={name ? `field-error-${name}` : undefined}>
          {sentence(error)}
        </div>
      ) : null}
    </div>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirmation built on <dialog>: focus moves into it, Escape cancels. */
export function ConfirmDialog({ open, title, children, confirmLabel, danger, busy, onConfirm, onCancel }: ConfirmProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      data-testid="confirm-dialog"
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} onClick={onConfirm} disabled={busy} autoFocus>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

/** A list row the server could not read: `{id, error}` instead of the record. */
export type UnreadableItem = { id: string; error: string };

/** True when a list item is the server's row for a record it could not read. */
export function isUnreadable(item: object): item is UnreadableItem {
  return typeof (item as { error?: unknown }).error === 'string';
}

/** The visible row for a record the server could not read; the rest of the list works as usual. */
export function UnreadableRow({ item, columns }: { item: UnreadableItem; columns: number }) {
  return (
    <tr data-testid="unreadable-row" className="row-unreadable">
      <td colSpan={columns}>
        <span className="mono">{item.id}</span> <span className="unreadable-text">{item.error}</span>
      </td>
    </tr>
  );
}
