// Pieces the pages of a schema-driven record kind share: the gate that loads the kind's schema
// before a page renders, the organization's AI systems by id, a field's value for reading (with
// links to referenced AI systems), the page title with the clause badge. Stateless components.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { showValue } from '../../../components/records/kindModel';
import { useKind, type KindField, type KindSchema } from '../../../components/records/kinds';
import { useAsync } from '../../../lib/hooks';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { listSystems } from '../../systems';

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

/** The organization's AI systems (archived ones too, for old references) as id → name. */
export function useSystemNames(): { names: ReadonlyMap<string, string>; loading: boolean; error: unknown } {
  const systems = useAsync((signal) => listSystems({ archived: 'all', sort: 'name' }, undefined, 500, signal), []);
  const names = new Map<string, string>();
  for (const s of systems.data?.items ?? []) if ('name' in s && typeof s.name === 'string') names.set(s.id, s.name);
  return { names, loading: systems.loading, error: systems.error };
}

/** True when the kind has a field that refers to AI systems. */
export function refersToSystems(kind: KindSchema): boolean {
  return kind.fields.some((f) => (f.type === 'ref' || f.type === 'refs') && f.ref === 'system');
}

const dash = <span className="muted">—</span>;

/** A field's value on the detail page: long text kept as written, AI systems as links. */
export function FieldValue({ field, value, systems }: { field: KindField; value: unknown; systems: ReadonlyMap<string, string> }) {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return dash;
  if ((field.type === 'ref' || field.type === 'refs') && field.ref === 'system') {
    const ids = Array.isArray(value) ? value.map(String) : [String(value)];
    return (
      <ul className="chips">
        {ids.map((id) => (
          <li key={id} className="chip">
            <Link to={`/systems/${encodeURIComponent(id)}`}>{systems.get(id) ?? id}</Link>
          </li>
        ))}
      </ul>
    );
  }
  const text = showValue(field, value, systems);
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
