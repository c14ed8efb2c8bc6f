// My account: one's own name and last log-in, one's password (the current one required), one's API
// tokens (created with a name, scope and expiry and shown once; an admin sees and revokes every
// member's), and a new organization for an admin.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { problemMessage } from '../../../lib/problem';
import { Banner, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { changeMyName, changePassword, createOrganization, createToken, listTokens, revokeToken } from '../api';
import { when } from '../format';

function message(e: unknown): string {
  return e instanceof ApiError ? problemMessage(e.problem) : 'The server could not be reached. Try again in a moment.';
}

function ProfileCard() {
  const session = useSession();
  const user = session.me?.user;
  const [name, setName] = useState(user?.name ?? '');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const user = await changeMyName(name);
      await session.refresh();
      setName(user.name);
      setNote({ ok: true, text: 'Name saved.' });
    } catch (err) {
      setNote({ ok: false, text: message(err) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card">
      <h2>You</h2>
      <p className="muted" data-testid="account-email">{user?.email}</p>
      <p data-testid="last-login">Last log-in: {when(user?.last_login_at)}</p>
      {note ? <Banner kind={note.ok ? 'success' : 'error'} testId="name-note">{note.text}</Banner> : null}
      <form className="form-row" onSubmit={(e) => void submit(e)} noValidate data-testid="name-form">
        <label>Name <input className="input" name="name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} /></label>{' '}
        <button type="submit" className="btn btn-primary" disabled={busy}>Save name</button>
      </form>
    </section>
  );
}

function PasswordCard() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await changePassword(current, next);
      setNote({ ok: true, text: 'Password changed; your other sessions have ended.' });
      setCurrent('');
      setNext('');
    } catch (err) {
      setNote({ ok: false, text: message(err) });
    }
  }
  return (
    <section className="card">
      <h2>Password</h2>
      {note ? <Banner kind={note.ok ? 'success' : 'error'} testId="password-note">{note.text}</Banner> : null}
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="password-form">
        <div className="field"><label htmlFor="pw-current">Current password</label>
          <input id="pw-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} /></div>
        <div className="field"><label htmlFor="pw-new">New password</label>
          <input id="pw-new" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} /></div>
        <button type="submit" className="btn btn-primary">Change password</button>
      </form>
    </section>
  );
}

function TokensCard() {
  const session = useSession();
  const [epoch, setEpoch] = useState(0);
  const tokens = useAsync((signal) => listTokens(signal), [session.orgEpoch, epoch]);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [days, setDays] = useState(90);
  const [never, setNever] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setMade((await createToken(name.trim(), scope, never ? null : days)).token ?? null);
      setName('');
      setEpoch((n) => n + 1);
    } catch (err) {
      setError(message(err));
    }
  }
  return (
    <section className="card">
      <h2>API tokens</h2>
      {error ? <Banner kind="error" testId="token-error">{error}</Banner> : null}
      {made ? (
        <Banner kind="success" testId="token-made">
          <p>Your new token, shown only now:</p>
          <input className="input" readOnly value={made} aria-label="New API token" onFocus={(e) => e.target.select()} />{' '}
          <button type="button" className="btn btn-small" onClick={() => void navigator.clipboard?.writeText(made)}>Copy</button>
        </Banner>
      ) : null}
      <form className="form-row" onSubmit={(e) => void submit(e)} noValidate data-testid="token-form">
        <label>Name <input className="input" value={name} onChange={(e) => setName(e.target.value)} /></label>{' '}
        <label>Scope <select className="input" value={scope} onChange={(e) => setScope(e.target.value as 'read' | 'write')}>
          <option value="read">Read only</option><option value="write">Read and write</option></select></label>{' '}
        <label>Expires in (days) <input className="input" type="number" min={1} max={3650} value={days} disabled={never} onChange={(e) => setDays(Number(e.target.value))} /></label>{' '}
        {session.role === 'admin' ? (
          <><label><input type="checkbox" name="never" checked={never} onChange={(e) => setNever(e.target.checked)} /> Never expires</label>{' '}</>
        ) : null}
        <button type="submit" className="btn btn-primary">Create token</button>
      </form>
      <ErrorBanner error={tokens.error} title="The tokens could not be loaded." />
      {tokens.loading && !tokens.data ? <Loading /> : null}
      <div className="table-wrap">
        <table className="table" data-testid="tokens-table">
          <thead><tr><th>Name</th><th>User</th><th>Scope</th><th>Created</th><th>Expires</th><th>Last used</th><th><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {(tokens.data ?? []).map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td><td>{t.user.email}</td><td>{t.scope}</td><td>{t.created_at.slice(0, 10)}</td>
                <td>{t.expires_at ? t.expires_at.slice(0, 10) : 'never'}{t.expired ? ' (expired)' : ''}</td>
                <td>{t.last_used_at ? t.last_used_at.slice(0, 16).replace('T', ' ') : '—'}</td>
                <td><button type="button" className="btn btn-small" onClick={() => void revokeToken(t.id).then(() => setEpoch((n) => n + 1), (e: unknown) => setError(message(e)))}>Revoke</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function NewOrgCard() {
  const session = useSession();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!session.me?.organizations.some((o) => o.role === 'admin')) return null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const org = await createOrganization(name.trim());
      await session.switchOrg(org.id);
    } catch (err) {
      setError(message(err));
    }
  }
  return (
    <section className="card">
      <h2>New organization</h2>
      <p className="muted">You become its admin and switch to it; switch back with the organization menu.</p>
      {error ? <Banner kind="error" testId="org-error">{error}</Banner> : null}
      <form className="form-row" onSubmit={(e) => void submit(e)} noValidate data-testid="new-org-form">
        <label>Name <input className="input" value={name} onChange={(e) => setName(e.target.value)} /></label>{' '}
        <button type="submit" className="btn btn-primary">Create organization</button>
      </form>
    </section>
  );
}

export function AccountPage() {
  useTitle('My account');
  const session = useSession();
  return (
    <div className="page page-narrow">
      <h1>My account</h1>
      <p className="muted" data-testid="account-name">{session.me?.user.name} · {session.me?.user.email}</p>
      <ProfileCard />
      <PasswordCard />
      <TokensCard />
      <NewOrgCard />
    </div>
  );
}
