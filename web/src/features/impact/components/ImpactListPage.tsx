// The organization's impact assessments: filters (AI system, status, outcome, re-assessment due,
// text), sortable columns and cursor pagination, with the filters kept in the URL.
import { Link } from 'react-router-dom';
import { CreateLink, DateCell, FilterBar, ListResults, SearchFilter, SelectFilter, type Column } from '../../../components/records/ListParts';
import { PageHead } from '../../../components/RecordPage';
import { useListPage } from '../../../components/records/useListPage';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDate } from '../../../lib/labels';
import { useSession } from '../../auth';
import { filterKeys, listImpact, systemChoices, type ImpactFilters } from '../api';
import { levelLabels, statusLabels } from '../labels';
import { DueBadge, FriaBadge, ImpactStatusBadge, LevelBadge } from './badges';

const columns: Column[] = [
  { key: 'ref', label: 'Ref', sort: 'ref' },
  { key: 'title', label: 'Assessment', sort: 'title' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'outcome', label: 'Outcome', sort: 'outcome' },
  { key: 'next_review_date', label: 'Next review', sort: 'next_review_date' },
  { key: 'updated_at', label: 'Last changed', sort: 'updated_at' },
];

export function impactPath(id: string, tab?: 'fria' | 'versions' | 'history'): string {
  return `/impact/${encodeURIComponent(id)}${tab ? `/${tab}` : ''}`;
}

export function ImpactListPage() {
  useTitle('Impact assessments');
  const session = useSession();
  const list = useListPage({
    filterKeys,
    defaultSort: '-updated_at',
    load: (f: ImpactFilters, cursor, limit, signal) => listImpact(f, cursor, limit, signal),
    scrollOnTurn: false,
  });
  const systems = useAsync((signal) => systemChoices(signal), []);


  return (
    <div className="page" data-testid="impact-list-page">
      <PageHead
        title="Impact assessments"
        intro="What each AI system may do to individuals, groups and society, the measures against harm, and the EU AI Act fundamental-rights view."
        actions={
          <>
            <Link className="btn" to="/impact/settings">
              Thresholds
            </Link>
            <CreateLink show={session.canWrite} to="/impact/new" testId="new-impact">
              New impact assessment
            </CreateLink>
          </>
        }
      />

      <FilterBar label="Filter impact assessments">
        <SearchFilter list={list} id="impact-search" placeholder="Title, IA number, AI system…" />
        <SelectFilter list={list} name="system_id" id="filter-system" label="AI system" options={(systems.data ?? []).map((s) => [s.id, s.name] as const)} />
        <SelectFilter list={list} name="status" label="Status" options={Object.entries(statusLabels)} />
        <SelectFilter list={list} name="outcome" label="Outcome" options={Object.entries(levelLabels)} />
        <SelectFilter list={list} name="reassessment_due" id="filter-due" label="Re-assessment" options={[['true', 'Due'], ['false', 'Not due']]} />
      </FilterBar>

      <ListResults list={list} columns={columns} name="impact" noun={['impact assessment', 'impact assessments']}
        empty={{
          title: 'No impact assessments yet',
          text: "Assess an AI system's benefits and harms to the people it affects before it goes live and whenever it changes. A new assessment starts from what the inventory already says about the system.",
          create: session.canWrite ? ['/impact/new', 'Start the first impact assessment'] : null,
        }}
        row={(a) => (
          <tr key={a.id} data-impact={a.ref}>
            <td className="nowrap mono">{a.ref}</td>
            <td>
              <Link to={impactPath(a.id)} className="row-link">
                {a.title}
              </Link>
              <div className="cell-sub">{a.system?.name ?? a.system_id}</div>
            </td>
            <td>
              <span className="badge-group">
                <ImpactStatusBadge value={a.status} />
                <DueBadge due={a.reassessment_due} />
              </span>
            </td>
            <td>
              <span className="badge-group">
                <LevelBadge value={a.outcome} />
                <FriaBadge required={a.fria_required} />
              </span>
            </td>
            <td className="nowrap">{a.next_review_date ? formatDate(a.next_review_date) : <span className="muted">—</span>}</td>
            <DateCell at={a.updated_at} />
          </tr>
        )}
      />
    </div>
  );
}
