// The side navigation's entries under their headings (the registry's groups): each heading is a
// button that closes or opens its group (`aria-expanded`). Every group is open at first; the ones
// closed by hand stay closed in this browser (localStorage) until opened again or until a page of
// theirs is shown, whose group always opens. State is this component's.
import { useEffect, useState } from 'react';
import { matchPath, NavLink, useLocation } from 'react-router-dom';
import type { NavEntry, NavSection } from '../../../registry';

/** Where the closed groups are remembered. */
const storageKey = 'aims.nav.closed';

function readClosed(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function writeClosed(closed: string[]) {
  try {
    localStorage.setItem(storageKey, JSON.stringify(closed));
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
}

/** Whether `entry` is the one of the page at `pathname` (as NavLink marks it active). */
function isCurrent(entry: NavEntry, pathname: string): boolean {
  return matchPath({ path: entry.to, end: entry.end }, pathname) !== null;
}

/** The groups of the side navigation; the current page's is open. */
export function NavGroups({ sections }: { sections: readonly NavSection[] }) {
  const { pathname } = useLocation();
  const current = sections.find((s) => s.entries.some((e) => isCurrent(e, pathname)))?.id;
  const [closed, setClosed] = useState<string[]>(readClosed);
  const change = (next: string[]) => {
    setClosed(next);
    writeClosed(next);
  };
  // Showing a page opens its group (only then: closing the current group by hand is allowed).
  useEffect(() => {
    if (!current) return;
    setClosed((c) => {
      if (!c.includes(current)) return c;
      const next = c.filter((id) => id !== current);
      writeClosed(next);
      return next;
    });
  }, [current, pathname]);

  return (
    <div className="nav-groups">
      {sections.map((s) => {
        const open = !closed.includes(s.id);
        const listId = `nav-group-${s.id}`;
        return (
          <div key={s.id} className="nav-group" data-group={s.id}>
            <h2 className="nav-heading">
              <button
                type="button"
                aria-expanded={open}
                aria-controls={listId}
                onClick={() => change(open ? [...closed, s.id] : closed.filter((id) => id !== s.id))}
              >
                <span>{s.label}</span>
                <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
                  <path d={open ? 'M6 15l6-6 6 6' : 'M6 9l6 6 6-6'} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                </svg>
              </button>
            </h2>
            <ul id={listId} hidden={!open}>
              {s.entries.map((n) => (
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
          </div>
        );
      })}
    </div>
  );
}
