// What the record picker searches when evidence is linked: the vault's evidence (by title, file
// name, number; for answers and SoA entries) and the records of each link target type (for the
// vault's "link to a record"), each one server-side page (obligations and answers: a few pages,
// matched here). Stateless.
import { api } from '../../lib/api';
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
    case 'obligation':
      return searchObligations;
    case 'answer':
      return searchAnswers;
    default:
      return null;
  }
}

interface ObligationRow {
  system_id: string;
  system_name: string;
  obligation_id: string;
  article: string;
  title: string;
}

/** Obligations whose title, article or AI system matches: those of the systems found by name, and
 *  those among the first page of the register whose title or article matches. */
const searchObligations: PickSearch = async (q, signal) => {
  const [systems, first] = await Promise.all([
    fetchPage<Named, '/api/v1/systems'>('/api/v1/systems', { query: { q, limit: 3 }, signal }),
    fetchPage<ObligationRow, '/api/v1/obligations'>('/api/v1/obligations', { query: { limit: 200 }, signal }),
  ]);
  const ofSystems = await Promise.all(
    systems.items.map((s) => fetchPage<ObligationRow, '/api/v1/obligations'>('/api/v1/obligations', { query: { system: s.id, limit: 100 }, signal })),
  );
  const seen = new Set<string>();
  const rows = [...ofSystems.flatMap((p) => p.items), ...first.items.filter((o) => containsText(q, o.title, o.article, o.obligation_id))];
  return rows
    .filter((o) => !seen.has(`${o.system_id}:${o.obligation_id}`) && seen.add(`${o.system_id}:${o.obligation_id}`))
    .slice(0, PAGE)
    .map((o) => ({ key: `obligation:${o.system_id}:${o.obligation_id}`, title: `${o.article} ${o.title}`, detail: o.system_name }));
};

interface AnswerRow {
  item_id: string;
  title: string;
}

/** Items of the three newest assessments whose id, title or assessment name matches. */
const searchAnswers: PickSearch = async (q, signal) => {
  const assessments = await fetchPage<Named, '/api/v1/assessments'>('/api/v1/assessments', { query: { limit: 3 }, signal });
  const answers = await Promise.all(
    assessments.items.map(async (a) => {
      const { data } = await api('get', '/api/v1/assessments/{id}/answers', { path: { id: a.id }, signal });
      const named = containsText(q, a.name);
      return (data.items as AnswerRow[])
        .filter((i) => named || containsText(q, i.item_id, i.title))
        .map((i) => ({ key: `answer:${a.id}:${i.item_id}`, title: `${i.item_id} ${i.title}`, detail: a.name ?? a.id }));
    }),
  );
  return answers.flat().slice(0, PAGE);
};
