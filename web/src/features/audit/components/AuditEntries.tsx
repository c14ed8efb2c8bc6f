// The entries of the audit log as people read them: newest first, when / who / what / which record
// (its title linked to its page), filtered by record type, actor, operation and days in the URL,
// paged by cursor, and each entry's inclusion proof fetched and verified in the browser on demand.
// React state of one page; the LogVerifier is the page's own.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { FilterBar, Pager, SelectFilter } from '../../../components/records/ListParts';
import { loadKinds } from '../../../components/records/kinds';
import { useListPage } from '../../../components/records/useListPage';
import { formatDateTime } from '../../../lib/labels';
import { fetchPage, type ListFilters } from '../../../lib/lists';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import type { AuditEntry, AuditOperation } from '../api';
import { LogVerifier } from '../proofs';
import { ProofStatus } from './ProofStatus';

const ENTRIES = '/api/v1/audit/entries';
type Filters = ListFilters<typeof ENTRIES>;
const FILTER_KEYS = ['record_type', 'actor', 'operation', 'from_date', 'to_date'] as const;

/** The record types every organization's log has, besides the kinds the server serves. */
const BASE_TYPES: [string, string][] = [
  ['system', 'AI system'],
  ['assessment', 'Assessment'],
  ['answer', 'Assessment answer'],
  ['roadmap_action', 'Roadmap action'],
  ['risk', 'Risk'],
  ['objective', 'Objective'],
  ['evidence', 'Evidence'],
  ['impact_assessment', 'Impact assessment'],
  ['soa_entry', 'SoA entry'],
  ['soa_version', 'SoA version'],
  ['organization', 'Organization'],
  ['membership', 'Membership'],
];

/** Every operation the log writes (the API's enum, so a new one fails to compile until named here). */
const operationLabels: Record<AuditOperation, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  accept: 'Accepted',
  approve: 'Approved',
  archive: 'Archived',
  classify: 'Classified',
  generate: 'Generated',
  hold: 'Legal hold placed',
  import: 'Imported',
  reading_added: 'Reading added',
  reading_deleted: 'Reading deleted',
  reclassify: 'Re-classified',
  reinstate: 'Reinstated',
  release: 'Legal hold released',
  restore: 'Restored',
  retire: 'Retired',
  submit: 'Submitted',
  withdraw_acceptance: 'Acceptance withdrawn',
};
const OPERATIONS = Object.entries(operationLabels) as [AuditOperation, string][];

/** The pages of records the web has, by record type. */
const PAGES: Record<string, (id: string) => string> = {
  system: (id) => `/systems/${id}`,
  assessment: (id) => `/assessments/${id}`,
  risk: (id) => `/risks/${id}`,
  objective: (id) => `/objectives/${id}`,
  evidence: (id) => `/evidence/${id}`,
  impact_assessment: (id) => `/impact/${id}`,
  soa_entry: () => '/soa',
  soa_version: (id) => `/soa/versions/${id}`,
};

/** An operation as a word: "Created", or the history operation's own word. */
export function operationWord(op: string | undefined): string {
  const known = OPERATIONS.find(([v]) => v === op);
  if (known) return known[1];
  return op ? op.charAt(0).toUpperCase() + op.slice(1).replace(/_/g, ' ') : '';
}

/** The record types to filter by: the base ones and the served kinds, by label. */
function useRecordTypes(): { types: [string, string][]; paths: Record<string, string> } {
  const [kinds, setKinds] = useState<{ types: [string, string][]; paths: Record<string, string> }>({ types: BASE_TYPES, paths: {} });
  useEffect(() => {
    let live = true;
    loadKinds().then(
      (all) => {
        if (!live) return;
        const types = [...BASE_TYPES];
        const paths: Record<string, string> = {};
        for (const k of all) {
          if (!types.some(([v]) => v === k.kind)) types.push([k.kind, k.title]);
          paths[k.kind] = k.path;
        }
        types.sort((a, b) => a[1].localeCompare(b[1]));
        setKinds({ types, paths });
      },
      () => undefined,  // the base types still filter
    );
    return () => {
      live = false;
    };
  }, []);
  return kinds;
}

