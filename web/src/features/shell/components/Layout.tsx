// The frame around every page once logged in: top bar, side navigation (grouped under collapsible
// headings), content. On a narrow screen the side navigation folds into a menu opened from the top
// bar's menu button.
import { Fragment, Suspense, useEffect, useRef, useState, type MouseEvent } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { roleLabels } from '../../../lib/roles';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import type { NavSection } from '../../../registry';
import { NavGroups } from './NavGroups';
import { OrgSwitcher } from './OrgSwitcher';

/** The shell; `nav` is the side navigation (the feature registry's headings and entries, in order). */
export function Layout({ nav }: { nav: readonly NavSection[] }) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const menu = useMenu();

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
    <div className={menu.open ? 'app menu-open' : 'app'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          ref={menu.buttonRef}
          className="menu-button"
          aria-expanded={menu.open}
          aria-controls="main-nav"
          aria-label="Menu"
          onClick={menu.toggle}
        >
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path d={menu.open ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
        <NavLink to="/" className="brand">
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
      <nav id="main-nav" className="sidenav" aria-label="Main" ref={menu.navRef} onClick={menu.onNavClick}>
        <NavGroups sections={nav} />
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

/**
 * The narrow layout's menu: open or closed; opening it moves focus into it, Escape closes
 * it with focus back on its button, following one of its links closes it with focus on the content.
 */
function useMenu() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!open) return;
    // The current page's entry, else the first heading.
    (navRef.current?.querySelector<HTMLElement>('a.active') ?? navRef.current?.querySelector<HTMLElement>('a, button'))?.focus();
    const outside = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!navRef.current?.contains(t) && !buttonRef.current?.contains(t)) setOpen(false);
    };
    const escape = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  return {
    open,
    buttonRef,
    navRef,
    toggle: () => setOpen((o) => !o),
    onNavClick: (e: MouseEvent) => {
      if (!open || !(e.target as Element).closest('a')) return;
      setOpen(false);
      document.getElementById('main')?.focus();
    },
  };
}
