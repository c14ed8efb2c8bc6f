// The people of the organization (admins): members with role and status, role changes,
// deactivation and reactivation after a confirmation, forced password resets, and invitations
// whose one-time link is shown once with a copy button.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { problemMessage } from '../../../lib/problem';
import { roleLabels } from '../../../lib/roles';
import { Banner, ConfirmDialog, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { changeRole, invite, isUnreadable, listInvitations, listMembers, requireReset, revokeInvitation, roles, setActive, type InvitationPage, type Member, type RoleName } from '../api';
import { when } from '../format';

/** What the admin is asked to confirm. */
type Pending = { kind: 'deactivate' | 'reactivate' | 'reset'; member: Member } | { kind: 'revoke'; id: string; email: string };

function message(e: unknown): string {
  return e instanceof ApiError ? problemMessage(e.problem) : 'The server could not be reached. Try again in a moment.';
}

/** A one-time link with its copy button; the page shows it once. */
export function OneTimeLink({ label, path, testId }: { label: string; path: string; testId: string }) {
  const url = window.location.origin + path;
  const [copied, setCopied] = useState(false);
  return (
    <Banner kind="success" testId={testId}>
      <p>{label} It is shown only now and works once.</p>
      <input className="input" readOnly value={url} aria-label="One-time link" data-testid={`${testId}-url`} onFocus={(e) => e.target.select()} />{' '}
      <button type="button" className="btn btn-small" data-testid={`${testId}-copy`}
        onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}>
        {copied ? 'Copied' : 'Copy link'}
      </button>
    </Banner>
  );
}

