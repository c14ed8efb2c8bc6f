// The catalog browser: tree or search results on the left, the chosen item on the right.
// URLs are deep-linkable: /catalog/iso42001/A.6.2.4, with ?q=… keeping a search open.
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useAsync, useDebounced, useTitle } from '../../../lib/hooks';
import { catalogKindLabels, labelOf, shortTitle } from '../../../lib/labels';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { listAllItems, listFrameworks, searchItems, type CatalogItem, type Framework } from '../api';
import { ancestorsOf, sectionsOf } from '../tree';
import { CatalogDetail } from './CatalogDetail';
import { CatalogTree, nodeKey } from './CatalogTree';

interface Loaded {
  frameworks: Framework[];
  items: Record<string, CatalogItem[]>;
}

async function loadCatalog(signal: AbortSignal): Promise<Loaded> {
  const frameworks = await listFrameworks(signal);
  const lists = await Promise.all(frameworks.map((f) => listAllItems(f.id, signal)));
  return { frameworks, items: Object.fromEntries(frameworks.map((f, i) => [f.id, lists[i]])) };
}

export function CatalogPage() {
  const { framework, itemId } = useParams();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const catalog = useAsync(loadCatalog, []);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [text, setText] = useState(q);
  const debounced = useDebounced(text, 250);
  useTitle(itemId ? `${itemId} · Catalog` : 'Catalog');

  useEffect(() => {
    const next = debounced.trim();
    if (next === q) return;
    const p = new URLSearchParams(params);
    if (next) p.set('q', next);
    else p.delete('q');
    setParams(p, { replace: true });
  }, [debounced]);

  // Open the path to the chosen item.
  useEffect(() => {
    if (!catalog.data || !framework || !itemId) return;
    const trail = ancestorsOf(catalog.data.items[framework] ?? [], itemId);
    if (!trail.length) return;
    setExpanded((old) => {
      const next = new Set(old);
      for (const a of trail) next.add(nodeKey(framework, a));
      return next;
    });
  }, [catalog.data, framework, itemId]);

  const sections = useMemo(
    () => (catalog.data ? catalog.data.frameworks.flatMap((f) => sectionsOf(f.id, shortTitle(f.title), catalog.data!.items[f.id] ?? [])) : []),
    [catalog.data],
  );

  const results = useAsync(
    async (signal) => {
      if (!q || !catalog.data) return null;
      const found = await Promise.all(catalog.data.frameworks.map((f) => searchItems(f.id, q, signal)));
      return catalog.data.frameworks.map((f, i) => ({ framework: f, ...found[i] }));
    },
    [q, catalog.data],
  );

  if (catalog.loading && !catalog.data) return <Loading label="Loading the catalog…" />;
  if (catalog.error || !catalog.data) return <ErrorBanner error={catalog.error} title="The catalog could not be loaded." />;
  const data = catalog.data;
  const current = framework ? data.frameworks.find((f) => f.id === framework) : undefined;
  const keep = q ? `?q=${encodeURIComponent(q)}` : '';

  const toggle = (key: string) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className="catalog">
      <aside className="catalog-nav card" aria-label="Catalog contents">
        <div className="field field-search">
          <label htmlFor="catalog-search">Search the catalog</label>
          <input
            id="catalog-search"
            type="search"
            value={text}
            placeholder="Id, title or guidance text…"
            maxLength={200}
            onChange={(e) => setText(e.target.value)}
            data-testid="catalog-search"
          />
        </div>
        {q ? (
          <div className="search-results" data-testid="catalog-results" aria-live="polite">
            {results.loading && !results.data ? <Loading label="Searching…" /> : null}
            <ErrorBanner error={results.error} />
            {results.data ? (
              <>
                <p className="muted small">
                  {results.data.reduce((n, r) => n + r.total, 0)} result(s) for “{q}”{' '}
                  <button type="button" className="link-btn" onClick={() => setText('')}>
                    Clear
                  </button>
                </p>
                {results.data
                  .filter((r) => r.items.length)
                  .map((r) => (
                    <section key={r.framework.id}>
                      <h2 className="tree-section-title">{shortTitle(r.framework.title)}</h2>
                      <ul className="result-list">
                        {r.items.map((it) => (
                          <li key={it.id}>
                            <Link
                              to={`/catalog/${encodeURIComponent(r.framework.id)}/${encodeURIComponent(it.id)}${keep}`}
                              aria-current={framework === r.framework.id && itemId === it.id ? 'page' : undefined}
                            >
                              <span className="tree-id">{it.id}</span> {it.title}
                              <span className="result-kind">{labelOf(catalogKindLabels, it.kind)}</span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </section>
                  ))}
              </>
            ) : null}
          </div>
        ) : (
          <CatalogTree
            sections={sections}
            expanded={expanded}
            selected={framework && itemId ? nodeKey(framework, itemId) : null}
            onToggle={toggle}
            search={keep}
          />
        )}
      </aside>
      <div className="catalog-main card">
        {framework && itemId ? (
          current ? (
            <CatalogDetail
              key={`${framework}:${itemId}`}
              framework={framework}
              frameworkTitle={shortTitle(current.title)}
              id={itemId}
              items={data.items[framework] ?? []}
              trail={ancestorsOf(data.items[framework] ?? [], itemId)}
            />
          ) : (
            <ErrorBanner error={new Error(`There is no framework “${framework}” in the catalog.`)} />
          )
        ) : (
          <Overview frameworks={data.frameworks} />
        )}
      </div>
    </div>
  );
}

function Overview({ frameworks }: { frameworks: Framework[] }) {
  return (
    <div className="catalog-overview">
      <h1>Catalog</h1>
      <p className="muted">
        The standards aims works with, as data: every clause and control with guidance in plain language, the evidence an auditor
        expects, and questions for your assessment. Choose an item on the left or search.
      </p>
      <div className="framework-cards">
        {frameworks.map((f) => (
          <div key={f.id} className="framework-card">
            <h2>{f.title}</h2>
            <dl className="fields fields-compact">
              <div className="field-row">
                <dt>Version</dt>
                <dd>{f.version}</dd>
              </div>
              <div className="field-row">
                <dt>Items</dt>
                <dd>{f.item_count}</dd>
              </div>
              <div className="field-row">
                <dt>Source</dt>
                <dd>{f.source}</dd>
              </div>
              <div className="field-row">
                <dt>Licence</dt>
                <dd>{f.licence}</dd>
              </div>
            </dl>
          </div>
        ))}
      </div>
    </div>
  );
}
