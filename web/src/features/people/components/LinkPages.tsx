// The public pages of one-time links: /invite/:token (set name and password and join, or join
// after logging in with an existing account) and /password-reset/:token (set a new password an
// admin required). Outside the logged-in shell.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { useAsync, useTitle, type AsyncState } from '../../../lib/hooks';
import { fieldErrors, problemMessage } from '../../../lib/problem';
import { roleLabels } from '../../../lib/roles';
import { Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { acceptInvitation, completeReset, getInvitation, getReset, joinInvitation } from '../api';

function message(e: unknown): string {
  return e instanceof ApiError ? problemMessage(e.problem) : 'The server could not be reached. Try again in a moment.';
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="login-page">
      <div className="login-card" aria-labelledby="link-title">
        <div className="brand brand-large" aria-hidden="true"><span className="brand-mark">a</span> aims</div>
        <h1 id="link-title">{title}</h1>
        {children}
      </div>
    </main>
  );
}

/** A link page's title, the token of its URL looked up with `get`, the session and navigation. */
function useLinkPage<T>(title: string, get: (token: string, signal: AbortSignal) => Promise<T>) {
  useTitle(title);
  const { token = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const view = useAsync((signal) => get(token, signal), [token]);
  return { token, session, navigate, view };
}

/** A link page's card while its token is looked up (titled `title`), or when the link does not work. */
function LinkNotLoaded({ view, title }: { view: Pick<AsyncState<unknown>, 'loading' | 'error'>; title: string }) {
  if (view.loading) return <Card title={title}><Loading /></Card>;
  return (
    <Card title="This link does not work">
      <div className="banner banner-error" role="alert" data-testid="link-error">{message(view.error)}</div>
      <Link to="/login">Go to log-in</Link>
    </Card>
  );
}

/** New password twice; `onSubmit` gets it once both agree. */
function PasswordForm({ withName, submitLabel, onSubmit }: { withName: boolean; submitLabel: string; onSubmit: (name: string, password: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setFields({});
    if (password !== again) return setError('The two passwords differ.');
    setBusy(true);
    try {
      await onSubmit(name.trim(), password);
    } catch (err) {
      setError(message(err));
      if (err instanceof ApiError) setFields(fieldErrors(err.problem));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="link-form">
      {error ? <div className="banner banner-error" role="alert" data-testid="link-error">{error}</div> : null}
      {withName ? (
        <div className="field">
          <label htmlFor="link-name">Your name</label>
          <input id="link-name" name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} required />
          {fields.name ? <p className="field-error">{fields.name}</p> : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="link-password">New password</label>
        <input id="link-password" name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        {fields.password ? <p className="field-error">{fields.password}</p> : null}
        <p className="muted small">At least 10 characters; not a common password or your name.</p>
      </div>
      <div className="field">
        <label htmlFor="link-again">New password again</label>
        <input id="link-again" name="again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
      </div>
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>{busy ? 'Working…' : submitLabel}</button>
    </form>
  );
}

export function InvitePage() {
  const { token, session, navigate, view } = useLinkPage('Invitation', getInvitation);
  const [joinError, setJoinError] = useState<string | null>(null);
  if (view.loading || view.error || !view.data) return <LinkNotLoaded view={view} title="Invitation" />;
  const v = view.data;
  const intro = <p data-testid="invite-intro">You are invited to <strong>{v.organization.name}</strong> as {roleLabels[v.role as keyof typeof roleLabels] ?? v.role} ({v.email}).</p>;
  if (v.account_exists) {
    const mine = session.status === 'ready' && session.me?.user.email === v.email;
    return (
      <Card title={`Join ${v.organization.name}`}>
        {intro}
        {joinError ? <div className="banner banner-error" role="alert">{joinError}</div> : null}
        {mine ? (
          <button type="button" className="btn btn-primary btn-block" onClick={() => void joinInvitation(token).then(
            async () => { await session.switchOrg(v.organization.id); navigate('/'); }, (e: unknown) => setJoinError(message(e)))}>Join</button>
        ) : <p>You have an account: <Link to={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>log in as {v.email}</Link>, then join here.</p>}
      </Card>
    );
  }
  return (
    <Card title={`Join ${v.organization.name}`}>
      {intro}
      <PasswordForm withName submitLabel="Join" onSubmit={async (name, password) => {
        await acceptInvitation(token, name, password);
        await session.signIn(v.email, password);
        navigate('/');
      }} />
    </Card>
  );
}

export function PasswordResetPage() {
  const { token, session, navigate, view } = useLinkPage('Set a new password', getReset);
  if (view.loading || view.error || !view.data) return <LinkNotLoaded view={view} title="Set a new password" />;
  const email = view.data.email;
  return (
    <Card title="Set a new password">
      <p>An admin requires a new password for {email}.</p>
      <PasswordForm withName={false} submitLabel="Set password and log in" onSubmit={async (_name, password) => {
        await completeReset(token, password);
        await session.signIn(email, password);
        navigate('/');
      }} />
    </Card>
  );
}
