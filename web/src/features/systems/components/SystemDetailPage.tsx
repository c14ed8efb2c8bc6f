// One AI system: its overview (what is missing, and a card per part), all fields grouped, edit,
// archive/restore, and its history.
import { ActionDialog, useConfirmedAction } from '../../../components/records/ActionDialog';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { DetailTabs, MetaRow, useTabParam } from '../../../components/records/DetailTabs';
import { Breadcrumbs, FlashBanner, loadGate, PageHead, useFlash } from '../../../components/RecordPage';
import { errorMessage } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDateTime, labelOf } from '../../../lib/labels';
import { Banner, ClassBadge, Loading, StatusBadge } from '../../../lib/ui';
import { ScopeOf } from './ScopeOf';
import { useSession } from '../../auth';
import { archiveSystem, getOverview, getSystem, restoreSystem, type AiSystem, type SystemOverview } from '../api';
import { fieldGroups, type FieldDef } from '../fields';
import { HistoryTab } from './HistoryTab';
import { OverviewTab } from './OverviewTab';
import { RolesOf } from './RolesOf';

/** The roles from the saved classification; undefined while the overview loads. */
function classifiedRoles(o: SystemOverview | undefined): string[] | null | undefined {
  if (!o) return undefined;
  return o.classification.classified ? o.classification.roles : null;
}

function FieldValue({ def, system, overview }: { def: FieldDef; system: AiSystem; overview?: SystemOverview }) {
  const raw = (system as Record<string, unknown>)[def.key];
  if (def.key === 'organization_role') {
    const roles = classifiedRoles(overview);
    return roles === undefined ? <span className="muted">…</span> : <RolesOf roles={roles} />;
  }
  switch (def.kind) {
    case 'lines': {
      const items = Array.isArray(raw) ? (raw as string[]) : [];
      if (items.length === 0) return <span className="muted">—</span>;
      return (
        <ul className="chips">
          {items.map((x, i) => (
            <li key={`${i}-${x}`} className="chip">
              {x}
            </li>
          ))}
        </ul>
      );
    }
    case 'bool':
      return <span>{raw === true ? 'Yes' : 'No'}</span>;
    case 'select':
      if (def.key === 'eu_ai_act_class') return <ClassBadge value={system.eu_ai_act_class} />;
      if (def.key === 'status') return <StatusBadge value={system.status} />;
      return <span>{labelOf(def.options, raw as string)}</span>;
    default: {
      const s = typeof raw === 'string' ? raw : '';
      return s ? <span className="prewrap">{s}</span> : <span className="muted">—</span>;
    }
  }
}

const TABS = ['overview', 'details', 'history'] as const;
const TAB_TITLES: Record<(typeof TABS)[number], string> = { overview: 'Overview', details: 'Details', history: 'History' };

export function SystemDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const loaded = useAsync((signal) => getSystem(id, signal), [id]);
  const archive = useConfirmedAction();
  const flash = useFlash();
  const overview = useAsync((signal) => getOverview(id, signal), [id]);
  const [tab, selectTab] = useTabParam(TABS);
  useTitle(loaded.data?.system.name ?? 'AI system');

  const gate = loadGate(loaded, ['/systems', 'AI systems'], 'The AI system could not be loaded.');
  if (gate || !loaded.data) return gate;
  const { system } = loaded.data;

  const archiveOrRestore = () =>
    archive.run(async () => {
      const next = system.archived ? await restoreSystem(system.id) : await archiveSystem(system.id);
      loaded.setData(next);
      navigate(location.pathname + location.search, {
        replace: true,
        state: { flash: next.system.archived ? 'The AI system was archived.' : 'The AI system was restored.' },
      });
    });

  return (
    <div className="page" data-testid="system-detail">
      <Breadcrumbs links={[['/systems', 'AI systems']]}>{system.name}</Breadcrumbs>
      <PageHead
        title={system.name}
        badges={
          <>
            <ClassBadge value={system.eu_ai_act_class} />
            <StatusBadge value={system.status} archived={system.archived} />
            {system.gpai ? <span className="badge badge-neutral">GPAI</span> : null}
            <ScopeOf scope={system.scope} testId="system-scope" />
          </>
        }
        actions={
          <>
            <Link className="btn" to={`/systems/${encodeURIComponent(system.id)}/classification`} data-testid="classification-link">EU AI Act classification</Link>
            {session.canWrite && !system.archived ? (
              <Link className="btn btn-primary" to={`/systems/${encodeURIComponent(system.id)}/edit`}>
                Edit
              </Link>
            ) : null}
            {session.canManage ? (
              <button type="button" className={`btn ${system.archived ? '' : 'btn-danger-outline'}`} onClick={() => archive.setOpen(true)}>
                {system.archived ? 'Restore' : 'Archive'}
              </button>
            ) : null}
          </>
        }
      />
      <FlashBanner message={flash} />
      {system.archived ? (
        <Banner kind="info">This AI system is archived. It is kept with its history and can be restored.</Banner>
      ) : null}
      {archive.error && !archive.open ? <div className="banner banner-error" role="alert">{archive.error}</div> : null}
      <MetaRow
        items={[
          ['Id', system.id, 'mono'],
          ['Version', system.version],
          ['Created', `${formatDateTime(system.created_at)} by ${system.created_by}`],
          ['Last changed', `${formatDateTime(system.updated_at)} by ${system.updated_by}`],
        ]}
      />

      <DetailTabs label="AI system" tabs={TABS} current={tab} onSelect={selectTab} title={(t) => TAB_TITLES[t]}>
        {tab === 'overview' ? (
          overview.data ? (
            <OverviewTab systemId={system.id} overview={overview.data} />
          ) : overview.error ? (
            <div className="banner banner-error" role="alert">The overview could not be loaded: {errorMessage(overview.error)}</div>
          ) : (
            <Loading />
          )
        ) : tab === 'details' ? (
          <div className="detail-groups">
            {fieldGroups.map((g) => (
              <section key={g.id} className="card" aria-labelledby={`group-${g.id}`}>
                <h2 id={`group-${g.id}`}>{g.title}</h2>
                <dl className="fields">
                  {g.fields.map((f) => (
                    <div key={f.key} className="field-row" data-field={f.key}>
                      <dt>{f.key === 'organization_role' ? 'EU AI Act roles (from the classification)' : f.label}</dt>
                      <dd>
                        <FieldValue def={f} system={system} overview={overview.data} />
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        ) : (
          <HistoryTab systemId={system.id} version={system.version} />
        )}
      </DetailTabs>

      <ActionDialog
        action={archive}
        title={system.archived ? 'Restore this AI system?' : 'Archive this AI system?'}
        confirmLabel={system.archived ? 'Restore' : 'Archive'}
        danger={!system.archived}
        onConfirm={() => void archiveOrRestore()}
      >
        <p>
          {system.archived
            ? `“${system.name}” will be listed with the active AI systems again.`
            : `“${system.name}” will be hidden from the list and the dashboard. Nothing is deleted: it keeps its history and can be restored.`}
        </p>
      </ActionDialog>
    </div>
  );
}
