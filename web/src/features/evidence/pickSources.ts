// What the record picker searches when evidence is linked: the vault's evidence (by title, file
// name, number; for answers and SoA entries) and the records of each link target type (for the
// vault's "link to a record"), each one server-side page. Stateless.
import { fetchPage } from '../../lib/lists';
import type { PickOption, PickSearch } from '../../components/records/RecordPicker';
import { classificationLabels, type Classification } from './evidence';
import type { Evidence } from './api';

const PAGE = 10;

/** Evidence of the vault matching the text; the option's key is the evidence id. */
export const searchEvidence: PickSearch = async (q, signal) => {
  const page = await fetchPage<Evidence, '/api/v1/evidence'>('/api/v1/evidence', { query: { q, limit: PAGE, sort: 'title' }, signal });
  return page.items.map((e) => ({
    key: e.id,
    title: e.title,
    detail: `${e.number} · ${e.filename}`,
    classification: classificationLabels[e.classification as Classification] ?? e.classification,
  }));
};

interface Named {
  id: string;
  name?: string;
  title?: string;
  key?: string;
  ref?: string;
  number?: number | string;
}

/** Options from a list page's rows, keyed `type:id`. */
function options(type: string, rows: Named[], detail: (r: Named) => string | undefined): PickOption[] {
  return rows.map((r) => ({ key: `${type}:${r.id}`, title: r.title ?? r.name ?? r.id, detail: detail(r) }));
}

const containsText = (q: string, ...texts: (string | undefined)[]) => texts.some((t) => t?.toLowerCase().includes(q.toLowerCase()));

type RecordList = '/api/v1/systems' | '/api/v1/risks' | '/api/v1/objectives' | '/api/v1/impact-assessments';

/** One page of a record list's matches (its `q`), as options of `type`. */
function listSearch(path: RecordList, type: string, detail: (r: Named) => string | undefined): PickSearch {
  return async (q, signal) => {
    const page = await fetchPage<Named, RecordList>(path, { query: { q, limit: PAGE }, signal } as never);
    return options(type, page.items, detail);
  };
}

/** The picker search for link targets of `type`, or null when that type is linked by typing its id. */
export function targetSearch(type: string): PickSearch | null {
  switch (type) {
    case 'system':
    case 'classification':
      return listSearch('/api/v1/systems', type, (r) => r.id);
    case 'risk':
      return listSearch('/api/v1/risks', type, (r) => r.id);
    case 'objective':
      return listSearch('/api/v1/objectives', type, (r) => r.key);
    case 'impact_assessment':
      return listSearch('/api/v1/impact-assessments', type, (r) => r.ref);
    case 'assessment':
      return async (q, signal) => {
        const page = await fetchPage<Named, '/api/v1/assessments'>('/api/v1/assessments', { query: { limit: 100 }, signal });
        return options(type, page.items.filter((a) => containsText(q, a.name, a.id)).slice(0, PAGE), (r) => r.id);
      };
    case 'soa_entry':
    case 'catalog_item':
      return async (q, signal) => {
        const page = await fetchPage<Named, '/api/v1/catalog/frameworks/{framework}/items'>('/api/v1/catalog/frameworks/{framework}/items', {
          path: { framework: 'iso42001' },
          query: { q, limit: PAGE, ...(type === 'soa_entry' ? { kind: 'control' as const } : {}) },
          signal,
        });
        return page.items.map((i) => ({
          key: type === 'soa_entry' ? `soa_entry:${i.id}` : `catalog_item:iso42001:${i.id}`,
          title: `${i.id} ${i.title ?? ''}`.trim(),
          detail: type === 'soa_entry' ? 'Annex A control' : 'ISO/IEC 42001',
        }));
      };
    default:
      return null;  // obligations and answers: by their two-part id
  }
}