function recordLink(e: AuditEntry, paths: Record<string, string>): string | null {
  const id = e.record_id ?? '';
  if (!id || id.includes('/') || e.op === 'delete') return null;
  const page = PAGES[e.record_type ?? ''];
  if (page) return page(encodeURIComponent(id));
  const path = paths[e.record_type ?? ''];
  return path ? `/${path}/${encodeURIComponent(id)}` : null;
}

/** A free-text filter committed on Enter or when the field is left. */
function TextFilter({ value, onCommit }: { value: string; onCommit: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <div className="field">
      <label htmlFor="filter-actor">Who (e-mail)</label>
      <input
        id="filter-actor"
        type="search"
        value={text}
        maxLength={320}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text.trim() !== value && onCommit(text.trim())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onCommit(text.trim());
        }}
        data-testid="audit-filter-actor"
      />
    </div>
  );
}

export function AuditEntries() {
  const { types, paths } = useRecordTypes();
  const [verifier] = useState(() => new LogVerifier());
  const [proofs, setProofs] = useState<Set<number>>(new Set());
  const list = useListPage({
    filterKeys: FILTER_KEYS,
    defaultSort: '',
    load: async (filters: Filters, cursor, limit, signal) => {
      const page = await fetchPage<AuditEntry, typeof ENTRIES>(ENTRIES, {
        query: { ...filters, order: 'newest', cursor, limit },
        signal,
      });
      return { ...page, total: page.items.length };
    },
  });
  const page = list.page;
  const dateField = (key: 'from_date' | 'to_date', label: string) => (
    <div className="field">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <input
        id={`filter-${key}`}
        type="date"
        value={list.params.get(key) ?? ''}
        onChange={(e) => list.setFilter(key, e.target.value)}
        data-testid={`audit-filter-${key}`}
      />
    </div>
  );
  return (
    <>
      <FilterBar label="Filter entries">
        <SelectFilter list={list} name="record_type" label="Record type" options={types} testId="audit-filter-type" />
        <TextFilter value={list.params.get('actor') ?? ''} onCommit={(v) => list.setFilter('actor', v)} />
        <SelectFilter list={list} name="operation" label="Operation" options={OPERATIONS} testId="audit-filter-operation" />
        {dateField('from_date', 'From')}
        {dateField('to_date', 'To')}
        {list.hasFilters ? (
          <button type="button" className="link-btn" onClick={list.clearFilters}>
            Clear filters
          </button>
        ) : null}
      </FilterBar>
      <ErrorBanner error={list.error} title="The entries could not be loaded." />
      {!page && list.loading ? <Loading /> : null}
      {page && page.items.length === 0 ? (
        <EmptyState title={list.hasFilters ? 'No entries match these filters' : 'No entries yet'} testId="audit-empty">
          <p>{list.hasFilters ? 'Try other filters or clear them.' : 'Every change to a record of this organization will be appended here.'}</p>
        </EmptyState>
      ) : null}
      {page && page.items.length > 0 ? (
        <>
          <DataTable columns={['When', 'Who', 'What', 'Record', 'Entry', { label: 'Proof', hidden: true }]} className="table-compact" testId="audit-entries" busy={list.stale}>
            {page.items.map((e) => {
              const href = recordLink(e, paths);
              const title = e.record_title ?? e.record_id;
              return (
                <tr key={e.seq} data-testid="audit-entry" data-seq={e.seq}>
                  <td>{e.at ? formatDateTime(e.at) : ''}</td>
                  <td title={e.actor}>{e.actor_name ?? e.actor}</td>
                  <td>{operationWord(e.op)}</td>
                  <td>
                    <span className="muted">{types.find(([v]) => v === e.record_type)?.[1] ?? e.record_type}</span>{' '}
                    {href ? <Link to={href}>{title}</Link> : <span>{title}</span>}
                  </td>
                  <td>
                    <code title={`Content SHA-256 ${e.content_sha256 ?? ''}`}>#{e.seq}</code>
                  </td>
                  <td>
                    {proofs.has(e.seq) ? (
                      <ProofStatus seq={e.seq} verifier={verifier} expect={{ record_type: e.record_type ?? '', record_id: e.record_id ?? '' }} />
                    ) : (
                      <button type="button" className="btn btn-small" onClick={() => setProofs((s) => new Set(s).add(e.seq))} data-testid="audit-proof">
                        Proof
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </>
      ) : null}
      {page && (page.next || list.canGoBack) ? <Pager list={list} /> : null}
    </>
  );
}
