// The scope's drift: each AI system not placed in or out of scope, or in scope but gone, with its
// one-click fix: add it in scope, or exclude it with a reason (asked for inline).
import { useState } from 'react';
import type { ScopeDrift, ScopeInput } from '../api';

type Input = Required<ScopeInput>;
const without = (s: Input, id: string): Input => ({
  ...s,
  in_scope: s.in_scope.filter((x) => x !== id),
  out_of_scope: s.out_of_scope.filter((x) => x.system_id !== id),
});

interface Props {
  drift: ScopeDrift[];
  busy: boolean;
  /** Saves the saved scope changed by `next`. */
  place: (next: (saved: Input) => Input) => void;
}

export function DriftList({ drift, busy, place }: Props) {
  const [excluding, setExcluding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  if (drift.length === 0) return null;
  return (
    <section className="card" aria-labelledby="scope-drift-title" data-testid="scope-drift">
      <h2 id="scope-drift-title">Drift: {drift.length} AI system{drift.length === 1 ? '' : 's'} to place</h2>
      <ul>
        {drift.map((d) => (
          <li key={d.system_id} data-testid={`drift-${d.system_id}`}>
            {d.sentence}{' '}
            {d.problem === 'unplaced' ? (
              <button type="button" className="btn btn-sm" disabled={busy} data-testid={`drift-in-${d.system_id}`}
                onClick={() => place((s) => ({ ...without(s, d.system_id), in_scope: [...without(s, d.system_id).in_scope, d.system_id] }))}>
                Add in scope
              </button>
            ) : null}{' '}
            {excluding === d.system_id ? (
              <form style={{ display: 'inline' }} onSubmit={(e) => {
                e.preventDefault();
                const next = (s: Input) => ({ ...without(s, d.system_id), out_of_scope: [...without(s, d.system_id).out_of_scope, { system_id: d.system_id, reason }] });
                place(next);
                setExcluding(null);
                setReason('');
              }}>
                <input aria-label={`Why ${d.name} is out of scope`} value={reason} onChange={(e) => setReason(e.target.value)} data-testid={`drift-reason-${d.system_id}`} />{' '}
                <button type="submit" className="btn btn-sm" disabled={busy || !reason.trim()} data-testid={`drift-exclude-save-${d.system_id}`}>Exclude</button>
              </form>
            ) : (
              <button type="button" className="btn btn-sm" disabled={busy} data-testid={`drift-out-${d.system_id}`} onClick={() => setExcluding(d.system_id)}>
                Exclude with reason…
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
