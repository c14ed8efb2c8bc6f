// Pieces the pages of a schema-driven record kind share: the gate that loads the kind's schema
// before a page renders, a field's value for reading (references by name, with links to the AI
// systems, catalog controls and records they point at), the page title with the clause badge.
// Stateless components.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { isRef, refName, showValue } from '../../../components/records/kindModel';
import { useKind, type KindField, type KindSchema } from '../../../components/records/kinds';
import { DateTime, ErrorBanner, Loading } from '../../../lib/ui';
import type { RefState } from './refNames';

/** The props of every page of a kind: the URL segment it is served at. */
export interface KindPageProps {
  path: string;
}

/** Renders `children` with the kind's schema once loaded; the spinner or the error until then. */
export function KindGate({ path, children }: { path: string; children: (kind: KindSchema) => ReactNode }) {
  const { kind, error, loading } = useKind(path);
  if (loading && !kind) return <Loading />;
  if (!kind)
    return (
      <div className="page">
        <ErrorBanner error={error} title="This register could not be loaded." />
      </div>
    );
  return <>{children(kind)}</>;
}

const dash = <span className="muted">—</span>;

/** Where a reference leads: an AI system, a catalog control or a record of a kind; undefined for members. */
export function refLink(target: string | undefined, id: string, kinds: RefState['kinds']): string | undefined {
  if (target === 'system') return `/systems/${encodeURIComponent(id)}`;
  if (target === 'control') return `/catalog/iso42001/${encodeURIComponent(id)}`;
  const kind = kinds.get(target ?? '');
  return kind ? `/${kind.path}/${encodeURIComponent(id)}` : undefined;
}

/** A field's value on the detail page: long text kept as written, references by name with their links, date-times in the reader's time. */
export function FieldValue({ field, value, refs }: { field: KindField; value: unknown; refs: RefState }) {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return dash;
  if (isRef(field)) {
    const ids = Array.isArray(value) ? value.map(String) : [String(value)];
    return (
      <ul className="chips">
        {ids.map((id) => {
          const to = refLink(field.ref, id, refs.kinds);
          const name = refName(refs.names, field.ref, id);
          return (
            <li key={id} className="chip">
              {to ? <Link to={to}>{name}</Link> : name}
            </li>
          );
        })}
      </ul>
    );
  }
  if (field.format === 'date-time') return <DateTime at={String(value)} />;
  const text = showValue(field, value, refs.names);
  return field.type === 'long_text' ? <span className="prewrap">{text}</span> : <span>{text}</span>;
}

/** "Context issues" with its clause badge. */
export function KindHeading({ kind, children }: { kind: KindSchema; children?: ReactNode }) {
  return (
    <h1>
      {children ?? kind.plural}
      {kind.clause ? (
        <span className="badge badge-neutral badge-clause" title={`ISO/IEC 42001 clause ${kind.clause}`} data-testid="kind-clause">
          Clause {kind.clause}
        </span>
      ) : null}
    </h1>
  );
}
