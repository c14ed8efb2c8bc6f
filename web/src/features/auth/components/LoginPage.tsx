// The login form.
import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { useTitle } from '../../../lib/hooks';
import { problemMessage } from '../../../lib/problem';
import { useSession } from './SessionProvider';

/** Only same-app paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  useTitle('Log in');
  const session = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session.status === 'ready') return <Navigate to={safeNext(params.get('next'))} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!email.trim() || !password) {
      setError('Enter your email and password.');
      return;
    }
    setBusy(true);
    try {
      await session.signIn(email.trim(), password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError('The email or password is not correct.');
      else if (err instanceof ApiError) setError(problemMessage(err.problem));
      else setError('The server could not be reached. Try again in a moment.');
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={submit} noValidate aria-labelledby="login-title" data-testid="login-form">
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">a</span> aims
        </div>
        <h1 id="login-title">Log in</h1>
        <p className="muted">AI management system for ISO/IEC 42001:2023</p>
        {error ? (
          <div className="banner banner-error" role="alert" data-testid="login-error">
            {error}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="login-email">Email</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoFocus
            required
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
