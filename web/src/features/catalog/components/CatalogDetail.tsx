// One catalog item: what it asks for, the evidence an auditor expects, questions and next steps.
import { Link } from 'react-router-dom';
import { useAsync } from '../../../lib/hooks';
import { catalogKindLabels, documentedInformationLabels, labelOf } from '../../../lib/labels';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { getItem, type CatalogItem } from '../api';

interface Props {
  framework: string;
  frameworkTitle: string;
  id: string;
  /** All items of the framework, to name parents and children. */
  items: readonly CatalogItem[];
  trail: string[];
}

const interpretationNote =
  "Our interpretation: ISO/IEC 42001 names documented information for its clauses only. For an Annex A control, M (maintain) and R (retain) are the aims authors' reading of what the control implies, not a requirement of the standard.";

export function DocBadge({ value, basis }: { value: CatalogItem['documented_information']; basis?: CatalogItem['documented_information_basis'] }) {
  if (value === null || value === undefined) return null;
  const label = documentedInformationLabels[value];
  return (
    <span className="badge-group">
      <span className={`badge badge-doc badge-doc-${value === '-' ? 'none' : value.replace('+', '')}`} title={label} data-testid="doc-badge">
        {value === '-' ? 'No documented information' : `Documented information: ${value}`}
        <span className="sr-only"> — {label}</span>
      </span>
      {basis === 'interpretation' ? (
        <span className="interp-marker" title={interpretationNote} tabIndex={0} data-testid="doc-interpretation">
          our interpretation<span className="sr-only"> — {interpretationNote}</span>
        </span>
      ) : null}
    </span>
  );
}

function itemLink(framework: string, id: string) {
  return `/catalog/${encodeURIComponent(framework)}/${encodeURIComponent(id)}`;
}

export function CatalogDetail({ framework, frameworkTitle, id, items, trail }: Props) {
  const item = useAsync((signal) => getItem(framework, id, signal), [framework, id]);
  const byId = new Map(items.map((i) => [i.id, i]));
  if (item.loading && !item.data) return <Loading />;
  if (item.error || !item.data) return <ErrorBanner error={item.error} title={`${id} could not be loaded.`} />;
  const it = item.data;

  return (
    <article className="catalog-detail" data-testid="catalog-detail" aria-labelledby="catalog-item-title">
      <nav className="breadcrumbs" aria-label="Catalog path">
        <span>{frameworkTitle}</span>
        {trail.map((t) => (
          <span key={t}>
            {' '}
            <span aria-hidden="true">/</span> <Link to={itemLink(framework, t)}>{t}</Link>
          </span>
        ))}
      </nav>
      <div className="kicker">{labelOf(catalogKindLabels, it.kind)}</div>
      <h1 id="catalog-item-title">
        <span className="item-id" data-testid="catalog-item-id">{it.id}</span> <span data-testid="catalog-item-title">{it.title}</span>
      </h1>
      <div className="head-badges">
        <DocBadge value={it.documented_information} basis={it.documented_information_basis} />
        {it.tags.map((t) => (
          <span key={t} className="badge badge-neutral">
            {t}
          </span>
        ))}
      </div>

      {it.summary ? (
        <section>
          <h2>What it asks for</h2>
          <p className="prewrap" data-testid="catalog-summary">{it.summary}</p>
        </section>
      ) : null}
      {it.objective ? (
        <section>
          <h2>Objective</h2>
          <p className="prewrap">{it.objective}</p>
        </section>
      ) : null}
      {it.evidence.length ? (
        <section>
          <h2>Evidence an auditor expects</h2>
          <ul className="bullets" data-testid="catalog-evidence">
            {it.evidence.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {it.questions.length ? (
        <section>
          <h2>Guiding questions</h2>
          <ol className="bullets" data-testid="catalog-questions">
            {it.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        </section>
      ) : null}
      {it.suggested_action ? (
        <section className="callout">
          <h2>Suggested action</h2>
          <p className="prewrap">{it.suggested_action}</p>
        </section>
      ) : null}
      {it.children.length ? (
        <section>
          <h2>Contains</h2>
          <ul className="child-list">
            {it.children.map((c) => (
              <li key={c}>
                <Link to={itemLink(framework, c)}>
                  <span className="tree-id">{c}</span> {byId.get(c)?.title ?? ''}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted small">
        Catalog id <code>{it.uid}</code>
      </p>
    </article>
  );
}