export function PeoplePage() {
  useTitle('People');
  const session = useSession();
  const [epoch, setEpoch] = useState(0);
  const members = useAsync((signal) => listMembers(signal), [session.orgEpoch, epoch]);
  const invitations = useAsync((signal) => listInvitations(undefined, signal), [session.orgEpoch, epoch]);
  const [more, setMore] = useState<{ epoch: string; pages: InvitationPage[] }>({ epoch: '', pages: [] });
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<{ label: string; path: string; testId: string } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<RoleName>('contributor');
  const [days, setDays] = useState(7);

  if (session.role !== 'admin') {
    return (
      <div className="page">
        <h1>People</h1>
        <Banner kind="info" testId="people-admins-only">Only admins manage the people of the organization.</Banner>
        <p><Link to="/account">My account</Link>: your password and API tokens.</p>
      </div>
    );
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setEpoch((n) => n + 1);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
      setPending(null);
    }
  }

  async function submitInvite(e: FormEvent) {
    e.preventDefault();
    setLink(null);
    await run(async () => {
      const made = await invite(email.trim(), role, days);
      setLink({ label: `Invitation for ${made.email} (${roleLabels[made.role]}) until ${made.expires_at.slice(0, 10)}: give them this link.`, path: made.link ?? '', testId: 'invite-link' });
      setEmail('');
    });
  }

  function confirm() {
    if (!pending) return;
    if (pending.kind === 'revoke') return void run(() => revokeInvitation(pending.id));
    const m = pending.member;
    if (pending.kind === 'reset')
      return void run(async () => {
        const r = await requireReset(m.id);
        setLink({ label: `${m.email} must set a new password: give them this link.`, path: r.link, testId: 'reset-link' });
      });
    return void run(() => setActive(m.id, pending.kind === 'reactivate'));
  }

  // Pages after the first, kept while the first page is the one they continue.
  const key = `${session.orgEpoch}.${epoch}`;
  const later = more.epoch === key ? more.pages : [];
  const pages = invitations.data ? [invitations.data, ...later] : [];
  const rows = pages.flatMap((p) => p.items);
  const next = pages.at(-1)?.next;
  async function loadMore() {
    if (!next) return;
    try {
      const page = await listInvitations(next);
      setMore({ epoch: key, pages: [...later, page] });
    } catch (e) {
      setError(message(e));
    }
  }
  return (
    <div className="page">
      <h1>People</h1>
      <p><Link to="/account" data-testid="account-link">My account</Link>: your password and API tokens.</p>
      {error ? <Banner kind="error" testId="people-error">{error}</Banner> : null}
      {link ? <OneTimeLink {...link} /> : null}
      <section className="card">
        <h2>Invite someone</h2>
        <form className="form-row" onSubmit={(e) => void submitInvite(e)} noValidate data-testid="invite-form">
          <label>Email <input className="input" type="email" name="email" value={email} onChange={(e) => setEmail(e.target.value)} required /></label>{' '}
          <label>Role{' '}
            <select className="input" name="role" value={role} onChange={(e) => setRole(e.target.value as RoleName)}>
              {roles.map((r) => <option key={r} value={r}>{roleLabels[r]}</option>)}
            </select>
          </label>{' '}
          <label>Link valid for (days) <input className="input" type="number" name="days" min={1} max={30} value={days} onChange={(e) => setDays(Number(e.target.value))} /></label>{' '}
          <button type="submit" className="btn btn-primary" disabled={busy}>Invite</button>
        </form>
      </section>
      <h2>Members</h2>
      <ErrorBanner error={members.error} title="The members could not be loaded." />
      {members.loading && !members.data ? <Loading /> : null}
      <div className="table-wrap">
        <table className="table" data-testid="members-table">
          <thead><tr><th>Name</th><th>Email</th><th>Role</th><th>Status</th><th>Last log-in</th><th>Actions</th></tr></thead>
          <tbody>
            {(members.data ?? []).map((m) => (
              <tr key={m.id} data-testid={`member-${m.email}`}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>
                  <select className="input" aria-label={`Role of ${m.email}`} value={m.role} disabled={busy}
                    onChange={(e) => void run(async () => void (await changeRole(m.id, e.target.value as RoleName)))}>
                    {roles.map((r) => <option key={r} value={r}>{roleLabels[r]}</option>)}
                  </select>
                </td>
                <td data-testid="member-status">{m.status === 'active' ? 'Active' : 'Deactivated'}{m.password_reset_pending ? ' · new password required' : ''}</td>
                <td data-testid="member-last-login">{when(m.last_login_at, 'Never')}</td>
                <td>
                  {m.id === session.me?.user.id ? <span className="muted">You</span> : (
                    <>
                      <button type="button" className="btn btn-small" onClick={() => setPending({ kind: m.status === 'active' ? 'deactivate' : 'reactivate', member: m })}>
                        {m.status === 'active' ? 'Deactivate' : 'Reactivate'}
                      </button>{' '}
                      {m.status === 'active' ? <button type="button" className="btn btn-small" onClick={() => setPending({ kind: 'reset', member: m })}>Require new password</button> : null}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Invitations</h2>
      <ErrorBanner error={invitations.error} title="The invitations could not be loaded." />
      {invitations.data && rows.length === 0 ? <p className="muted">None.</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="invitations-table">
            <thead><tr><th>Email</th><th>Role</th><th>Status</th><th>Invited by</th><th>Expires</th><th><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {rows.map((i) => isUnreadable(i) ? (
                <tr key={i.id} data-testid="invitation-unreadable"><td colSpan={6}>{i.id}: {i.error}</td></tr>
              ) : (
                <tr key={i.id} data-testid={`invitation-${i.email}`}>
                  <td>{i.email}</td><td>{roleLabels[i.role]}</td><td>{i.status}</td><td>{i.invited_by}</td><td>{i.expires_at.slice(0, 10)}</td>
                  <td>{i.status === 'pending' ? <button type="button" className="btn btn-small" onClick={() => setPending({ kind: 'revoke', id: i.id, email: i.email })}>Revoke</button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next ? <button type="button" className="btn" data-testid="invitations-more" onClick={() => void loadMore()}>More invitations</button> : null}
      <ConfirmDialog open={pending !== null} busy={busy} danger={pending?.kind !== 'reactivate'} onCancel={() => setPending(null)} onConfirm={confirm}
        title={pending?.kind === 'revoke' ? 'Revoke the invitation?' : pending?.kind === 'reset' ? 'Require a new password?' : pending?.kind === 'reactivate' ? 'Reactivate?' : 'Deactivate?'}
        confirmLabel={pending?.kind === 'revoke' ? 'Revoke' : pending?.kind === 'reset' ? 'Require new password' : pending?.kind === 'reactivate' ? 'Reactivate' : 'Deactivate'}>
        {pending?.kind === 'revoke' ? <p>The link sent to {pending.email} stops working.</p> : null}
        {pending?.kind === 'deactivate' ? <p>{pending.member.email} can no longer log in; their sessions and API tokens end at once.</p> : null}
        {pending?.kind === 'reactivate' ? <p>{pending.member.email} can log in again with their password.</p> : null}
        {pending?.kind === 'reset' ? <p>{pending.member.email} is logged out and cannot log in until they set a new password with the link you will get.</p> : null}
      </ConfirmDialog>
    </div>
  );
}
