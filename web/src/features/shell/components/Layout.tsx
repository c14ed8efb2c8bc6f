// The frame around every page once logged in: top bar, side navigation, content.
import { Fragment, Suspense } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { roleLabels } from '../../../lib/roles';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import type { NavEntry } from '../../../registry';
import { OrgSwitcher } from './OrgSwitcher';

/** The shell; `nav` is the side navigation (the feature registry's entries, in order). */
export function Layout({ nav }: { nav: readonly NavEntry[] }) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  if (session.status === 'loading') {
    return (
      <div className="page-center">
        <Loading />
      </div>
    );
  }
  if (session.status === 'anonymous') {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.status === 'error' || !session.me) {
    return (
      <div className="page-center">
        <ErrorBanner error={session.error} title="aims could not start." />
        <button type="button" className="btn" onClick={session.retry}>
          Try again
        </button>
      </div>
    );
  }

  const { me, role } = session;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="aims home">
          <span className="brand-mark" aria-hidden="true">
            a
          </span>
          aims
        </NavLink>
        <OrgSwitcher />
        <div className="topbar-user">
          <span className="user-email" data-testid="user-email">
            {me.user.email}
          </span>
          <span className="badge badge-role" data-testid="user-role">
            {role ? roleLabels[role] : ''}
          </span>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => void session.signOut().then(() => navigate('/login'))}
          >
            Log out
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          {nav.map((n) => (
            <li key={n.to}>
              <NavLink to={n.to} end={n.end} className={({ isActive }) => (isActive ? 'active' : undefined)}>
                <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
                  <path d={n.icon} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
                </svg>
                {n.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {/* Re-mounting on an organization change reloads every page's data. */}
        <Fragment key={session.orgEpoch}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Fragment>
      </main>
    </div>
  );
}
