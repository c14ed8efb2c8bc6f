// The parts of a record's detail page: the tab of the page kept in the URL (`?tab=`, absent for the
// first tab), the tab list with arrow-key moves, its panel, and the row of facts under the title
// (id, version, who created and changed it). Stateless apart from the URL.
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The tab named by `?tab=` (the first of `tabs` when absent or unknown) and the way to change it. */
export function useTabParam<T extends string>(tabs: readonly T[]): [T, (t: T) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') ?? '';
  const tab = (tabs as readonly string[]).includes(asked) ? (asked as T) : tabs[0];
  const select = (t: T) => {
    const p = new URLSearchParams(params);
    if (t === tabs[0]) p.delete('tab');
    else p.set('tab', t);
    setParams(p, { replace: true });
  };
  return [tab, select];
}

interface TabsProps<T extends string> {
  /** What the tabs are of, for screen readers ("AI system"). */
  label: string;
  tabs: readonly T[];
  current: T;
  onSelect: (t: T) => void;
  /** The visible name of a tab. */
  title: (t: T) => ReactNode;
  children: ReactNode;
}

/** A tab list and the panel of the current tab; the arrow keys move between tabs. */
export function DetailTabs<T extends string>({ label, tabs, current, onSelect, title, children }: TabsProps<T>) {
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label}>
        {tabs.map((t, i) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={current === t}
            aria-controls={`panel-${t}`}
            tabIndex={current === t ? 0 : -1}
            className={current === t ? 'tab active' : 'tab'}
            onClick={() => onSelect(t)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const other = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
              onSelect(other);
              document.getElementById(`tab-${other}`)?.focus();
            }}
          >
            {title(t)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`} className="tabpanel">
        {children}
      </div>
    </>
  );
}

/** The facts under a record's title: label/value pairs in one row. */
export function MetaRow({ items }: { items: readonly (readonly [string, ReactNode, string?])[] }) {
  return (
    <dl className="meta-row">
      {items.map(([label, value, className]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className={className}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
