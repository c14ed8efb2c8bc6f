// Picks the approvers of a submission for approval by named approvers: the organization's members
// whose role may approve (admins and managers), other than the author, by name, from the member
// directory (GET /api/v1/org/directory: every role that may submit reads it; paged and searched by
// the server). The chosen ones stay chosen while the search changes. Where the directory cannot be
// read, the approvers' user ids are typed instead.
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useAsync, useDebounced } from '../../lib/hooks';

/** A member who may approve (an admin or manager). */
export interface Approver {
  id: string;
  label: string;
}

export interface ApproverPage {
  items: Approver[];
  next?: string;
}

const PAGE = 50;

/** One page of the members whose role may approve, whose name contains `q`; null when the caller may not read the directory. */
export async function listApprovers(q: string, cursor: string | undefined, signal?: AbortSignal): Promise<ApproverPage | null> {
  try {
    const page = (await api('get', '/api/v1/org/directory', { query: { q: q || undefined, limit: PAGE, cursor }, signal })).data;
    const items = page.items
      .filter((m) => m.may_approve)
      .map((m) => ({ id: m.id, label: `${m.name || m.id} (${m.role}${m.aims_roles.length ? `; ${m.aims_roles.join(', ')}` : ''})` }));
    return { items, next: page.next };
  } catch (e) {
    if (signal?.aborted) throw e;
    if (e instanceof ApiError && e.status === 403) return null;
    throw e;
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
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 250);
  const first = useAsync((signal) => listApprovers(search, undefined, signal), [epoch, search]);
  const [more, setMore] = useState<ApproverPage | null>(null);
  const [moreError, setMoreError] = useState('');
  const [chosen, setChosen] = useState<Approver[]>([]);
  const [typed, setTyped] = useState('');
  useEffect(() => {
    setMore(null);
    setMoreError('');
  }, [first.data]);
  useEffect(() => setChosen([]), [epoch]);

  const denied = first.data === null;
  const cursor = more ? more.next : first.data?.next;
  const shown = [...(first.data?.items ?? []), ...(more?.items ?? [])].filter((a) => a.id !== author);
  const unseen = chosen.filter((c) => !shown.some((a) => a.id === c.id));
  const toggle = (a: Approver, on: boolean) => setChosen((now) => (on ? [...now.filter((c) => c.id !== a.id), a] : now.filter((c) => c.id !== a.id)));

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await listApprovers(search, cursor);
      if (page) setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], next: page.next }));
    } catch (e) {
      setMoreError(e instanceof Error ? e.message : String(e));
    }
  }

  const box = (a: Approver) => (
    <label key={a.id} className="checkbox">
      <input type="checkbox" checked={chosen.some((c) => c.id === a.id)} onChange={(e) => toggle(a, e.target.checked)} /> {a.label}
    </label>
  );

  return (
    <fieldset className="card" data-testid={`${testId}-submit-form`}>
      <legend>Submit for approval</legend>
      {denied ? (
        <label className="field">
          <span>Approvers (user ids of admins or managers, comma-separated)</span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} data-testid={`${testId}-approver-ids`} />
        </label>
      ) : (
        <>
          <label className="field">
            <span>Find an approver by name</span>
            <input type="search" value={q} onChange={(e) => setQ(e.target.value)} data-testid={`${testId}-approver-search`} />
          </label>
          {first.error ? <p className="field-error" role="alert">The members could not be loaded: {first.error.message}</p> : null}
          {unseen.length ? <div data-testid={`${testId}-approvers-chosen`}>{unseen.map(box)}</div> : null}
          <div data-testid={`${testId}-approvers`}>{shown.map(box)}</div>
          {first.data && shown.length === 0 ? (
            <p className="muted">{search ? `No admin or manager other than the author is named like “${search}”.` : 'No other admin or manager to approve: an admin can give a colleague the manager role.'}</p>
          ) : null}
          {moreError ? <p className="field-error" role="alert">{moreError}</p> : null}
          {cursor ? (
            <button type="button" className="btn btn-sm" onClick={() => void loadMore()}>
              More members
            </button>
          ) : null}
        </>
      )}
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() => onSubmit([...chosen.map((c) => c.id), ...typed.split(/[\s,]+/).filter(Boolean)])}
        data-testid={`${testId}-submit`}
      >
        Submit for approval
      </button>
    </fieldset>
  );
}
