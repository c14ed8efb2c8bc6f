// Picks the approvers of a submission for approval by named approvers: the organization's admins
// and managers (other than the author) to tick, read from the members list, which only admins may
// read; other callers type the approvers' user ids.
import { useState } from 'react';
import { api } from '../../lib/api';
import { useAsync } from '../../lib/hooks';

/** A member who may approve (an admin or manager). */
export interface Approver {
  id: string;
  label: string;
}

/** The active admins and managers of the organization; [] when the caller may not list members. */
export async function listApprovers(signal?: AbortSignal): Promise<Approver[]> {
  try {
    const members = (await api('get', '/api/v1/org/members', { signal })).data.items;
    return members
      .filter((m) => (m.role === 'admin' || m.role === 'manager') && m.status === 'active')
      .map((m) => ({ id: m.id, label: m.name ? `${m.name} (${m.email})` : m.email }));
  } catch (e) {
    if (signal?.aborted) throw e;
    return [];
  }
}

interface Props {
  /** The author, who is never offered. */
  author: string | undefined;
  busy: boolean;
  onSubmit: (approvers: string[]) => void;
  /** The prefix of the test ids: "snapshot" gives snapshot-submit-form, snapshot-submit … */
  testId: string;
  epoch: number;
}

export function ApproverPicker({ author, busy, onSubmit, testId, epoch }: Props) {
  const approvers = useAsync((signal) => listApprovers(signal), [epoch]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const offered = (approvers.data ?? []).filter((a) => a.id !== author);
  return (
    <fieldset className="card" data-testid={`${testId}-submit-form`}>
      <legend>Submit for approval</legend>
      {offered.map((a) => (
        <label key={a.id} className="checkbox">
          <input type="checkbox" checked={chosen.includes(a.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))} />{' '}
          {a.label}
        </label>
      ))}
      {approvers.data && offered.length === 0 ? (
        <label className="field">
          <span>Approvers (user ids of admins or managers, comma-separated)</span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} data-testid={`${testId}-approver-ids`} />
        </label>
      ) : null}
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() => onSubmit([...chosen, ...typed.split(/[\s,]+/).filter(Boolean)])}
        data-testid={`${testId}-submit`}
      >
        Submit for approval
      </button>
    </fieldset>
  );
}
