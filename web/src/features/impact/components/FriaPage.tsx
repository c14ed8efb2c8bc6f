// The EU AI Act Art. 27 fundamental-rights impact assessment as a view of the record: whether the
// system's saved classification makes it required, and each element (a)–(f) filled from the assessment or flagged.
import { Link, useSearchParams } from 'react-router-dom';
import { useAsync } from '../../../lib/hooks';
import { labelOf } from '../../../lib/labels';
import { Banner, ErrorBanner, Loading } from '../../../lib/ui';
import { getFria, type ImpactFriaElement } from '../api';
import { euActRoleLabels } from '../../euact';
import { measureStatusLabels } from '../labels';
import { FriaStatusBadge, LevelBadge } from './badges';
import { useImpact } from './ImpactLayout';
import { impactPath } from './ImpactListPage';

type Item = Record<string, unknown>;
const s = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function ItemLine({ item }: { item: Item }) {
  if ('name' in item)
    return (
      <li>
        {s(item.name)}
        {item.vulnerable ? <span className="badge badge-level-sensitive"> vulnerable</span> : null}
        {s(item.notes) ? <span className="muted"> — {s(item.notes)}</span> : null}
      </li>
    );
  if ('harm' in item)
    return (
      <li>
        {s(item.description)} <span className="muted">— {s(item.owner) || 'no owner'}, {labelOf(measureStatusLabels, s(item.status))}; against: {s(item.harm)}</span>
      </li>
    );
  return (
    <li>
      <strong>{s(item.affected_party)}</strong>: {s(item.description)} <span className="muted">(score {s(item.score)})</span>{' '}
      <LevelBadge value={item.level as 'normal' | 'sensitive' | 'restricted'} />
    </li>
  );
}

function Element({ e }: { e: ImpactFriaElement }) {
  const items = (e.items ?? []) as Item[];
  return (
    <section className="ia-fria-element" data-status={e.status} data-testid={`fria-${e.key}`} aria-labelledby={`fria-h-${e.key}`}>
      <div className="ia-fria-head">
        <span className="ia-fria-ref">{e.reference}</span>
        <h3 id={`fria-h-${e.key}`} style={{ margin: 0, fontSize: '1rem' }}>
          {e.title}
        </h3>
        <FriaStatusBadge value={e.status} />
      </div>
      {e.text ? <p className="prewrap">{e.text}</p> : null}
      {items.length ? (
        <ul>
          {items.map((it, i) => (
            <ItemLine key={i} item={it} />
          ))}
        </ul>
      ) : null}
      {e.status !== 'filled' ? (
        <p className="muted small">
          {e.guidance} Filled from: {e.sources.join(', ').replace(/_/g, ' ')}.
        </p>
      ) : null}
    </section>
  );
}

export function FriaPage() {
  const { assessment: a } = useImpact();
  const [params, setParams] = useSearchParams();
  const version = params.get('version') ? Number(params.get('version')) : undefined;
  const fria = useAsync((signal) => getFria(a.id, version, signal), [a.id, a.version, version]);
  const f = fria.data;
  return (
    <div data-testid="fria-view">
      <div className="card-head">
        <h2>Fundamental-rights impact assessment (EU AI Act Art. 27)</h2>
        {a.approved_version ? (
          <div className="field">
            <label htmlFor="fria-source">Show</label>
            <select id="fria-source" value={version ?? ''} onChange={(e) => setParams(e.target.value ? { version: e.target.value } : {})}>
              <option value="">The working record</option>
              {Array.from({ length: a.approved_version }, (_, i) => a.approved_version! - i).map((n) => (
                <option key={n} value={n}>
                  Approved version {n}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <ErrorBanner error={fria.error} title="The Art. 27 view could not be loaded." />
      {fria.loading && !f ? <Loading /> : null}
      {f ? (
        <>
          <Banner kind={f.applicability.required ? 'warning' : 'info'} testId="fria-applicability">
            <p>
              <strong data-testid="fria-required">
                {!f.applicability.classified ? 'Not classified yet' : f.applicability.required ? 'An FRIA is required' : 'No FRIA is required'}
              </strong>
              {f.applicability.classified ? ' according to the saved classification' : ''}. {f.applicability.reason}
            </p>
            {f.applicability.classified ? (
              <p className="small">
                Roles: <span data-testid="fria-roles">{f.applicability.roles.map((r) => labelOf(euActRoleLabels, r)).join(', ') || 'none'}</span>
              </p>
            ) : null}
            {f.applicability.conditions ? <p className="small">{f.applicability.conditions}</p> : null}
            {a.system ? (
              <p className="small">
                <Link to={`/systems/${encodeURIComponent(a.system.id)}/classification`} data-testid="fria-classification-link">
                  {f.applicability.classified ? `See the classification of ${a.system.name}` : `Classify ${a.system.name}`}
                </Link>
              </p>
            ) : null}
          </Banner>
          <p data-testid="fria-completeness">
            {f.complete ? (
              <strong>Every element of Art. 27(1) is filled from the assessment.</strong>
            ) : (
              <>
                <strong>{f.missing.length} of 6 elements</strong> still need information: {f.missing.map((k) => `(${k})`).join(', ')}.{' '}
                {!version ? <Link to={impactPath(a.id)}>Complete them in the assessment.</Link> : null}
              </>
            )}
          </p>
          {f.elements.map((e) => (
            <Element key={e.key} e={e} />
          ))}
          <p className="muted small">
            Art. 27 also asks deployers to notify the market surveillance authority of the results and to update the assessment when the
            elements change. This view is derived from the record above; export it with the assessment as PDF or JSON.
          </p>
        </>
      ) : null}
    </div>
  );
}
