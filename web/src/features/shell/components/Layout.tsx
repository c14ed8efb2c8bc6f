// The frame around every page once logged in: top bar, side navigation, content.
import { Fragment } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { roleLabels } from '../../../lib/roles';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { OrgSwitcher } from './OrgSwitcher';

const nav = [
  { to: '/', label: 'Dashboard', end: true, icon: 'M3 13h8V3H3v10zm0 8h8v-6H3v6zm10 0h8V11h-8v10zm0-18v6h8V3h-8z' },
  { to: '/catalog', label: 'Catalog', end: false, icon: 'M4 4h6a3 3 0 013 3v13a2 2 0 00-2-2H4V4zm16 0h-6a3 3 0 00-3 3v13a2 2 0 012-2h7V4z' },
  { to: '/systems', label: 'AI systems', end: false, icon: 'M4 5h16v10H4zM8 19h8M12 15v4' },
  { to: '/assessments', label: 'Assessments', end: false, icon: 'M10 6h10M10 12h10M10 18h10M3.5 6l1.5 1.5L8 4.5M3.5 12l1.5 1.5L8 10.5M3.5 18l1.5 1.5L8 16.5' },
  { to: '/soa', label: 'Statement of Applicability', end: false, icon: 'M6 3h9l4 4v14H6zM14 3v5h5M9 14l2 2 4-4' },
  { to: '/impact', label: 'AI impact', end: false, icon: 'M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7zM9 12l2 2 4-4' },
  { to: '/objectives', label: 'AI objectives', end: false, icon: 'M12 21a9 9 0 100-18 9 9 0 000 18zM12 16a4 4 0 100-8 4 4 0 000 8zM12 12l7-7' },
  { to: '/risks', label: 'Risks', end: false, icon: 'M12 3l9 16H3L12 3zM12 10v4M12 17h.01' },
  { to: '/obligations', label: 'EU AI Act obligations', end: false, icon: 'M12 3l8 4v5c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V7zM9 12l2 2 4-4' },
  { to: '/evidence', label: 'Evidence', end: false, icon: 'M4 7h6l2 2h8v10H4zM12 13v4M10 15l2-2 2 2' },
  { to: '/audit', label: 'Audit log', end: false, icon: 'M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6l8-3zM8.5 12l2.5 2.5 4.5-4.5' },
  { to: '/settings', label: 'Settings', end: false, icon: 'M12 15a3 3 0 100-6 3 3 0 000 6zM4 12h2M18 12h2M12 4v2M12 18v2M6.3 6.3l1.4 1.4M16.3 16.3l1.4 1.4M6.3 17.7l1.4-1.4M16.3 7.7l1.4-1.4' },
];

export function Layout() {
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
          <Outlet />
        </Fragment>
      </main>
    </div>
  );
}
