// The approval round of anything approved by named approvers (the server's approval object:
// required approvers and their decisions): who decided what and when, and — for the caller when
// they are a required approver who has not approved yet and not the author — Approve and Reject
// with a comment (required to reject).
import { useState } from 'react';
import { formatDateTime } from '../../lib/labels';

export interface ApprovalState {
  required?: string[];
  decisions?: { user_id?: string; email?: string; decision?: 'approve' | 'reject'; comment?: string; at?: string }[];
}

interface Props {
  approval: ApprovalState | null | undefined;
  /** Whether the round is open (in review / in approval). */
  open: boolean;
  /** The caller's and the author's user ids. */
  me: string | undefined;
  author: string;
  busy: boolean;
  onDecide: (approve: boolean, comment: string) => void;
  /** The prefix of the test ids: "version" gives version-approval, version-approve … */
  testId: string;
}

export function ApprovalRound({ approval, open, me, author, busy, onDecide, testId }: Props) {
  const [comment, setComment] = useState('');
  if (!approval) return null;
  const approved = new Set((approval.decisions ?? []).filter((d) => d.decision === 'approve').map((d) => d.user_id));
  const mayDecide = open && !!me && (approval.required ?? []).includes(me) && !approved.has(me) && author !== me;
  return (
    <>
      <div data-testid={`${testId}-approval`}>
        <h3>Approval</h3>
        <p>
          {approved.size} of {approval.required?.length ?? 0} approvals
        </p>
        <ul>
          {(approval.decisions ?? []).map((d, i) => (
            <li key={i}>
              {d.email}: {d.decision === 'approve' ? 'approved' : 'rejected'} on {formatDateTime(d.at ?? '')}
              {d.comment ? ` — “${d.comment}”` : ''}
            </li>
          ))}
        </ul>
      </div>
      {mayDecide ? (
        <div className="decision" data-testid={`${testId}-decision`}>
          <label className="field">
            <span>Comment (required to reject)</span>
            <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="decision-comment" />
          </label>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => onDecide(true, comment)} data-testid={`${testId}-approve`}>
            Approve
          </button>{' '}
          <button type="button" className="btn btn-danger-outline" disabled={busy} onClick={() => onDecide(false, comment)} data-testid={`${testId}-reject`}>
            Reject
          </button>
        </div>
      ) : null}
    </>
  );
}
