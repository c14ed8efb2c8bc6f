// A record action that is confirmed first (archive, restore, delete): whether its dialog is open,
// the busy state while it runs and the error it left, and the dialog itself with that error in it.
// React state only; one per action of a page.
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../lib/api';
import { ConfirmDialog } from '../../lib/ui';

export interface ConfirmedAction {
  open: boolean;
  busy: boolean;
  /** What went wrong last time, shown in the dialog (and by the page once it is closed). */
  error: string | null;
  setError: (message: string | null) => void;
  setOpen: (open: boolean) => void;
  /** Runs the action: busy meanwhile, the dialog closes when it is done, a failure stays as `error`. */
  run: (action: () => Promise<void>, handle?: (e: unknown) => boolean) => Promise<void>;
}

export function useConfirmedAction(): ConfirmedAction {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>, handle?: (e: unknown) => boolean) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setOpen(false);
    } catch (e) {
      if (!handle?.(e)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return { open, busy, error, setError, setOpen, run };
}

interface Props {
  action: ConfirmedAction;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  errorTestId?: string;
  /** What the action will do. */
  children: ReactNode;
}

/** The confirmation of an action; cancelling closes it and forgets the error. */
export function ActionDialog({ action, title, confirmLabel, danger, onConfirm, errorTestId, children }: Props) {
  return (
    <ConfirmDialog
      open={action.open}
      title={title}
      confirmLabel={confirmLabel}
      danger={danger}
      busy={action.busy}
      onConfirm={onConfirm}
      onCancel={() => {
        action.setOpen(false);
        action.setError(null);
      }}
    >
      {children}
      {action.error ? (
        <div className="banner banner-error" role="alert" data-testid={errorTestId}>
          {action.error}
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
